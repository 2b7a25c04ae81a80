package io.reactivecql.stub;

import io.reactivecql.protocol.Request;
import io.reactivecql.protocol.request.AuthResponse;
import io.reactivecql.protocol.request.Batch;
import io.reactivecql.protocol.request.Execute;
import io.reactivecql.protocol.request.Options;
import io.reactivecql.protocol.request.Prepare;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.request.Register;
import io.reactivecql.protocol.request.Startup;

/**
 * The kinds of request a client sends. The first four make up the connection handshake and answer
 * themselves unless a prime says otherwise; the last four are statements, which
 * {@link RequestMatcher#any()} covers.
 */
public enum RequestKind {
    OPTIONS,
    STARTUP,
    AUTH_RESPONSE,
    REGISTER,
    QUERY,
    PREPARE,
    EXECUTE,
    BATCH;

    /** Whether this kind runs a statement (QUERY, PREPARE, EXECUTE, BATCH). */
    public boolean isStatement() {
        return this == QUERY || this == PREPARE || this == EXECUTE || this == BATCH;
    }

    /** The kind of {@code request}. */
    public static RequestKind of(Request request) {
        if (request instanceof Query) {
            return QUERY;
        } else if (request instanceof Execute) {
            return EXECUTE;
        } else if (request instanceof Prepare) {
            return PREPARE;
        } else if (request instanceof Batch) {
            return BATCH;
        } else if (request instanceof Options) {
            return OPTIONS;
        } else if (request instanceof Startup) {
            return STARTUP;
        } else if (request instanceof Register) {
            return REGISTER;
        } else if (request instanceof AuthResponse) {
            return AUTH_RESPONSE;
        }
        throw new IllegalArgumentException("not a request of protocol v4/v5: " + request);
    }
}
