package io.reactivecql.api.errors;

/**
 * The root of every error the driver signals: server errors (subclasses of
 * {@link ServerException}, carrying the protocol fields) and driver-side errors (connection
 * closed, busy, timed out, no node available, authentication, protocol violations).
 */
public abstract class DriverException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected DriverException(String message, Throwable cause) {
        super(message, cause);
    }

    protected DriverException(String message) {
        super(message);
    }
}
