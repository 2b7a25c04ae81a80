package io.reactivecql.internal.config;

import io.reactivecql.api.config.DriverOption;
import io.reactivecql.api.config.OptionType;
import io.reactivecql.api.errors.ConfigurationException;
import io.reactivecql.protocol.ConsistencyLevel;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a configured value (text from a file or a system property, or a typed value from the
 * builder) into the option's canonical Java value, checking its type and bounds. Every refusal is
 * a {@link ConfigurationException} naming the key and the source.
 */
public final class OptionParser {

    private static final int DEFAULT_PORT = 9042;
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([a-zA-Z]*)");
    private static final Map<String, Duration> UNITS = Map.ofEntries(
            Map.entry("ns", Duration.ofNanos(1)), Map.entry("nanos", Duration.ofNanos(1)),
            Map.entry("nanosecond", Duration.ofNanos(1)), Map.entry("nanoseconds", Duration.ofNanos(1)),
            Map.entry("us", Duration.ofNanos(1000)), Map.entry("micros", Duration.ofNanos(1000)),
            Map.entry("microsecond", Duration.ofNanos(1000)), Map.entry("microseconds", Duration.ofNanos(1000)),
            Map.entry("ms", Duration.ofMillis(1)), Map.entry("millis", Duration.ofMillis(1)),
            Map.entry("millisecond", Duration.ofMillis(1)), Map.entry("milliseconds", Duration.ofMillis(1)),
            Map.entry("s", Duration.ofSeconds(1)), Map.entry("second", Duration.ofSeconds(1)),
            Map.entry("seconds", Duration.ofSeconds(1)),
            Map.entry("m", Duration.ofMinutes(1)), Map.entry("minute", Duration.ofMinutes(1)),
            Map.entry("minutes", Duration.ofMinutes(1)),
            Map.entry("h", Duration.ofHours(1)), Map.entry("hour", Duration.ofHours(1)),
            Map.entry("hours", Duration.ofHours(1)),
            Map.entry("d", Duration.ofDays(1)), Map.entry("day", Duration.ofDays(1)),
            Map.entry("days", Duration.ofDays(1)));

    private OptionParser() {
    }

    /**
     * The canonical value of {@code value} for {@code option}.
     *
     * @param value  text (parsed by the option's type) or an already typed value (checked)
     * @param key    the key as written, for error messages
     * @param source where the value came from, for error messages
     */
    public static Object parse(DriverOption option, Object value, String key, String source) {
        if (value == null) {
            throw new ConfigurationException(key, source, "no value");
        }
        try {
            Object typed = value instanceof String text ? fromText(option, text.trim()) : fromObject(option, value);
            check(option, typed);
            return typed;
        } catch (Invalid e) {
            throw new ConfigurationException(key, source, "'" + shown(option, value) + "' is not valid: "
                    + e.getMessage());
        }
    }

    private static String shown(DriverOption option, Object value) {
        return option.isSensitive() ? "***" : String.valueOf(value);
    }

    private static Object fromText(DriverOption option, String text) {
        OptionType type = option.type();
        if (text.isEmpty() && type != OptionType.STRING_LIST && type != OptionType.ADDRESS_LIST) {
            throw new Invalid("expected " + expected(option) + ", got an empty value");
        }
        switch (type) {
            case BOOLEAN:
                if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                    return Boolean.valueOf(text);
                }
                throw new Invalid("expected true or false");
            case INTEGER:
                try {
                    return Integer.valueOf(text);
                } catch (NumberFormatException e) {
                    throw new Invalid("expected " + expected(option));
                }
            case DURATION:
                return duration(text);
            case STRING:
                return text;
            case STRING_LIST:
                return list(text);
            case ADDRESS_LIST:
                List<InetSocketAddress> addresses = new ArrayList<>();
                for (String entry : list(text)) {
                    addresses.add(address(entry));
                }
                return List.copyOf(addresses);
            case CONSISTENCY:
            case SERIAL_CONSISTENCY:
                try {
                    return ConsistencyLevel.valueOf(text.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new Invalid("expected " + expected(option));
                }
            case CHOICE:
                for (String choice : option.choices()) {
                    if (choice.equalsIgnoreCase(text)) {
                        return choice;
                    }
                }
                throw new Invalid("expected one of " + option.choices());
            default:
                throw new IllegalStateException("unhandled type " + type);
        }
    }

    private static Object fromObject(DriverOption option, Object value) {
        OptionType type = option.type();
        boolean ok = switch (type) {
            case BOOLEAN -> value instanceof Boolean;
            case INTEGER -> value instanceof Integer;
            case DURATION -> value instanceof Duration;
            case STRING -> value instanceof String;
            case STRING_LIST -> value instanceof List<?> l && l.stream().allMatch(String.class::isInstance);
            case ADDRESS_LIST -> value instanceof List<?> l && l.stream().allMatch(InetSocketAddress.class::isInstance);
            case CONSISTENCY, SERIAL_CONSISTENCY -> value instanceof ConsistencyLevel;
            case CHOICE -> value instanceof Enum<?>;
        };
        if (!ok) {
            throw new Invalid("expected " + expected(option) + ", got a " + value.getClass().getName());
        }
        if (value instanceof List<?> l) {
            return List.copyOf(l);
        }
        if (value instanceof Enum<?> e && type == OptionType.CHOICE) {
            return fromText(option, e.name().replace('_', '-'));
        }
        return value;
    }

