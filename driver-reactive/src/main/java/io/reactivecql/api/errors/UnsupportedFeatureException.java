package io.reactivecql.api.errors;

import io.reactivecql.protocol.ProtocolVersion;

/**
 * A statement uses a feature the negotiated protocol version lacks, e.g. a per-statement keyspace
 * or {@code now_in_seconds} on protocol v4. Found before anything is sent.
 */
public class UnsupportedFeatureException extends DriverException {

    private static final long serialVersionUID = 1L;

    private final ProtocolVersion version;

    public UnsupportedFeatureException(ProtocolVersion version, String feature) {
        super(feature + " requires protocol v5 or later, but the connection uses " + version);
        this.version = version;
    }

    /** The version the connection uses. */
    public ProtocolVersion version() {
        return version;
    }
}
