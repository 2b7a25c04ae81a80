package io.reactivecql.stub;

import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.Request;
import io.reactivecql.protocol.Response;
import io.reactivecql.protocol.compression.Lz4Compressor;
import io.reactivecql.protocol.compression.SnappyCompressor;
import io.reactivecql.protocol.frame.FrameFormat;
import io.reactivecql.protocol.request.AuthResponse;
import io.reactivecql.protocol.request.Execute;
import io.reactivecql.protocol.request.Prepare;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.request.QueryOptions;
import io.reactivecql.protocol.request.Register;
import io.reactivecql.protocol.request.Startup;
import io.reactivecql.protocol.response.AuthSuccess;
import io.reactivecql.protocol.response.Authenticate;
import io.reactivecql.protocol.response.Ready;
import io.reactivecql.protocol.response.Supported;
import io.reactivecql.protocol.response.error.AuthenticationError;
import io.reactivecql.protocol.response.error.ProtocolError;
import io.reactivecql.protocol.response.error.ServerError;
import io.reactivecql.protocol.response.event.EventType;
import io.reactivecql.protocol.response.result.Result;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns each decoded request into its answer: records it, checks it is allowed at this point of
 * the connection's life, picks the prime (or the standard answer), applies the delay, and sends.
 * Runs on the connection's event loop; holds no state of its own.
 */
final class Responder {

    private final NodeContext node;
    private final StatementDefaults statements;

    Responder(NodeContext node) {
        this.node = node;
        this.statements = new StatementDefaults(node);
    }

    void handle(StubConnection connection, Envelope envelope) {
        Request request = (Request) envelope.message();
        RequestKind kind = RequestKind.of(request);
        ReceivedRequest received = new ReceivedRequest(connection.id, connection.client(), envelope.version(),
                envelope.streamId(), kind, request, statementText(request), envelope.tracing(), System.nanoTime());
        node.activity.recordRequest(received);

        String violation = connection.phaseViolation(kind);
        if (violation != null) {
            node.problem(new IllegalStateException("connection " + connection.id + ": " + violation));
            connection.send(Envelope.response(connection.replyVersion(envelope.version()), envelope.streamId(),
                    new ProtocolError(violation)), null);
            return;
        }
        Prime prime = node.script.claim(received);
        Reply reply = prime == null ? Reply.standard() : prime.reply();
        Duration delay = prime == null ? Duration.ZERO : prime.delay();
        if (delay.isZero()) {
            execute(connection, received, prime, reply);
        } else {
            connection.schedule(() -> execute(connection, received, prime, reply), delay);
        }
    }

    private String statementText(Request request) {
        if (request instanceof Query q) {
            return q.query();
        } else if (request instanceof Prepare p) {
            return p.query();
        } else if (request instanceof Execute e) {
            PreparedStatements.Statement statement = node.prepared.get(e.id());
            return statement == null ? null : statement.query();
        }
        return null;
    }

    private void execute(StubConnection connection, ReceivedRequest request, Prime prime, Reply reply) {
        if (!connection.isOpen()) {
            return;
        }
        switch (reply.source()) {
            case NO_ANSWER:
                return;
            case DROP:
                connection.close(false);
                return;
            case RESET:
                connection.close(true);
                return;
            case RANDOM_BYTES:
                connection.writeRandom(reply.byteCount(), reply.seed());
                return;
            default:
                break;
        }
        Response response;
        try {
            response = resolve(connection, request, reply);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) { // Error too: BlockHound reports a blocking reply function with one
            node.problem(new IllegalStateException("stub failed to answer " + request, e));
            response = new ServerError("stub node failed to answer: " + e);
        }
        if (response == null) {
            return;
        }
        List<String> warnings = prime == null ? List.of() : prime.warnings();
        UUID tracingId = request.tracing() && request.kind().isStatement() && response instanceof Result
                ? new UUID(ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong()) : null;
        Envelope envelope = new Envelope(connection.replyVersion(request.version()), request.streamId(),
                tracingId != null, tracingId, warnings, Map.of(), false, response);
        connection.send(envelope, reply.fault(), reply.seed());
    }

    private Response resolve(StubConnection connection, ReceivedRequest request, Reply reply) {
        switch (reply.source()) {
            case STANDARD:
                return resolve(connection, request, standard(connection, request));
            case RESPONSE:
                return reply.response();
            case FUNCTION:
                return reply.function().apply(request);
            case ROWS:
                return page(request, reply.rows(), false);
            case EMPTY_PAGE_THEN:
                return page(request, reply.rows(), true);
            default:
                throw new IllegalStateException("not an answer: " + reply);
        }
    }

