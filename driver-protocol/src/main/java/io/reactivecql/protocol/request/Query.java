package io.reactivecql.protocol.request;

import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Request;

import java.util.Objects;

/**
 * QUERY (section 4.1.4): runs a CQL string. Body: {@code <query><query_parameters>}, the query a
 * [long string].
 *
 * @param query   the CQL text, bind markers allowed
 * @param options consistency, values and the other query parameters
 */
public record Query(String query, QueryOptions options) implements Request {

    public Query {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(options, "options");
    }

    /** The query with {@link QueryOptions#DEFAULT} (consistency ONE, no values). */
    public Query(String query) {
        this(query, QueryOptions.DEFAULT);
    }

    @Override
    public int opcode() {
        return Opcode.QUERY;
    }
}
