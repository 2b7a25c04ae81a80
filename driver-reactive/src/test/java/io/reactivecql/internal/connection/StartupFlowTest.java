package io.reactivecql.internal.connection;

import io.reactivecql.api.auth.PlainTextAuthProvider;
import io.reactivecql.api.errors.AuthenticationException;
import io.reactivecql.api.errors.ConnectionInitException;
import io.reactivecql.api.errors.UnsupportedProtocolVersionException;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.AuthResponse;
import io.reactivecql.protocol.request.Options;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.request.Register;
import io.reactivecql.protocol.request.Startup;
import io.reactivecql.protocol.response.AuthChallenge;
import io.reactivecql.protocol.response.AuthSuccess;
import io.reactivecql.protocol.response.Authenticate;
import io.reactivecql.protocol.response.Ready;
import io.reactivecql.protocol.response.Supported;
import io.reactivecql.protocol.response.error.AuthenticationError;
import io.reactivecql.protocol.response.error.ProtocolError;
import io.reactivecql.protocol.response.result.SetKeyspaceResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The handshake against a scripted node: options, startup, SASL, version errors, framing switch. */
class StartupFlowTest {

    private static final String PASSWORD_AUTHENTICATOR = "org.apache.cassandra.auth.PasswordAuthenticator";
    private static final Supported SUPPORTED = new Supported(Map.of(
            Supported.PROTOCOL_VERSIONS, List.of("3/v3", "4/v4", "5/v5", "6/v6-beta"),
            Supported.COMPRESSION, List.of("snappy", "lz4"),
            Supported.CQL_VERSION, List.of("3.4.7")));

    private ScriptedNode node;

    @AfterEach
    void release() {
        if (node != null) {
            node.close();
        }
    }

    /** Where a flow ended. */
    static final class Result {
        boolean done;
        Throwable error;
    }

    private Result run(ConnectionConfig config) {
        Result result = new Result();
        StartupFlow.run(node.connection, config).then(RegisterFlow.run(node.connection, config))
                .subscribe(null, e -> result.error = e, () -> result.done = true);
        return result;
    }

    private Envelope expect(Class<?> type) {
        Envelope request = node.request();
        assertInstanceOf(type, request.message());
        return request;
    }

    @Test
    void optionsStartupReadyOnV5ThenFramedRegisterAndUse() {
        node = new ScriptedNode(ProtocolVersion.V5, "lz4", 128, 16);
        Result result = run(Connections.builder().compression("lz4").keyspace("Ks").events(Register.SCHEMA_CHANGE).build());
        Envelope options = expect(Options.class);
        assertEquals(5, options.version().code());
        node.respond(options.streamId(), SUPPORTED);

        Startup startup = (Startup) expect(Startup.class).message();
        assertEquals(Map.of(Startup.CQL_VERSION, "3.0.0", Startup.COMPRESSION, "lz4",
                Startup.DRIVER_NAME, "ReactiveCQL-IT", Startup.DRIVER_VERSION, "test"), startup.options());
        assertFalse(node.wire.framed());
        node.respond(0, Ready.INSTANCE);
        assertTrue(node.wire.framed(), "frames start right after READY");

        Envelope register = expect(Register.class); // decoded from LZ4 frames by the scripted node
        assertEquals(List.of(Register.SCHEMA_CHANGE), ((Register) register.message()).eventTypes());
        node.respond(register.streamId(), Ready.INSTANCE);
        Envelope use = expect(Query.class);
        assertEquals("USE \"Ks\"", ((Query) use.message()).query());
        assertFalse(result.done);
        node.respond(use.streamId(), new SetKeyspaceResult("Ks"));
        assertTrue(result.done, String.valueOf(result.error));
    }

