package io.reactivecql.api;

/** Compression of request and response bodies, negotiated at STARTUP. */
public enum Compression {
    /** No compression (the default). */
    NONE(null),
    /** LZ4: protocol v4 and v5. */
    LZ4("lz4"),
    /** Snappy: protocol v4 only (v5 frames support LZ4 alone). */
    SNAPPY("snappy");

    private final String protocolName;

    Compression(String protocolName) {
        this.protocolName = protocolName;
    }

    /** The name sent in STARTUP's COMPRESSION option, or null for none. */
    public String protocolName() {
        return protocolName;
    }
}
