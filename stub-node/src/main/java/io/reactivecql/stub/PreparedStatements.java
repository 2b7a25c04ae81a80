package io.reactivecql.stub;

import io.reactivecql.protocol.response.result.ColumnSpec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements a node has prepared, by id. Node-wide, as in Cassandra: a statement prepared on
 * one connection executes on every other. Thread-safe.
 */
final class PreparedStatements {

    /** What EXECUTE needs to know about a prepared statement. */
    record Statement(byte[] id, String keyspace, String query, List<ColumnSpec> resultColumns) {
    }

    static {
        digest(); // load the provider now, on the thread that creates the node, not on an event loop
    }

    private final ConcurrentHashMap<ByteBuffer, Statement> statements = new ConcurrentHashMap<>();

    /** Cassandra's id: MD5 of the keyspace (when given) followed by the query text. */
    static byte[] idOf(String keyspace, String query) {
        String key = keyspace == null ? query : keyspace + query;
        return digest().digest(key.getBytes(StandardCharsets.UTF_8));
    }

    /** A stable id for a list of result columns (the v5 result metadata id). */
    static byte[] metadataIdOf(List<ColumnSpec> columns) {
        StringBuilder key = new StringBuilder();
        for (ColumnSpec c : columns) {
            key.append(c.keyspace()).append('.').append(c.table()).append('.').append(c.name()).append(':')
                    .append(c.type().asCql()).append(';');
        }
        return digest().digest(key.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    void put(Statement statement) {
        statements.put(ByteBuffer.wrap(statement.id()), statement);
    }

    /** The statement with this id, or null. */
    Statement get(ByteBuffer id) {
        return statements.get(id);
    }

    void clear() {
        statements.clear();
    }

    int size() {
        return statements.size();
    }
}
