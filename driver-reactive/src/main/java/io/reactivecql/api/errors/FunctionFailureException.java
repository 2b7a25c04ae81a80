package io.reactivecql.api.errors;

import java.net.InetSocketAddress;
import java.util.List;

/** A user-defined function threw while executing (Function_failure, 0x1400). */
public class FunctionFailureException extends QueryExecutionException {

    private static final long serialVersionUID = 1L;

    private final String keyspace;
    private final String function;
    private final transient List<String> argumentTypes;

    public FunctionFailureException(InetSocketAddress coordinator, String message, String keyspace, String function,
                                    List<String> argumentTypes) {
        super(coordinator, 0x1400, message);
        this.keyspace = keyspace;
        this.function = function;
        this.argumentTypes = List.copyOf(argumentTypes);
    }

    /** The function's keyspace. */
    public String keyspace() {
        return keyspace;
    }

    /** The function's name. */
    public String function() {
        return function;
    }

    /** The CQL types of its arguments. */
    public List<String> argumentTypes() {
        return argumentTypes;
    }
}
