package io.reactivecql.api.errors;

/**
 * A value cannot be bound to a statement: it has the wrong Java type for its column (the message
 * names the column, the CQL type and the Java type given), is out of range for it, names no bind
 * marker, or there are too many or too few values. Always detected before anything is sent.
 */
public class InvalidBindingException extends DriverException {

    private static final long serialVersionUID = 1L;

    public InvalidBindingException(String message) {
        super(message);
    }

    public InvalidBindingException(String message, Throwable cause) {
        super(message, cause);
    }
}
