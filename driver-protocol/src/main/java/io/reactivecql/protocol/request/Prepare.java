package io.reactivecql.protocol.request;

import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Request;

import java.util.Objects;

/**
 * PREPARE (section 4.1.5): prepares a statement for EXECUTE. Body: v4 {@code <query>}, v5
 * {@code <query><flags>[<keyspace>]}, the query a [long string], flags an [int] (0x01: keyspace
 * present), the keyspace a [string].
 *
 * @param query    the CQL text
 * @param keyspace the keyspace to prepare in (protocol v5 only), or null for the connection's
 */
public record Prepare(String query, String keyspace) implements Request {

    /** PREPARE flag: a keyspace follows. */
    public static final int WITH_KEYSPACE = 0x01;

    public Prepare {
        Objects.requireNonNull(query, "query");
        if (keyspace != null && keyspace.isEmpty()) {
            throw new IllegalArgumentException("keyspace must not be empty (null for none)");
        }
    }

    /** A PREPARE in the connection's keyspace. */
    public Prepare(String query) {
        this(query, null);
    }

    @Override
    public int opcode() {
        return Opcode.PREPARE;
    }
}
