package io.reactivecql.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Picks the JDK for the forked Cassandra JVMs. Cassandra 5.0 runs on Java 11 and 17 only (on newer
 * JDKs it fails at startup), while this JVM may be newer.
 */
final class JavaLocator {

    static final int MIN_FEATURE = 11;
    static final int MAX_FEATURE = 17;
    static final Path DEFAULT_JVM_ROOT = Path.of("/usr/lib/jvm");

    private JavaLocator() {
    }

    /** The java executable for {@code configured} (may be null), following the documented order. */
    static Path javaExecutable(Path configured) {
        return locate(configured, configuredHome(), Path.of(System.getProperty("java.home")),
                Runtime.version().feature(), DEFAULT_JVM_ROOT).resolve("bin").resolve("java");
    }

    /**
     * The JDK home: {@code builderHome}, else {@code variableHome} (CASSANDRA_JAVA_HOME), else the
     * current one if its version fits, else the newest fitting JDK (17 preferred) under {@code jvmRoot}.
     */
    static Path locate(Path builderHome, Path variableHome, Path currentHome, int currentFeature, Path jvmRoot) {
        Path explicit = builderHome != null ? builderHome : variableHome;
        if (explicit != null) {
            if (!Files.isExecutable(explicit.resolve("bin").resolve("java"))) {
                throw new EmbeddedCassandraException(explicit + " (" + EmbeddedCassandra.JAVA_HOME_VARIABLE
                        + ") has no bin/java");
            }
            return explicit;
        }
        if (currentFeature >= MIN_FEATURE && currentFeature <= MAX_FEATURE) {
            return currentHome;
        }
        return findUnder(jvmRoot).orElseThrow(() -> new EmbeddedCassandraException(
                "Cassandra needs Java " + MIN_FEATURE + " to " + MAX_FEATURE + " but this JVM is Java "
                        + currentFeature + " and " + jvmRoot + " holds none: install a JDK 17 or set "
                        + EmbeddedCassandra.JAVA_HOME_VARIABLE + " (system property or environment variable)"));
    }

    private static Path configuredHome() {
        String value = System.getProperty(EmbeddedCassandra.JAVA_HOME_VARIABLE);
        if (value == null || value.isBlank()) {
            value = System.getenv(EmbeddedCassandra.JAVA_HOME_VARIABLE);
        }
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    private static Optional<Path> findUnder(Path jvmRoot) {
        if (!Files.isDirectory(jvmRoot)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvmRoot)) {
            List<Path> candidates = homes
                    .filter(home -> Files.isExecutable(home.resolve("bin").resolve("java")))
                    .filter(home -> featureOf(home).filter(f -> f >= MIN_FEATURE && f <= MAX_FEATURE).isPresent())
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
            return candidates.stream().max(Comparator.comparingInt(home -> featureOf(home).orElse(0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The feature version in a JDK's {@code release} file ({@code JAVA_VERSION="17.0.15"}). */
    static Optional<Integer> featureOf(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(release)) {
            properties.load(reader);
        } catch (IOException e) {
            return Optional.empty();
        }
        String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
        String feature = version.startsWith("1.") ? version.substring(2) : version;
        int end = 0;
        while (end < feature.length() && Character.isDigit(feature.charAt(end))) {
            end++;
        }
        return end == 0 ? Optional.empty() : Optional.of(Integer.parseInt(feature.substring(0, end)));
    }
}