    @Test
    void saslExchangeWithChallengesIsFramedFromAuthenticateOn() {
        node = new ScriptedNode(ProtocolVersion.V5, null, 128, 16);
        Result result = run(Connections.builder().auth(new PlainTextAuthProvider("user", "secret")).build());
        node.respond(expect(Options.class).streamId(), SUPPORTED);
        node.respond(expect(Startup.class).streamId(), new Authenticate(PASSWORD_AUTHENTICATOR));
        assertTrue(node.wire.framed(), "the server frames everything after AUTHENTICATE");

        Envelope first = expect(AuthResponse.class);
        ByteBuffer token = ((AuthResponse) first.message()).token();
        assertEquals("\0user\0secret", StandardCharsets.UTF_8.decode(token).toString());
        node.respond(first.streamId(), new AuthChallenge(ByteBuffer.wrap(new byte[] {1, 2})));
        Envelope second = expect(AuthResponse.class);
        node.respond(second.streamId(), new AuthSuccess(null));
        assertTrue(result.done, String.valueOf(result.error));
    }

    @Test
    void refusedCredentialsAreAnAuthenticationException() {
        node = ScriptedNode.v4(128, 16);
        Result result = run(Connections.builder().auth(new PlainTextAuthProvider("user", "wrong")).build());
        node.respond(expect(Options.class).streamId(), SUPPORTED);
        node.respond(expect(Startup.class).streamId(), new Authenticate(PASSWORD_AUTHENTICATOR));
        Envelope response = expect(AuthResponse.class);
        node.respond(response.streamId(), new AuthenticationError("Provided username user and/or password are incorrect"));
        AuthenticationException error = assertInstanceOf(AuthenticationException.class, result.error);
        assertTrue(error.getMessage().contains("incorrect"), error.getMessage());
        assertEquals(List.of(), node.requests(), "nothing is retried");
    }

    @Test
    void authenticationRequiredWithoutProviderFails() {
        node = ScriptedNode.v4(128, 16);
        Result result = run(Connections.builder().build());
        node.respond(expect(Options.class).streamId(), SUPPORTED);
        node.respond(expect(Startup.class).streamId(), new Authenticate(PASSWORD_AUTHENTICATOR));
        AuthenticationException error = assertInstanceOf(AuthenticationException.class, result.error);
        assertTrue(error.getMessage().contains("no AuthProvider"), error.getMessage());
    }

    @Test
    void versionRefusalIsTyped() {
        node = new ScriptedNode(ProtocolVersion.V5, null, 128, 16);
        Result result = run(Connections.builder().build());
        node.respond(expect(Options.class).streamId(), new ProtocolError(
                "Invalid or unsupported protocol version (5); supported versions are (3/v3, 4/v4)"));
        UnsupportedProtocolVersionException error = assertInstanceOf(UnsupportedProtocolVersionException.class,
                result.error);
        assertEquals(ProtocolVersion.V5, error.attempted());
    }

    @Test
    void betaRefusalIsAVersionError() {
        assertTrue(StartupFlow.isVersionError(new ProtocolError(
                "Beta version of the protocol used (5/v5-beta), but USE_BETA flag is unset")));
        assertFalse(StartupFlow.isVersionError(new ProtocolError("Unknown opcode 42")));
    }

    @Test
    void compressionTheNodeDoesNotOfferFails() {
        node = ScriptedNode.v4(128, 16);
        Result result = run(Connections.builder().compression("snappy").build());
        node.respond(expect(Options.class).streamId(), new Supported(Map.of(Supported.COMPRESSION, List.of("lz4"))));
        ConnectionInitException error = assertInstanceOf(ConnectionInitException.class, result.error);
        assertTrue(error.getMessage().contains("snappy"), error.getMessage());
        assertNull(error.getCause());
    }

    @Test
    void v4StaysUnframed() {
        node = new ScriptedNode(ProtocolVersion.V4, "lz4", 128, 16);
        Result result = run(Connections.builder().compression("lz4").build());
        node.respond(expect(Options.class).streamId(), SUPPORTED);
        node.respond(expect(Startup.class).streamId(), Ready.INSTANCE);
        assertFalse(node.wire.framed());
        assertTrue(result.done);
    }
}
