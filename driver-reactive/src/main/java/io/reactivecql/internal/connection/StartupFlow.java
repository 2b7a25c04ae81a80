package io.reactivecql.internal.connection;

import io.reactivecql.api.auth.AuthProvider;
import io.reactivecql.api.auth.Authenticator;
import io.reactivecql.api.errors.AuthenticationException;
import io.reactivecql.api.errors.ConnectionInitException;
import io.reactivecql.api.errors.DriverException;
import io.reactivecql.api.errors.UnsupportedProtocolVersionException;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.Message;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.AuthResponse;
import io.reactivecql.protocol.request.Options;
import io.reactivecql.protocol.request.Startup;
import io.reactivecql.protocol.response.AuthChallenge;
import io.reactivecql.protocol.response.AuthSuccess;
import io.reactivecql.protocol.response.Authenticate;
import io.reactivecql.protocol.response.Ready;
import io.reactivecql.protocol.response.Supported;
import io.reactivecql.protocol.response.error.AuthenticationError;
import io.reactivecql.protocol.response.error.ErrorCode;
import io.reactivecql.protocol.response.error.ErrorResponse;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;

/**
 * The handshake of a new connection (spec 4.1.1, 4.2.3): OPTIONS to learn what the node offers,
 * STARTUP with the CQL version, compression and driver identity, then READY, or AUTHENTICATE and a
 * SASL exchange through the configured {@link AuthProvider} until AUTH_SUCCESS. Each step reacts to
 * the previous answer on the event loop; nothing blocks.
 *
 * <p>Errors are typed for the caller: a protocol error about the version becomes
 * {@link UnsupportedProtocolVersionException} (the factory then falls back to v4 when negotiating),
 * a refused login {@link AuthenticationException} (never retried), anything else
 * {@link ConnectionInitException}.
 */
final class StartupFlow {

    private final CqlConnection connection;
    private final ConnectionConfig config;
    private final InetSocketAddress endpoint;

    private StartupFlow(CqlConnection connection, ConnectionConfig config) {
        this.connection = connection;
        this.config = config;
        this.endpoint = connection.endpoint();
    }

    /** Runs the handshake; completes when the connection is ready for queries. */
    static Mono<Void> run(CqlConnection connection, ConnectionConfig config) {
        StartupFlow flow = new StartupFlow(connection, config);
        return connection.send(Options.INSTANCE)
                .flatMap(flow::onSupported)
                .then(Mono.defer(flow::startup));
    }

    private Mono<Void> onSupported(Envelope envelope) {
        Message message = envelope.message();
        if (message instanceof Supported supported) {
            String compression = config.compression();
            if (compression != null && !containsIgnoreCase(supported.values(Supported.COMPRESSION), compression)) {
                return Mono.error(new ConnectionInitException(endpoint, "the node does not offer " + compression
                        + " compression (it offers " + supported.values(Supported.COMPRESSION) + ")", null));
            }
            return Mono.empty();
        }
        return Mono.error(unexpected("OPTIONS", message));
    }

    private Mono<Void> startup() {
        Startup startup = Startup.of(config.compression(), config.driverName(), config.driverVersion());
        return connection.send(startup).flatMap(envelope -> {
            Message message = envelope.message();
            if (message instanceof Ready) {
                return Mono.empty();
            }
            if (message instanceof Authenticate authenticate) {
                return authenticate(authenticate.authenticator());
            }
            return Mono.error(unexpected("STARTUP", message));
        });
    }

    private Mono<Void> authenticate(String serverAuthenticator) {
        AuthProvider provider = config.authProvider();
        if (provider == null) {
            return Mono.error(new AuthenticationException(endpoint, "the node requires authentication ("
                    + serverAuthenticator + ") but no AuthProvider is configured"));
        }
        return Mono.defer(() -> {
            Authenticator authenticator = provider.newAuthenticator(endpoint, serverAuthenticator);
            return authenticator.initialResponse()
                    .onErrorMap(e -> !(e instanceof DriverException), this::authenticatorFailed)
                    .flatMap(token -> exchange(authenticator, token));
        });
    }

    /** One AUTH_RESPONSE and what follows it: another challenge, success or a refusal. */
    private Mono<Void> exchange(Authenticator authenticator, ByteBuffer token) {
        return connection.send(new AuthResponse(token)).flatMap(envelope -> {
            Message message = envelope.message();
            if (message instanceof AuthChallenge challenge) {
                return authenticator.evaluateChallenge(challenge.token())
                        .onErrorMap(e -> !(e instanceof DriverException), this::authenticatorFailed)
                        .flatMap(next -> exchange(authenticator, next));
            }
            if (message instanceof AuthSuccess success) {
                return authenticator.onAuthenticationSuccess(success.token())
                        .onErrorMap(e -> !(e instanceof DriverException), this::authenticatorFailed);
            }
            return Mono.error(unexpected("AUTH_RESPONSE", message));
        });
    }

    private AuthenticationException authenticatorFailed(Throwable error) {
        return new AuthenticationException(endpoint, "the authenticator failed: " + error, error);
    }

    /** The typed error for an answer the handshake cannot continue with. */
    private DriverException unexpected(String step, Message message) {
        if (message instanceof AuthenticationError error) {
            return new AuthenticationException(endpoint, error.message());
        }
        if (message instanceof ErrorResponse error) {
            if (isVersionError(error)) {
                return new UnsupportedProtocolVersionException(endpoint, connection.protocolVersion(), error.message());
            }
            return new ConnectionInitException(endpoint, step + " was answered with " + error.code() + ": "
                    + error.message(), null);
        }
        return new ConnectionInitException(endpoint, step + " was answered with an unexpected " + message, null);
    }

    /**
     * Whether the node refused the protocol version: Cassandra answers "Invalid or unsupported
     * protocol version (5); supported versions are (...)" or, for a beta version, "Beta version of
     * the protocol used (5/v5-beta), but USE_BETA flag is unset".
     */
    static boolean isVersionError(ErrorResponse error) {
        if (error.code() != ErrorCode.PROTOCOL_ERROR && error.code() != ErrorCode.SERVER_ERROR) {
            return false;
        }
        String text = error.message().toLowerCase(Locale.ROOT);
        return text.contains("protocol version") || text.contains("beta version of the protocol");
    }

    private static boolean containsIgnoreCase(List<String> values, String wanted) {
        for (String value : values) {
            if (value.equalsIgnoreCase(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** The protocol version a node refusing {@code attempted} may still accept, or null. */
    static ProtocolVersion fallback(ProtocolVersion attempted) {
        return attempted == ProtocolVersion.V5 ? ProtocolVersion.V4 : null;
    }
}
