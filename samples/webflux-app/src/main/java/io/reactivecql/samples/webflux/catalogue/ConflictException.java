package io.reactivecql.samples.webflux.catalogue;

/**
 * A lightweight transaction was not applied because the row is not as the request expected (the
 * product already exists, or its version moved on): HTTP 409.
 */
public class ConflictException extends RuntimeException {

    private final Integer currentVersion;

    /** @param currentVersion the version the row has now, or null when unknown */
    public ConflictException(String message, Integer currentVersion) {
        super(message);
        this.currentVersion = currentVersion;
    }

    public Integer currentVersion() {
        return currentVersion;
    }
}