    private static void check(DriverOption option, Object value) {
        switch (option.type()) {
            case INTEGER -> {
                int i = (Integer) value;
                if (i < option.min() || i > option.max()) {
                    throw new Invalid(option.max() == Integer.MAX_VALUE
                            ? "must be at least " + option.min() : "must be in " + option.min() + ".." + option.max());
                }
            }
            case DURATION -> {
                Duration d = (Duration) value;
                if (d.isNegative() || (option.min() > 0 && d.isZero())) {
                    throw new Invalid(option.min() > 0 ? "must be positive" : "must not be negative");
                }
            }
            case SERIAL_CONSISTENCY -> {
                if (!((ConsistencyLevel) value).isSerial()) {
                    throw new Invalid("expected SERIAL or LOCAL_SERIAL");
                }
            }
            default -> {
            }
        }
    }

    /** What the option expects, for messages. */
    static String expected(DriverOption option) {
        return switch (option.type()) {
            case INTEGER -> option.max() == Integer.MAX_VALUE ? "an integer of at least " + option.min()
                    : "an integer in " + option.min() + ".." + option.max();
            case DURATION -> "a duration such as 500ms, 10s, 2m or PT10S";
            case CHOICE -> "one of " + option.choices();
            case SERIAL_CONSISTENCY -> "SERIAL or LOCAL_SERIAL";
            case CONSISTENCY -> "a consistency level such as LOCAL_QUORUM";
            default -> option.type().label();
        };
    }

    static Duration duration(String text) {
        if (text.startsWith("P") || text.startsWith("p") || text.startsWith("-")) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new Invalid("expected a duration such as 500ms, 10s, 2m or PT10S");
            }
        }
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new Invalid("expected a duration such as 500ms, 10s, 2m or PT10S");
        }
        String unitText = m.group(2).toLowerCase(Locale.ROOT);
        Duration unit = UNITS.get(unitText);
        if (unit == null) {
            if (unitText.isEmpty() && Long.parseLong(m.group(1)) == 0) {
                return Duration.ZERO;
            }
            throw new Invalid(unitText.isEmpty() ? "a duration needs a unit (ms, s, m, h, d), as in 10s"
                    : "unknown unit '" + m.group(2) + "' (ns, us, ms, s, m, h, d)");
        }
        try {
            return unit.multipliedBy(Long.parseLong(m.group(1)));
        } catch (ArithmeticException | NumberFormatException e) {
            throw new Invalid("too large");
        }
    }

    private static List<String> list(String text) {
        List<String> values = new ArrayList<>();
        for (String part : text.split(",")) {
            String v = part.trim();
            if (!v.isEmpty()) {
                values.add(v);
            }
        }
        return List.copyOf(values);
    }

    /**
     * {@code host}, {@code host:port}, {@code [v6]:port} or a bare IPv6 address. Literal addresses
     * become resolved addresses (no lookup happens for a literal); host names stay unresolved for
     * the session to resolve off the event loops.
     */
    static InetSocketAddress address(String entry) {
        String host;
        int port = DEFAULT_PORT;
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            if (close < 0) {
                throw new Invalid("'" + entry + "': missing ']'");
            }
            host = entry.substring(1, close);
            String rest = entry.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new Invalid("'" + entry + "': expected [address]:port");
                }
                port = port(entry, rest.substring(1));
            }
        } else if (entry.indexOf(':') != entry.lastIndexOf(':')) {
            host = entry; // a bare IPv6 address
        } else {
            int colon = entry.indexOf(':');
            host = colon < 0 ? entry : entry.substring(0, colon);
            if (colon >= 0) {
                port = port(entry, entry.substring(colon + 1));
            }
        }
        if (host.isEmpty()) {
            throw new Invalid("'" + entry + "': no host");
        }
        if (isLiteral(host)) {
            if (host.indexOf(':') < 0) {
                for (String octet : host.split("\\.")) {
                    if (Integer.parseInt(octet) > 255) {
                        throw new Invalid("'" + entry + "': not an IPv4 address");
                    }
                }
            }
            try {
                return new InetSocketAddress(InetAddress.getByName(host), port); // a literal: no lookup
            } catch (UnknownHostException e) {
                throw new Invalid("'" + entry + "': " + e.getMessage());
            }
        }
        if (!host.matches("[A-Za-z0-9._-]+")) {
            throw new Invalid("'" + entry + "': not a host name");
        }
        return InetSocketAddress.createUnresolved(host, port);
    }

    private static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static int port(String entry, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Invalid("'" + entry + "': the port must be in 1..65535");
    }

    /** A refusal, turned into a {@link ConfigurationException} with the key and source by {@link #parse}. */
    private static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
