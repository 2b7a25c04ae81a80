package io.reactivecql.internal.config;

import io.reactivecql.api.config.DriverOption;
import io.reactivecql.api.config.DriverOptions;
import io.reactivecql.api.errors.ConfigurationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads the configuration sources into {@link DriverOptions}: the bundled reference file, a
 * properties file, a classpath resource, system properties. Keys are option paths
 * ({@code basic.request.timeout}) or profile settings ({@code profiles.<name>.<path>}); system
 * properties carry the prefix {@code reactivecql.}. Unknown keys are refused (with the nearest
 * known one as a hint), so a typo cannot silently leave a default in force. Reading files blocks:
 * call these off the event loops.
 */
public final class ConfigLayers {

    /** The prefix of system properties that set options. */
    public static final String SYSTEM_PREFIX = "reactivecql.";
    /** The system property naming a configuration file (used when the builder names none). */
    public static final String FILE_PROPERTY = "reactivecql.config.file";

    private static final String PROFILES = "profiles.";

    private ConfigLayers() {
    }

    /** The reference defaults (parsed once). */
    public static DriverOptions reference() {
        return Reference.OPTIONS;
    }

    private static final class Reference {
        static final DriverOptions OPTIONS = parseReference();

        private static DriverOptions parseReference() {
            DriverOptions options = DriverOptions.empty();
            for (Map.Entry<String, String> e : ReferenceConfig.entries().entrySet()) {
                DriverOption option = DriverOption.byPath(e.getKey()).orElseThrow(() -> new IllegalStateException(
                        "the reference file has an unknown option " + e.getKey()));
                options = options.with(option, e.getValue(), "reference defaults");
            }
            return options;
        }
    }

    /** The options of a properties file. */
    public static DriverOptions fromFile(Path file) {
        String source = "file " + file;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return fromEntries(load(reader, source), "", source);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException(null, source, "the configuration file does not exist");
        } catch (IOException e) {
            throw new ConfigurationException(null, source, "cannot read the configuration file: " + e, e);
        }
    }

    /** The options of a properties resource on {@code loader}'s classpath. */
    public static DriverOptions fromResource(String resource, ClassLoader loader) {
        String source = "classpath resource " + resource;
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new ConfigurationException(null, source, "no such resource on the classpath");
            }
            return fromEntries(load(new InputStreamReader(in, StandardCharsets.UTF_8), source), "", source);
        } catch (IOException e) {
            throw new ConfigurationException(null, source, "cannot read the configuration resource: " + e, e);
        }
    }

    /**
     * The options set by system properties {@code reactivecql.<path>} and
     * {@code reactivecql.profiles.<name>.<path>}. Other {@code reactivecql.*} properties (the
     * configuration file's, the test tools') are not options and are left alone.
     */
    public static DriverOptions fromSystemProperties(Properties system) {
        Map<String, String> entries = new TreeMap<>();
        for (String name : system.stringPropertyNames()) {
            if (name.startsWith(SYSTEM_PREFIX)) {
                String key = name.substring(SYSTEM_PREFIX.length());
                if (key.startsWith("basic.") || key.startsWith("advanced.") || key.startsWith(PROFILES)) {
                    entries.put(key, system.getProperty(name));
                }
            }
        }
        return fromEntries(entries, SYSTEM_PREFIX, "system properties");
    }

    /** The file named by {@value #FILE_PROPERTY}, if set. */
    public static Optional<Path> fileFromSystemProperties(Properties system) {
        String file = system.getProperty(FILE_PROPERTY);
        return file == null || file.isBlank() ? Optional.empty() : Optional.of(Path.of(file.trim()));
    }

    private static Map<String, String> load(Reader reader, String source) throws IOException {
        Properties p = new Properties();
        try {
            p.load(reader);
        } catch (IllegalArgumentException e) { // a malformed \\uXXXX escape
            throw new ConfigurationException(null, source, "not a valid properties file: " + e.getMessage(), e);
        }
        Map<String, String> entries = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> entries.put(k, p.getProperty(k)));
        return entries;
    }

    /**
     * The options of {@code entries} (keys without {@code prefix}).
     *
     * @param prefix what preceded each key where it was written (for error messages)
     */
    public static DriverOptions fromEntries(Map<String, String> entries, String prefix, String source) {
        DriverOptions options = DriverOptions.empty();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String key = e.getKey().trim();
            String written = prefix + key;
            if (key.startsWith(PROFILES)) {
                String rest = key.substring(PROFILES.length());
                int dot = rest.indexOf('.');
                String profile = dot < 0 ? "" : rest.substring(0, dot);
                String path = dot < 0 ? "" : rest.substring(dot + 1);
                if (profile.isEmpty() || path.isEmpty()) {
                    throw new ConfigurationException(written, source,
                            "a profile setting is written profiles.<profile name>.<option path>");
                }
                options = options.withProfileValue(profile, option(path, written, source), e.getValue(), written,
                        source);
            } else {
                options = options.withKey(option(key, written, source), e.getValue(), written, source);
            }
        }
        return options;
    }

    private static DriverOption option(String path, String written, String source) {
        return DriverOption.byPath(path).orElseThrow(() -> new ConfigurationException(written, source,
                "unknown option" + nearest(path).map(n -> "; did you mean " + n + "?").orElse("")
                        + " (every option: docs/configuration.md)"));
    }

    /** The known path closest to {@code path}, when close enough to be a likely typo. */
    static Optional<String> nearest(String path) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (DriverOption o : DriverOption.values()) {
            int d = distance(path, o.path());
            if (d < bestDistance) {
                bestDistance = d;
                best = o.path();
            }
        }
        return bestDistance <= Math.max(2, path.length() / 4) ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
