package io.reactivecql.embedded;

/** A node failed to start, died, or a tool (nodetool, signals) failed. The message says what to look at. */
public class EmbeddedCassandraException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmbeddedCassandraException(String message) {
        super(message);
    }

    public EmbeddedCassandraException(String message, Throwable cause) {
        super(message, cause);
    }
}
