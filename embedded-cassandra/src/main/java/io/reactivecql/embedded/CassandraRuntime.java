package io.reactivecql.embedded;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The Cassandra jars and version that the {@code cassandra-runtime} module recorded at build time,
 * read from its classpath resources. The jars themselves stay off this JVM's classpath.
 *
 * @param classpath every jar, cassandra-all first
 * @param jamm      the jamm jar, which Cassandra needs as {@code -javaagent}
 * @param version   e.g. {@code 5.0.9}
 */
record CassandraRuntime(List<Path> classpath, Path jamm, String version) {

    static final String CLASSPATH_RESOURCE = "io/reactivecql/embedded/cassandra-runtime.classpath";
    static final String PROPERTIES_RESOURCE = "io/reactivecql/embedded/cassandra-runtime.properties";

    private static volatile CassandraRuntime loaded;

    CassandraRuntime {
        classpath = List.copyOf(classpath);
    }

    /** The runtime from this JVM's classpath, read once. */
    static CassandraRuntime get() {
        CassandraRuntime runtime = loaded;
        if (runtime == null) {
            runtime = parse(readResource(CLASSPATH_RESOURCE), readResource(PROPERTIES_RESOURCE), File.pathSeparator);
            runtime.checkJarsExist();
            loaded = runtime;
        }
        return runtime;
    }

    /** Parses the classpath line (jars joined by {@code separator}) and the version properties. */
    static CassandraRuntime parse(String classpathText, String propertiesText, String separator) {
        List<Path> jars = new ArrayList<>();
        for (String entry : classpathText.trim().split(java.util.regex.Pattern.quote(separator))) {
            if (!entry.isBlank()) {
                jars.add(Path.of(entry.trim()));
            }
        }
        if (jars.isEmpty()) {
            throw new EmbeddedCassandraException(CLASSPATH_RESOURCE + " lists no jar: rebuild cassandra-runtime");
        }
        Path jamm = jars.stream()
                .filter(jar -> jar.getFileName().toString().matches("jamm-.*\\.jar"))
                .findFirst()
                .orElseThrow(() -> new EmbeddedCassandraException("no jamm jar in " + CLASSPATH_RESOURCE
                        + ": Cassandra cannot start without it as -javaagent"));
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(propertiesText));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("cassandra.version");
        if (version == null || version.isBlank() || version.contains("${")) {
            throw new EmbeddedCassandraException("no cassandra.version in " + PROPERTIES_RESOURCE);
        }
        return new CassandraRuntime(jars, jamm, version.trim());
    }

    /** The classpath as one {@code -cp} argument. */
    String classpathArgument() {
        return String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList());
    }

    private void checkJarsExist() {
        List<Path> missing = classpath.stream().filter(jar -> !Files.isRegularFile(jar)).toList();
        if (!missing.isEmpty()) {
            throw new EmbeddedCassandraException(missing.size() + " Cassandra jar(s) listed by " + CLASSPATH_RESOURCE
                    + " are missing, e.g. " + missing.get(0) + ": rebuild the cassandra-runtime module "
                    + "(./mvnw -pl embedded-cassandra/cassandra-runtime install) on this machine");
        }
    }

    private static String readResource(String name) {
        ClassLoader loader = CassandraRuntime.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new EmbeddedCassandraException("classpath resource " + name
                        + " not found: add io.reactivecql:cassandra-runtime to the dependencies");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
