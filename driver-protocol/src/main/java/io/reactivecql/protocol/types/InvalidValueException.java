package io.reactivecql.protocol.types;

/**
 * A Java value that cannot be encoded as the CQL type asked for: the wrong class, a value out of the
 * type's range (a time past midnight, a date beyond the int day range), a null element in a
 * collection or vector, a vector of the wrong dimension, a tuple of the wrong arity. It is a caller
 * error, found before anything is sent; malformed bytes on decode are a
 * {@link io.reactivecql.protocol.ProtocolException} instead.
 */
public class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidValueException(String message) {
        super(message);
    }

    public InvalidValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
