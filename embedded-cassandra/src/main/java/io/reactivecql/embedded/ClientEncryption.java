package io.reactivecql.embedded;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS settings for the native (CQL) port, written to {@code client_encryption_options} in each
 * node's cassandra.yaml. Immutable; the {@code with...} methods return a copy.
 *
 * <pre>{@code
 * ClientEncryption tls = ClientEncryption.keystore(serverKeystore, "changeit")
 *         .withRequiredClientAuth(serverTruststore, "changeit");
 * }</pre>
 *
 * <p>Store files may be JKS or PKCS12 (Java reads both through the JKS type).
 */
public final class ClientEncryption {

    private final Path keystore;
    private final String keystorePassword;
    private final Path truststore;
    private final String truststorePassword;
    private final boolean requireClientAuth;
    private final boolean optional;

    private ClientEncryption(Path keystore, String keystorePassword, Path truststore,
                             String truststorePassword, boolean requireClientAuth, boolean optional) {
        this.keystore = keystore.toAbsolutePath();
        this.keystorePassword = Objects.requireNonNull(keystorePassword, "keystorePassword");
        this.truststore = truststore == null ? null : truststore.toAbsolutePath();
        this.truststorePassword = truststorePassword;
        this.requireClientAuth = requireClientAuth;
        this.optional = optional;
    }

    /** TLS with the server's key and certificate in {@code keystore}; clients are not authenticated. */
    public static ClientEncryption keystore(Path keystore, String password) {
        return new ClientEncryption(Objects.requireNonNull(keystore, "keystore"), password, null, null, false, false);
    }

    /** A copy that requires client certificates, trusted through {@code truststore}. */
    public ClientEncryption withRequiredClientAuth(Path truststore, String password) {
        return new ClientEncryption(keystore, keystorePassword, Objects.requireNonNull(truststore, "truststore"),
                Objects.requireNonNull(password, "password"), true, optional);
    }

    /** A copy that also accepts plain-text connections on the same port (Cassandra's {@code optional}). */
    public ClientEncryption withPlainTextAllowed(boolean allowed) {
        return new ClientEncryption(keystore, keystorePassword, truststore, truststorePassword, requireClientAuth, allowed);
    }

    public Path keystore() {
        return keystore;
    }

    public String keystorePassword() {
        return keystorePassword;
    }

    public Optional<Path> truststore() {
        return Optional.ofNullable(truststore);
    }

    public Optional<String> truststorePassword() {
        return Optional.ofNullable(truststorePassword);
    }

    public boolean requireClientAuth() {
        return requireClientAuth;
    }

    public boolean plainTextAllowed() {
        return optional;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientEncryption other
                && keystore.equals(other.keystore)
                && keystorePassword.equals(other.keystorePassword)
                && Objects.equals(truststore, other.truststore)
                && Objects.equals(truststorePassword, other.truststorePassword)
                && requireClientAuth == other.requireClientAuth
                && optional == other.optional;
    }

    @Override
    public int hashCode() {
        return Objects.hash(keystore, keystorePassword, truststore, truststorePassword, requireClientAuth, optional);
    }

    @Override
    public String toString() {
        return "ClientEncryption[keystore=" + keystore + ", requireClientAuth=" + requireClientAuth
                + ", plainTextAllowed=" + optional + "]";
    }
}