    /** A page of {@code rows} as the request asks (page size, paging state, skip metadata). */
    private static Response page(ReceivedRequest request, Rows rows, boolean emptyFirst) {
        QueryOptions options = request.options();
        int pageSize = options == null ? -1 : options.pageSize();
        // as Cassandra does, only EXECUTE may skip the metadata the client already has
        boolean skipMetadata = options != null && options.skipMetadata() && request.kind() == RequestKind.EXECUTE;
        ByteBuffer state = request.pagingState();
        if (state == null) {
            return emptyFirst ? rows.emptyPage(0, skipMetadata) : rows.page(0, pageSize, skipMetadata);
        }
        int offset = PagingState.offset(state, rows.id());
        if (offset < 0) {
            return new ProtocolError("Invalid value for the paging state");
        }
        return rows.page(offset, pageSize, skipMetadata);
    }

    // ---------------------------------------------------------------- standard answers

    /** The answer of an unprimed node; never {@link Reply#standard()} itself. */
    private Reply standard(StubConnection connection, ReceivedRequest request) {
        switch (request.kind()) {
            case OPTIONS:
                return Reply.response(supported());
            case STARTUP:
                return Reply.response(startup(connection, request.version(), (Startup) request.request()));
            case AUTH_RESPONSE:
                return Reply.response(authenticate(connection, (AuthResponse) request.request()));
            case REGISTER:
                for (String type : ((Register) request.request()).eventTypes()) {
                    connection.registered.add(EventType.valueOf(type));
                }
                return Reply.response(Ready.INSTANCE);
            default:
                return statements.answer(connection, request);
        }
    }

    Supported supported() {
        NodeConfig config = node.config;
        List<String> versions = new ArrayList<>();
        for (ProtocolVersion v : config.versions()) {
            versions.add(config.describe(v));
        }
        Map<String, List<String>> options = new LinkedHashMap<>();
        options.put(Supported.PROTOCOL_VERSIONS, versions);
        options.put(Supported.CQL_VERSION, List.of(SystemTables.CQL_VERSION));
        options.put(Supported.COMPRESSION, config.compressions());
        return new Supported(options);
    }

    /**
     * Fixes the connection's version and compression, then READY or AUTHENTICATE. v4 compression
     * applies at once (Cassandra compresses READY); v5 framing starts after this answer is sent.
     */
    private Response startup(StubConnection connection, ProtocolVersion version, Startup startup) {
        String compression = startup.compression();
        FrameFormat framing = version.usesFraming() ? FrameFormat.UNCOMPRESSED : null;
        if (compression != null) {
            String algorithm = compression.toLowerCase(Locale.ROOT);
            if (!node.config.compressions().contains(algorithm)) {
                return new ProtocolError("Unknown compression algorithm: " + compression);
            }
            if (version.usesFraming()) {
                if (!algorithm.equals("lz4")) {
                    return new ProtocolError("Compression algorithm " + compression + " is not supported in protocol v"
                            + version.code() + ", only lz4 is");
                }
                framing = FrameFormat.LZ4;
            } else {
                connection.compressBodies(algorithm.equals("lz4") ? Lz4Compressor.INSTANCE : SnappyCompressor.INSTANCE);
            }
        }
        connection.version = version;
        if (framing != null) {
            connection.startFramingAfterNextSend(framing);
        }
        if (node.config.authenticates()) {
            connection.phase = StubConnection.Phase.AUTHENTICATING;
            return new Authenticate(NodeConfig.PASSWORD_AUTHENTICATOR);
        }
        connection.phase = StubConnection.Phase.READY;
        return Ready.INSTANCE;
    }

    /** SASL PLAIN: {@code [authzid] NUL user NUL password}. */
    private Response authenticate(StubConnection connection, AuthResponse response) {
        String user = null;
        String password = null;
        if (response.token() != null) {
            ByteBuffer token = response.token().duplicate();
            byte[] bytes = new byte[token.remaining()];
            token.get(bytes);
            String[] parts = new String(bytes, StandardCharsets.UTF_8).split("\u0000", -1);
            if (parts.length == 3) {
                user = parts[1];
                password = parts[2];
            }
        }
        if (node.config.username().equals(user) && node.config.password().equals(password)) {
            connection.phase = StubConnection.Phase.READY;
            return new AuthSuccess(null);
        }
        return new AuthenticationError("Provided username " + user + " and/or password are incorrect");
    }
}
