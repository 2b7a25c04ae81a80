package io.reactivecql.api.config;

import io.reactivecql.api.errors.ConfigurationException;
import io.reactivecql.internal.config.OptionParser;
import io.reactivecql.protocol.ConsistencyLevel;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * Typed values of {@link DriverOption}s, each with where it came from, and the options of named
 * execution profiles. Immutable: {@link #with} returns a copy. Values are checked on the way in
 * (type and bounds), so the getters only fail for an option of another type, or an unset one.
 *
 * <p>{@code SessionBuilder.options()} gives the options set with {@code SessionBuilder.withOption};
 * inside the connect path (the builder the session is opened from) it gives every option as
 * resolved from all sources, which is where driver features such as metrics read their settings.
 */
public final class DriverOptions {

    private static final DriverOptions EMPTY = new DriverOptions(Map.of(), Map.of());

    /** A value, the key it was written under and its source. */
    private record Entry(Object value, String key, String source) {
    }

    private final Map<DriverOption, Entry> values;
    private final Map<String, Map<DriverOption, Entry>> profiles;

    private DriverOptions(Map<DriverOption, Entry> values, Map<String, Map<DriverOption, Entry>> profiles) {
        this.values = values;
        this.profiles = profiles;
    }

    /** No option set. */
    public static DriverOptions empty() {
        return EMPTY;
    }

    /**
     * A copy with {@code option} set to {@code value}: text in the form a configuration file uses
     * (see {@link OptionType}), or a value of the option's Java type.
     *
     * @param source where the value comes from (shown in error messages and {@link #sourceOf})
     * @throws ConfigurationException when the value does not fit the option
     */
    public DriverOptions with(DriverOption option, Object value, String source) {
        return withKey(option, value, option.path(), source);
    }

    /**
     * As {@link #with}, naming in errors the key the value was written under (a system property's
     * name, for instance).
     */
    public DriverOptions withKey(DriverOption option, Object value, String key, String source) {
        Object typed = OptionParser.parse(option, value, key, source);
        Map<DriverOption, Entry> copy = new EnumMap<>(DriverOption.class);
        copy.putAll(values);
        copy.put(option, new Entry(typed, key, source));
        return new DriverOptions(Collections.unmodifiableMap(copy), profiles);
    }

    /**
     * A copy in which the execution profile {@code profile} sets {@code option}.
     *
     * @param key the key as written (for errors), such as {@code profiles.olap.basic.request.timeout}
     * @throws ConfigurationException when profiles cannot set the option, or the value does not fit it
     */
    public DriverOptions withProfileValue(String profile, DriverOption option, Object value, String key,
                                          String source) {
        if (profile == null || profile.isEmpty()) {
            throw new ConfigurationException(key, source, "an execution profile needs a name");
        }
        if (!option.isProfileOption()) {
            throw new ConfigurationException(key, source, option.path()
                    + " cannot be set per execution profile; profiles may set " + profileOptionPaths());
        }
        Object typed = OptionParser.parse(option, value, key, source);
        Map<String, Map<DriverOption, Entry>> copy = new LinkedHashMap<>(profiles);
        Map<DriverOption, Entry> options = new EnumMap<>(DriverOption.class);
        options.putAll(profiles.getOrDefault(profile, Map.of()));
        options.put(option, new Entry(typed, key, source));
        copy.put(profile, Collections.unmodifiableMap(options));
        return new DriverOptions(values, Collections.unmodifiableMap(copy));
    }

    /** The paths options profiles may set, for messages. */
    static String profileOptionPaths() {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (DriverOption o : DriverOption.values()) {
            if (o.isProfileOption()) {
                j.add(o.path());
            }
        }
        return j.toString();
    }

    /**
     * These options, with every value (and profile setting) of {@code higher} replacing this one's:
     * {@code reference.overriddenBy(file).overriddenBy(systemProperties)}.
     */
    public DriverOptions overriddenBy(DriverOptions higher) {
        if (higher.values.isEmpty() && higher.profiles.isEmpty()) {
            return this;
        }
        Map<DriverOption, Entry> merged = new EnumMap<>(DriverOption.class);
        merged.putAll(values);
        merged.putAll(higher.values);
        Map<String, Map<DriverOption, Entry>> mergedProfiles = new LinkedHashMap<>(profiles);
        higher.profiles.forEach((name, options) -> {
            Map<DriverOption, Entry> p = new EnumMap<>(DriverOption.class);
            p.putAll(profiles.getOrDefault(name, Map.of()));
            p.putAll(options);
            mergedProfiles.put(name, Collections.unmodifiableMap(p));
        });
        return new DriverOptions(Collections.unmodifiableMap(merged), Collections.unmodifiableMap(mergedProfiles));
    }

    /** Whether {@code option} has a value. */
    public boolean isSet(DriverOption option) {
        return values.containsKey(option);
    }

    /** The options that have a value. */
    public Set<DriverOption> options() {
        return values.keySet();
    }

    /** The value of {@code option} in its Java type (see {@link OptionType}), or null when unset. */
    public Object get(DriverOption option) {
        Entry e = values.get(option);
        return e == null ? null : e.value();
    }

    /** Where the value of {@code option} came from, or null when unset. */
    public String sourceOf(DriverOption option) {
        Entry e = values.get(option);
        return e == null ? null : e.source();
    }

    /** The key the value of {@code option} was written under (a path, or a system property's name), or null. */
    public String keyOf(DriverOption option) {
        Entry e = values.get(option);
        return e == null ? null : e.key();
    }

    /** A {@link OptionType#DURATION} option's value, or null when unset. */
    public Duration getDuration(DriverOption option) {
        return typed(option, OptionType.DURATION, Duration.class);
    }

    /** An {@link OptionType#INTEGER} option's value. @throws IllegalStateException when unset */
    public int getInt(DriverOption option) {
        return required(option, typed(option, OptionType.INTEGER, Integer.class));
    }

    /** A {@link OptionType#BOOLEAN} option's value. @throws IllegalStateException when unset */
    public boolean getBoolean(DriverOption option) {
        return required(option, typed(option, OptionType.BOOLEAN, Boolean.class));
    }

    /** A {@link OptionType#STRING} or {@link OptionType#CHOICE} option's value, or null when unset. */
    public String getString(DriverOption option) {
        if (option.type() != OptionType.CHOICE) {
            return typed(option, OptionType.STRING, String.class);
        }
        return (String) get(option);
    }

    /** A {@link OptionType#STRING_LIST} option's value (empty when unset). */
    @SuppressWarnings("unchecked")
    public List<String> getStringList(DriverOption option) {
        List<String> list = typed(option, OptionType.STRING_LIST, List.class);
        return list == null ? List.of() : list;
    }

    /** An {@link OptionType#ADDRESS_LIST} option's value (empty when unset). */
    @SuppressWarnings("unchecked")
    public List<InetSocketAddress> getAddresses(DriverOption option) {
        List<InetSocketAddress> list = typed(option, OptionType.ADDRESS_LIST, List.class);
        return list == null ? List.of() : list;
    }

    /** A consistency option's value, or null when unset. */
    public ConsistencyLevel getConsistency(DriverOption option) {
        if (option.type() != OptionType.CONSISTENCY && option.type() != OptionType.SERIAL_CONSISTENCY) {
            throw new IllegalArgumentException(option.path() + " is a " + option.type().label() + " option");
        }
        return (ConsistencyLevel) get(option);
    }

    private <T> T typed(DriverOption option, OptionType type, Class<T> javaType) {
        if (option.type() != type) {
            throw new IllegalArgumentException(option.path() + " is a " + option.type().label() + " option, not "
                    + type.label());
        }
        return javaType.cast(get(option));
    }

    private static <T> T required(DriverOption option, T value) {
        if (value == null) {
            throw new IllegalStateException(option.path() + " has no value");
        }
        return value;
    }

    /** The names of the execution profiles that set at least one option, sorted. */
    public Set<String> profileNames() {
        return Collections.unmodifiableSet(new TreeSet<>(profiles.keySet()));
    }

    /** The options the profile {@code name} sets (empty when it sets none). */
    public DriverOptions profile(String name) {
        Map<DriverOption, Entry> p = profiles.get(name);
        return p == null ? EMPTY : new DriverOptions(p, Map.of());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DriverOptions other && valuesOf(values).equals(valuesOf(other.values))
                && profileValues().equals(other.profileValues());
    }

    private static Map<DriverOption, Object> valuesOf(Map<DriverOption, Entry> entries) {
        Map<DriverOption, Object> m = new EnumMap<>(DriverOption.class);
        entries.forEach((k, v) -> m.put(k, v.value()));
        return m;
    }

    private Map<String, Map<DriverOption, Object>> profileValues() {
        Map<String, Map<DriverOption, Object>> m = new LinkedHashMap<>();
        profiles.forEach((k, v) -> m.put(k, valuesOf(v)));
        return m;
    }

    @Override
    public int hashCode() {
        return valuesOf(values).hashCode() * 31 + profileValues().hashCode();
    }

    /** Every value (sensitive ones masked). */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", "DriverOptions[", "]");
        values.forEach((o, e) -> j.add(o.path() + "=" + (o.isSensitive() ? "***" : e.value())));
        profiles.forEach((name, p) -> p.forEach((o, e) -> j.add("profiles." + name + "." + o.path() + "=" + e.value())));
        return j.toString();
    }
}
