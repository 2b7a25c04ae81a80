package io.reactivecql.protocol.request;

import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Request;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * BATCH (section 4.1.7): several DML statements run as one. Body:
 * {@code <type><n><query_1>...<query_n><consistency><flags>[<serial_consistency>][<timestamp>]
 * [<keyspace>][<now_in_seconds>]}, flags a [byte] in v4 and an [int] in v5. Absent settings use
 * the same markers as {@link QueryOptions}; {@link #builder} starts from consistency ONE.
 *
 * @param type              LOGGED, UNLOGGED or COUNTER
 * @param statements        the statements, at most 65535
 * @param consistency       the [consistency] of the batch
 * @param serialConsistency SERIAL or LOCAL_SERIAL for conditional updates, or null
 * @param defaultTimestamp  the default write timestamp in microseconds (&ge; 0), or
 *                          {@link QueryOptions#NO_DEFAULT_TIMESTAMP}
 * @param keyspace          the keyspace to run in (protocol v5 only), or null
 * @param nowInSeconds      the server's "now" (protocol v5 only), or {@link QueryOptions#NO_NOW_IN_SECONDS}
 */
public record Batch(
        BatchType type,
        List<BatchStatement> statements,
        ConsistencyLevel consistency,
        ConsistencyLevel serialConsistency,
        long defaultTimestamp,
        String keyspace,
        int nowInSeconds) implements Request {

    public Batch {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(statements, "statements");
        if (statements.size() > RequestWire.MAX_SHORT) {
            throw new IllegalArgumentException("statements has " + statements.size() + " entries, more than the 65535 allowed");
        }
        for (BatchStatement statement : statements) {
            Objects.requireNonNull(statement, "statements element");
        }
        statements = List.copyOf(statements);
        Objects.requireNonNull(consistency, "consistency");
        if (serialConsistency != null && !serialConsistency.isSerial()) {
            throw new IllegalArgumentException("serialConsistency must be SERIAL or LOCAL_SERIAL, not " + serialConsistency);
        }
        if (defaultTimestamp < 0 && defaultTimestamp != QueryOptions.NO_DEFAULT_TIMESTAMP) {
            throw new IllegalArgumentException("defaultTimestamp must not be negative (microseconds), got " + defaultTimestamp);
        }
        if (keyspace != null && keyspace.isEmpty()) {
            throw new IllegalArgumentException("keyspace must not be empty (null for none)");
        }
    }

    /** A builder of a batch of {@code type}, consistency ONE, no statements yet. */
    public static Builder builder(BatchType type) {
        return new Builder(type);
    }

    /** Whether a default timestamp is sent (flag 0x20). */
    public boolean hasDefaultTimestamp() {
        return defaultTimestamp != QueryOptions.NO_DEFAULT_TIMESTAMP;
    }

    /** Whether now_in_seconds is sent (flag 0x100, v5 only). */
    public boolean hasNowInSeconds() {
        return nowInSeconds != QueryOptions.NO_NOW_IN_SECONDS;
    }

    @Override
    public int opcode() {
        return Opcode.BATCH;
    }

    /** Builds a {@link Batch}. Not thread-safe. */
    public static final class Builder {

        private final BatchType type;
        private final List<BatchStatement> statements = new ArrayList<>();
        private ConsistencyLevel consistency = QueryOptions.DEFAULT_CONSISTENCY;
        private ConsistencyLevel serialConsistency;
        private long defaultTimestamp = QueryOptions.NO_DEFAULT_TIMESTAMP;
        private String keyspace;
        private int nowInSeconds = QueryOptions.NO_NOW_IN_SECONDS;

        private Builder(BatchType type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        public Builder add(BatchStatement statement) {
            statements.add(Objects.requireNonNull(statement, "statement"));
            return this;
        }

        /** Adds a query string with positional values. */
        public Builder addQuery(String query, ByteBuffer... values) {
            return add(BatchStatement.query(query, values));
        }

        /** Adds a prepared statement with positional values. */
        public Builder addPrepared(ByteBuffer preparedId, ByteBuffer... values) {
            return add(BatchStatement.prepared(preparedId, values));
        }

        public Builder consistency(ConsistencyLevel consistency) {
            this.consistency = Objects.requireNonNull(consistency, "consistency");
            return this;
        }

        /** SERIAL, LOCAL_SERIAL, or null for none. */
        public Builder serialConsistency(ConsistencyLevel serialConsistency) {
            this.serialConsistency = serialConsistency;
            return this;
        }

        public Builder defaultTimestamp(long defaultTimestamp) {
            this.defaultTimestamp = defaultTimestamp;
            return this;
        }

        /** Protocol v5 only; null for none. */
        public Builder keyspace(String keyspace) {
            this.keyspace = keyspace;
            return this;
        }

        /** Protocol v5 only. */
        public Builder nowInSeconds(int nowInSeconds) {
            this.nowInSeconds = nowInSeconds;
            return this;
        }

        public Batch build() {
            return new Batch(type, Collections.unmodifiableList(statements), consistency, serialConsistency,
                    defaultTimestamp, keyspace, nowInSeconds);
        }
    }
}
