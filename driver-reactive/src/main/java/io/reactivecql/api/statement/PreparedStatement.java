package io.reactivecql.api.statement;

import io.reactivecql.api.result.ColumnDefinitions;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A statement prepared on the server: its id, its bind markers and the columns its executions
 * return. Create one with {@code session.prepare(...)}; the session caches prepared statements per
 * query and keyspace, and prepares again transparently when a node has forgotten one. Bind values
 * with {@link #bind} or {@link #boundStatementBuilder()}; values are encoded with the bind marker
 * types at once, so a value of the wrong type fails there, before anything is sent.
 */
public interface PreparedStatement {

    /** The CQL text that was prepared. */
    String query();

    /** The keyspace it was prepared in (protocol v5 per-statement keyspace), or null for the session's. */
    String keyspace();

    /** The prepared statement id (read-only). */
    ByteBuffer id();

    /**
     * The current result metadata id (protocol v5; read-only), or null on v4. Kept current: a rows
     * result that says the metadata changed updates it.
     */
    ByteBuffer resultMetadataId();

    /** The bind markers, in order. */
    ColumnDefinitions variableDefinitions();

    /** The columns an execution returns (empty for statements that return no rows); kept current. */
    ColumnDefinitions resultDefinitions();

    /** For each partition key column, the index of its bind marker; empty when not all are bound. */
    List<Integer> partitionKeyIndexes();

    /**
     * A statement with these values, in marker order. Fewer values than markers leave the rest
     * unset; a null is a NULL; {@link SimpleStatement#UNSET} leaves a marker unset.
     *
     * @throws io.reactivecql.api.errors.InvalidBindingException for a value of the wrong type or
     *                                                             too many values
     */
    BoundStatement bind(Object... values);

    /** A builder to set values one at a time, by index or by name. */
    BoundStatementBuilder boundStatementBuilder();
}
