package io.reactivecql.internal.policy.lb;

import io.reactivecql.api.result.ColumnDefinitions;
import io.reactivecql.api.statement.BoundStatement;
import io.reactivecql.api.statement.PreparedStatement;
import io.reactivecql.api.statement.Statement;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Routing keys: a bound statement's partition-key values, found through the prepared statement's
 * partition-key indexes; one component as is, several as {@code [unsigned short length][bytes][0x00]}
 * per component (the format Cassandra's CompositeType and the token map expect).
 */
public final class RoutingKeys {

    private RoutingKeys() {
    }

    /** The routing key of {@code statement}, or null when it has none (not bound, or a key value unset or null). */
    public static ByteBuffer of(Statement<?> statement) {
        if (!(statement instanceof BoundStatement bound)) {
            return null;
        }
        PreparedStatement prepared = bound.preparedStatement();
        List<Integer> indexes = prepared.partitionKeyIndexes();
        if (indexes.isEmpty()) {
            return null;
        }
        List<ByteBuffer> values = bound.values();
        if (indexes.size() == 1) { // the usual single-column partition key: no array
            int index = indexes.get(0);
            if (index >= values.size() || !bound.isSet(index) || values.get(index) == null) {
                return null;
            }
            return values.get(index).asReadOnlyBuffer();
        }
        ByteBuffer[] parts = new ByteBuffer[indexes.size()];
        for (int i = 0; i < parts.length; i++) {
            int index = indexes.get(i);
            if (index >= values.size() || !bound.isSet(index) || values.get(index) == null) {
                return null;
            }
            parts[i] = values.get(index);
        }
        return compose(parts);
    }

    /** One component as is (a read-only duplicate); several composed. */
    public static ByteBuffer compose(ByteBuffer... components) {
        if (components.length == 1) {
            return components[0].asReadOnlyBuffer();
        }
        int size = 0;
        for (ByteBuffer c : components) {
            size += 2 + c.remaining() + 1;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (ByteBuffer c : components) {
            out.putShort((short) c.remaining());
            out.put(c.duplicate());
            out.put((byte) 0);
        }
        return out.flip().asReadOnlyBuffer();
    }

    /** The keyspace of a bound statement's table (from its bind markers), or null. */
    public static String keyspaceOf(Statement<?> statement) {
        if (statement instanceof BoundStatement bound) {
            ColumnDefinitions variables = bound.preparedStatement().variableDefinitions();
            if (variables.size() > 0) {
                return variables.get(0).keyspace();
            }
        }
        return null;
    }
}
