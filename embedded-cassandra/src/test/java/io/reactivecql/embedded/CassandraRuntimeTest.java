package io.reactivecql.embedded;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CassandraRuntimeTest {

    @Test
    void parsesTheClasspathLineAndFindsJamm() {
        CassandraRuntime runtime = CassandraRuntime.parse(
                "/m2/cassandra-all-5.0.9.jar:/m2/guava.jar:/m2/jamm-0.4.0.jar\n",
                "cassandra.version=5.0.9\n", ":");
        assertEquals(List.of(Path.of("/m2/cassandra-all-5.0.9.jar"), Path.of("/m2/guava.jar"),
                Path.of("/m2/jamm-0.4.0.jar")), runtime.classpath());
        assertEquals(Path.of("/m2/jamm-0.4.0.jar"), runtime.jamm());
        assertEquals("5.0.9", runtime.version());
    }

    @Test
    void honoursThePlatformSeparator() {
        CassandraRuntime runtime = CassandraRuntime.parse("/m2/a.jar;/m2/jamm-0.4.0.jar", "cassandra.version=5.0.9", ";");
        assertEquals(2, runtime.classpath().size());
    }

    @Test
    void failsClearlyWithoutJammOrVersion() {
        EmbeddedCassandraException noJamm = assertThrows(EmbeddedCassandraException.class,
                () -> CassandraRuntime.parse("/a.jar:/b.jar", "cassandra.version=5.0.9", ":"));
        assertTrue(noJamm.getMessage().contains("jamm"), noJamm.getMessage());
        assertThrows(EmbeddedCassandraException.class, () -> CassandraRuntime.parse("", "cassandra.version=5.0.9", ":"));
        assertThrows(EmbeddedCassandraException.class,
                () -> CassandraRuntime.parse("/jamm-0.4.0.jar", "cassandra.version=${cassandra.version}", ":"));
    }

    @Test
    void theRealResourcesListExistingJarsOfCassandra5() {
        CassandraRuntime runtime = CassandraRuntime.get();
        assertTrue(runtime.version().startsWith("5.0."), runtime.version());
        assertEquals(runtime.version(), EmbeddedCassandra.cassandraVersion());
        assertTrue(runtime.classpath().size() > 50, runtime.classpath().toString());
        assertTrue(runtime.classpath().stream().allMatch(Files::isRegularFile));
        assertTrue(runtime.classpath().stream().anyMatch(jar -> jar.getFileName().toString().startsWith("cassandra-all-")));
        assertTrue(runtime.classpathArgument().contains(runtime.jamm().toString()));
    }

    @Test
    void cassandraIsNotOnThisClasspath() {
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("org.apache.cassandra.service.CassandraDaemon"));
    }
}
