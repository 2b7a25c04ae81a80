package io.reactivecql.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaLocatorTest {

    @TempDir
    Path jvms;

    @Test
    void anExplicitHomeWins() throws Exception {
        Path explicit = jdk("explicit", "25");
        assertEquals(explicit, JavaLocator.locate(explicit, jdk("variable", "17"), jvms, 17, jvms));
        assertEquals(jvms.resolve("variable"), JavaLocator.locate(null, jvms.resolve("variable"), jvms, 17, jvms));
    }

    @Test
    void anExplicitHomeWithoutJavaFails() {
        EmbeddedCassandraException e = assertThrows(EmbeddedCassandraException.class,
                () -> JavaLocator.locate(jvms.resolve("nothing"), null, jvms, 17, jvms));
        assertTrue(e.getMessage().contains("CASSANDRA_JAVA_HOME"), e.getMessage());
    }

    @Test
    void theCurrentJvmWhenItIs11To17() {
        Path current = Path.of("/current");
        assertEquals(current, JavaLocator.locate(null, null, current, 17, jvms));
        assertEquals(current, JavaLocator.locate(null, null, current, 11, jvms));
    }

    @Test
    void otherwiseAJava17UnderTheJvmRoot() throws Exception {
        jdk("temurin-25", "25.0.1");
        jdk("java-11", "11.0.2");
        Path java17 = jdk("java-17", "17.0.15");
        assertEquals(java17, JavaLocator.locate(null, null, Path.of("/current"), 25, jvms));
    }

    @Test
    void failsClearlyWithoutAFittingJdk() throws Exception {
        jdk("temurin-25", "25");
        EmbeddedCassandraException e = assertThrows(EmbeddedCassandraException.class,
                () -> JavaLocator.locate(null, null, Path.of("/current"), 25, jvms));
        assertTrue(e.getMessage().contains("Java 11 to 17") && e.getMessage().contains("CASSANDRA_JAVA_HOME"),
                e.getMessage());
    }

    @Test
    void readsFeatureVersionsFromReleaseFiles() throws Exception {
        assertEquals(Optional.of(17), JavaLocator.featureOf(jdk("a", "17.0.15")));
        assertEquals(Optional.of(8), JavaLocator.featureOf(jdk("b", "1.8.0_392")));
        assertEquals(Optional.empty(), JavaLocator.featureOf(jvms.resolve("missing")));
    }

    @Test
    void theRealLookupFindsAJavaThatCanRunCassandra() {
        Path java = JavaLocator.javaExecutable(null);
        assertTrue(Files.isExecutable(java), java.toString());
    }

    private Path jdk(String name, String version) throws Exception {
        Path home = jvms.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}
