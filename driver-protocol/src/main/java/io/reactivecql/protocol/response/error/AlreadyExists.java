package io.reactivecql.protocol.response.error;

import java.util.Objects;

/**
 * Already_exists (0x2400): a CREATE named a keyspace or table that exists.
 *
 * @param message  the server's message
 * @param keyspace the existing keyspace, or the keyspace of the existing table
 * @param table    the existing table, or the empty string when the keyspace itself exists
 */
public record AlreadyExists(String message, String keyspace, String table) implements ErrorResponse {

    public AlreadyExists {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(table, "table");
    }

    /** Whether the keyspace itself exists (the table is the empty string). */
    public boolean isKeyspace() {
        return table.isEmpty();
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.ALREADY_EXISTS;
    }
}
