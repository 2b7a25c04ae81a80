package io.reactivecql.internal.config;

import io.reactivecql.api.config.DriverOption;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The bundled reference file: the default of every option that has one. Read once, on first use
 * (from the driver jar: call it first off the event loops, as the connect path does).
 */
public final class ReferenceConfig {

    /** The classpath location of the reference file. */
    public static final String RESOURCE = "io/reactivecql/config/reference.properties";

    private ReferenceConfig() {
    }

    /** The reference file's entries, key to text (unknown keys included: a test checks there are none). */
    public static Map<String, String> entries() {
        return Holder.ENTRIES;
    }

    /** The default of {@code option} as written, or empty when it has none. */
    public static Optional<String> defaultText(DriverOption option) {
        return Optional.ofNullable(Holder.ENTRIES.get(option.path()));
    }

    /** Lazy holder: the file is read when first needed, not when the catalogue class loads. */
    private static final class Holder {
        static final Map<String, String> ENTRIES = load();

        private static Map<String, String> load() {
            try (InputStream in = ReferenceConfig.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the driver jar lacks its reference configuration " + RESOURCE);
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                Map<String, String> entries = new TreeMap<>();
                p.stringPropertyNames().forEach(k -> entries.put(k, p.getProperty(k).trim()));
                return Map.copyOf(entries);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }
}
