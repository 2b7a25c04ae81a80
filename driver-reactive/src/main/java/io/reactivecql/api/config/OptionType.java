package io.reactivecql.api.config;

/**
 * The kinds of value a {@link DriverOption} takes, with the text forms a configuration file or a
 * system property may use for each.
 */
public enum OptionType {
    /** {@code true} or {@code false} (any case); Java type {@link Boolean}. */
    BOOLEAN("boolean", "`true` or `false`"),
    /** A decimal integer, within the option's bounds; Java type {@link Integer}. */
    INTEGER("integer", "a decimal integer"),
    /**
     * A number with a unit ({@code ns}, {@code us}, {@code ms}, {@code s}, {@code m}, {@code h},
     * {@code d}, or the words {@code milliseconds}, {@code seconds}, ...), an ISO-8601 duration
     * ({@code PT10S}) or {@code 0}; Java type {@link java.time.Duration}.
     */
    DURATION("duration", "`500ms`, `10s`, `2m`, `1h`, `PT10S` or `0`"),
    /** Any text (surrounding blanks trimmed); Java type {@link String}. */
    STRING("string", "text"),
    /** Comma-separated values, blanks trimmed, empty entries dropped; Java type {@code List<String>}. */
    STRING_LIST("list", "comma-separated values"),
    /**
     * Comma-separated {@code host:port} entries ({@code [v6-address]:port} for IPv6; port 9042 when
     * omitted); Java type {@code List<InetSocketAddress>} (host names left unresolved).
     */
    ADDRESS_LIST("addresses", "comma-separated `host:port`"),
    /** A consistency level name such as {@code LOCAL_QUORUM} (any case); Java type {@link io.reactivecql.protocol.ConsistencyLevel}. */
    CONSISTENCY("consistency", "a consistency level (`ONE`, `LOCAL_QUORUM`, ...)"),
    /** {@code SERIAL} or {@code LOCAL_SERIAL}; Java type {@link io.reactivecql.protocol.ConsistencyLevel}. */
    SERIAL_CONSISTENCY("serial consistency", "`SERIAL` or `LOCAL_SERIAL`"),
    /** One of the option's {@link DriverOption#choices() choices} (any case); Java type {@link String}. */
    CHOICE("choice", "one of the listed values");

    private final String label;
    private final String syntax;

    OptionType(String label, String syntax) {
        this.label = label;
        this.syntax = syntax;
    }

    /** A short name for documentation ("duration", "integer", ...). */
    public String label() {
        return label;
    }

    /** The accepted text forms, in Markdown. */
    public String syntax() {
        return syntax;
    }
}
