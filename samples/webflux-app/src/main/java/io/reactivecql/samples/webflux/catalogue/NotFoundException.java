package io.reactivecql.samples.webflux.catalogue;

/** The product (or review) named does not exist: HTTP 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
