package io.reactivecql.api.errors;

/**
 * A configuration the driver refuses: an unknown option, a value of the wrong type or out of
 * bounds, a missing configuration file. Signalled by {@code SessionBuilder.connect()} before any
 * connection opens (and logged by a configuration reload, which then keeps the settings in force).
 * Not to be confused with {@link InvalidConfigurationInQueryException}, a server error.
 */
public class ConfigurationException extends DriverException {

    private static final long serialVersionUID = 1L;

    private final String option;
    private final String source;

    /**
     * @param option  the key as written where it came from (such as
     *                {@code profiles.olap.basic.request.timeout}), or null when the error concerns no
     *                single option
     * @param source  where the value came from (a file, "system properties", "SessionBuilder"...)
     * @param problem what is wrong
     */
    public ConfigurationException(String option, String source, String problem) {
        super(message(option, source, problem));
        this.option = option;
        this.source = source;
    }

    /** As {@link #ConfigurationException(String, String, String)}, with the error that revealed the problem. */
    public ConfigurationException(String option, String source, String problem, Throwable cause) {
        super(message(option, source, problem), cause);
        this.option = option;
        this.source = source;
    }

    private static String message(String option, String source, String problem) {
        return "invalid configuration" + (option == null ? "" : " of " + option)
                + (source == null ? "" : " (" + source + ")") + ": " + problem;
    }

    /** The key of the offending option as written where it came from, or null. */
    public String option() {
        return option;
    }

    /** Where the offending value came from, or null. */
    public String source() {
        return source;
    }
}
