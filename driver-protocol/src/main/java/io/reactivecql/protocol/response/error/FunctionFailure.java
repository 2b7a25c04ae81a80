package io.reactivecql.protocol.response.error;

import java.util.List;
import java.util.Objects;

/**
 * Function_failure (0x1400): a user-defined function threw while executing.
 *
 * @param message       the server's message
 * @param keyspace      the function's keyspace
 * @param function      the function's name
 * @param argumentTypes the CQL types of its arguments, e.g. {@code [int, text]}
 */
public record FunctionFailure(String message, String keyspace, String function, List<String> argumentTypes)
        implements ErrorResponse {

    public FunctionFailure {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(function, "function");
        argumentTypes = List.copyOf(argumentTypes);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.FUNCTION_FAILURE;
    }
}
