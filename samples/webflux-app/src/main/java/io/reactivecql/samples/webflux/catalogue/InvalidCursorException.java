package io.reactivecql.samples.webflux.catalogue;

/** A page cursor that is not one the API gave: HTTP 400. */
public class InvalidCursorException extends IllegalArgumentException {

    public InvalidCursorException(String message, Throwable cause) {
        super(message, cause);
    }
}
