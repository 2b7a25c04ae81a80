package io.reactivecql.protocol.request;

import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * STARTUP (section 4.1.1): the first message of a connection (after OPTIONS, if any). Body: a
 * [string map] of options, of which {@value #CQL_VERSION} is mandatory. The map keeps the order
 * it was given in, so the encoding is stable.
 *
 * @param options the startup options; must hold {@value #CQL_VERSION}
 */
public record Startup(Map<String, String> options) implements Request {

    /** Mandatory: the CQL version, "3.0.0" ({@link #DEFAULT_CQL_VERSION}). */
    public static final String CQL_VERSION = "CQL_VERSION";
    /** Optional: the body compression ("lz4" or "snappy"); absent for none. */
    public static final String COMPRESSION = "COMPRESSION";
    /** Optional: a free-form driver name shown by {@code nodetool clientstats}. */
    public static final String DRIVER_NAME = "DRIVER_NAME";
    /** Optional: a free-form driver version shown by {@code nodetool clientstats}. */
    public static final String DRIVER_VERSION = "DRIVER_VERSION";
    /** Optional: "1" to get an Overloaded error instead of backpressure. */
    public static final String THROW_ON_OVERLOAD = "THROW_ON_OVERLOAD";
    /** Optional, v4 only (removed in v5): expose compact tables as CQL tables. */
    public static final String NO_COMPACT = "NO_COMPACT";

    /** The only CQL version the servers accept. */
    public static final String DEFAULT_CQL_VERSION = "3.0.0";

    public Startup {
        Objects.requireNonNull(options, "options");
        if (!options.containsKey(CQL_VERSION)) {
            throw new IllegalArgumentException("options must hold the mandatory " + CQL_VERSION);
        }
        Map<String, String> copy = new LinkedHashMap<>();
        options.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "options key"),
                Objects.requireNonNull(value, () -> "options value of " + key)));
        options = Collections.unmodifiableMap(copy);
    }

    /** CQL_VERSION 3.0.0, then COMPRESSION when {@code compression} is not null. */
    public static Startup of(String compression) {
        return of(compression, null, null);
    }

    /**
     * CQL_VERSION 3.0.0, then each of COMPRESSION, DRIVER_NAME and DRIVER_VERSION that is not
     * null, in that order.
     */
    public static Startup of(String compression, String driverName, String driverVersion) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(CQL_VERSION, DEFAULT_CQL_VERSION);
        if (compression != null) {
            options.put(COMPRESSION, compression);
        }
        if (driverName != null) {
            options.put(DRIVER_NAME, driverName);
        }
        if (driverVersion != null) {
            options.put(DRIVER_VERSION, driverVersion);
        }
        return new Startup(options);
    }

    /** The compression asked for, or null. */
    public String compression() {
        return options.get(COMPRESSION);
    }

    @Override
    public int opcode() {
        return Opcode.STARTUP;
    }
}
