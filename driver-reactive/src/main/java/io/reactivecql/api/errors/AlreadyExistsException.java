package io.reactivecql.api.errors;

import java.net.InetSocketAddress;

/** A CREATE named a keyspace or table that exists (Already_exists, 0x2400). */
public class AlreadyExistsException extends QueryValidationException {

    private static final long serialVersionUID = 1L;

    private final String keyspace;
    private final String table;

    public AlreadyExistsException(InetSocketAddress coordinator, String message, String keyspace, String table) {
        super(coordinator, 0x2400, message);
        this.keyspace = keyspace;
        this.table = table;
    }

    /** The existing keyspace, or the keyspace of the existing table. */
    public String keyspace() {
        return keyspace;
    }

    /** The existing table, or the empty string when the keyspace itself exists. */
    public String table() {
        return table;
    }

    /** Whether the keyspace itself exists. */
    public boolean isKeyspace() {
        return table.isEmpty();
    }
}
