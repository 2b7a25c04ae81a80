package io.reactivecql.embedded;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A node of one's own (not the shared one) with PasswordAuthenticator and TLS on the native port;
 * also pauses, resumes and gracefully stops it.
 */
class SecuredNodeIT {

    private static final String PASSWORD = "changeit";

    @Test
    void passwordAuthenticationAndTlsThenPauseResumeAndStop(@TempDir Path dir) throws Exception {
        assumeTrue(System.getenv(SharedCassandra.CONTACT_POINTS_VARIABLE) == null, "needs a node of its own");
        Path keystore = selfSignedKeystore(dir);
        SharedCassandra.release(); // it would hold 127.0.0.1:9042

        try (CassandraCluster cluster = EmbeddedCassandra.builder()
                .authenticator("PasswordAuthenticator")
                .clientEncryption(ClientEncryption.keystore(keystore, PASSWORD))
                .start()) {
            SSLContext tls = trusting(keystore);
            try (CqlSession session = DriverSessions.builder(cluster).withSslContext(tls)
                    .withAuthCredentials("cassandra", "cassandra").build()) {
                assertTrue(session.execute("SELECT release_version FROM system.local").one()
                        .getString(0).startsWith("5.0"));

                CassandraNode node = cluster.node(1);
                node.pause();
                assertTrue(node.isPaused());
                assertThrows(DriverTimeoutException.class, () -> session.execute(
                        SimpleStatement.newInstance("SELECT release_version FROM system.local").setTimeout(Duration.ofSeconds(1))));
                node.resume();
                assertFalse(node.isPaused());
                assertEquals(1, session.execute("SELECT count(*) FROM system.local").one().getLong(0));
            }
            assertThrows(AllNodesFailedException.class, () -> DriverSessions.builder(cluster).withSslContext(tls)
                    .withAuthCredentials("cassandra", "wrong").build().close());

            CassandraNode node = cluster.node(1);
            long pid = node.pid();
            node.stop();
            assertFalse(node.isRunning());
            assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
            assertTrue(node.log().contains("Announcing shutdown"), "SIGTERM, not SIGKILL: Cassandra drains");
        }
    }

    /** A PKCS12 keystore with a self-signed certificate for 127.0.0.1, made by keytool. */
    private static Path selfSignedKeystore(Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "node", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertTrue(keytool.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, keytool.exitValue(), output);
        assertTrue(Files.isRegularFile(keystore));
        return keystore;
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
