package io.reactivecql.internal.connection;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.reactivecql.api.errors.ConnectionInitException;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.ClientEncryption;
import io.reactivecql.embedded.EmbeddedCassandra;
import io.reactivecql.embedded.SharedCassandra;
import io.reactivecql.protocol.ProtocolVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

import static io.reactivecql.internal.connection.Connections.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * TLS on the native port of the shared node restarted with a self-signed certificate for the node's IP (IP
 * subject alternative name only) made by keytool in the test.
 */
class TlsIT {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;

    private static CassandraCluster cluster;
    private static ReactorNettyConnectionFactory factory;
    private static SslContext trusting;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(System.getenv(SharedCassandra.CONTACT_POINTS_VARIABLE) == null, "needs a node of its own");
        // the node's address: 127.0.0.1 unless the build moved its nodes (reactivecql.cassandra.addressOffset)
        String nodeIp = "127.0.0." + (Integer.getInteger("reactivecql.cassandra.addressOffset", 0) + 1);
        Path keystore = selfSignedKeystore(dir, nodeIp);
        trusting = SslContextBuilder.forClient().trustManager(trustManagers(keystore)).build();
        // the shared node, restarted with TLS (the next class asking for other settings restarts it again)
        cluster = SharedCassandra.acquire(EmbeddedCassandra.builder()
                .clientEncryption(ClientEncryption.keystore(keystore, PASSWORD)));
        factory = new ReactorNettyConnectionFactory();
    }

    @AfterAll
    static void stop() {
        if (factory != null) {
            factory.close().block(TIMEOUT);
        }
    }

    private static InetSocketAddress node() {
        return cluster.contactPoints().get(0);
    }

    @Test
    void trustedCertificateConnectsWithHostnameVerification() {
        for (ProtocolVersion version : ProtocolVersion.values()) {
            CqlTransport connection = factory.connect(node(), Connections.builder().version(version).compression("lz4")
                    .ssl(trusting, true).build()).block(TIMEOUT);
            try {
                assertEquals(version, connection.protocolVersion());
                assertTrue(Connections.releaseVersion(connection).startsWith("5.0"));
            } finally {
                connection.close().block(TIMEOUT);
            }
        }
    }

    @Test
    void hostnameVerificationRejectsACertificateForAnotherHost() throws Exception {
        // the same node, addressed as "localhost": the certificate names only the node's IP
        InetSocketAddress asLocalhost = new InetSocketAddress(
                InetAddress.getByAddress("localhost", node().getAddress().getAddress()), node().getPort());
        Object refused = factory.connect(asLocalhost, Connections.builder().ssl(trusting, true).build())
                .map(Object.class::cast).onErrorResume(Mono::just).block(TIMEOUT);
        ConnectionInitException error = assertInstanceOf(ConnectionInitException.class, refused);
        assertInstanceOf(SSLHandshakeException.class, error.getCause(), String.valueOf(error.getCause()));
        assertTrue(error.getMessage().contains("localhost"), error.getMessage());

        CqlTransport unverified = factory.connect(asLocalhost, Connections.builder().ssl(trusting, false).build())
                .block(TIMEOUT);
        try {
            assertTrue(Connections.releaseVersion(unverified).startsWith("5.0"));
        } finally {
            unverified.close().block(TIMEOUT);
        }
    }

    @Test
    void untrustedCertificateIsRejected() throws Exception {
        SslContext defaults = SslContextBuilder.forClient().build(); // the JDK's CAs only
        Object refused = factory.connect(node(), Connections.builder().ssl(defaults, false).build())
                .map(Object.class::cast).onErrorResume(Mono::just).block(TIMEOUT);
        ConnectionInitException error = assertInstanceOf(ConnectionInitException.class, refused);
        assertInstanceOf(SSLHandshakeException.class, error.getCause());
    }

    /** A PKCS12 keystore with a self-signed EC certificate for {@code ip} only, made by keytool. */
    private static Path selfSignedKeystore(Path directory, String ip) throws Exception {
        Path keystore = directory.resolve("node.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "node", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + ip, "-ext", "SAN=ip:" + ip, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS), "keytool timed out");
        assertEquals(0, keytool.exitValue(), output);
        assertTrue(Files.isRegularFile(keystore));
        return keystore;
    }

    private static TrustManagerFactory trustManagers(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        return trust;
    }
}
