package io.reactivecql.internal.control;

import io.reactivecql.api.errors.ConnectionClosedException;
import io.reactivecql.api.errors.ConnectionInitException;
import io.reactivecql.internal.connection.ConnectionConfig;
import io.reactivecql.internal.connection.ConnectionFactory;
import io.reactivecql.internal.connection.CqlTransport;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.Request;
import io.reactivecql.protocol.Response;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.response.error.Invalid;
import io.reactivecql.protocol.response.event.Event;
import io.reactivecql.protocol.response.result.ColumnSpec;
import io.reactivecql.protocol.response.result.RowsMetadata;
import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.protocol.response.result.VoidResult;
import io.reactivecql.protocol.types.DataType;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.protocol.types.SetType;
import io.reactivecql.protocol.types.TypeCodec;
import io.reactivecql.protocol.types.TypeCodecs;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A scripted cluster, no sockets: nodes answer system.local and system.peers_v2 from their
 * descriptions, can be taken down (connections close, new ones are refused) and brought back, and
 * push events on the connections that REGISTERed. Other queries are answered by {@link #answer}.
 */
public final class ScriptedCluster implements ConnectionFactory {

    /** One scripted node. */
    public static final class ScriptedNode {
        public final InetSocketAddress endpoint;
        public final String dc;
        public final String rack;
        public final UUID hostId = UUID.randomUUID();
        volatile boolean up = true;
        final AtomicInteger queries = new AtomicInteger();

        ScriptedNode(InetSocketAddress endpoint, String dc, String rack) {
            this.endpoint = endpoint;
            this.dc = dc;
            this.rack = rack;
        }

        public int queries() {
            return queries.get();
        }
    }

    public final List<ScriptedNode> nodes = new CopyOnWriteArrayList<>();
    public final List<Conn> connections = new CopyOnWriteArrayList<>();
    public volatile boolean peersV2 = true;
    public volatile Function<Request, Response> answer = r -> VoidResult.INSTANCE;

    public ScriptedNode add(String address, String dc, String rack) {
        ScriptedNode n = new ScriptedNode(new InetSocketAddress(address, 9042), dc, rack);
        nodes.add(n);
        return n;
    }

    public ScriptedNode node(InetSocketAddress endpoint) {
        return nodes.stream().filter(n -> n.endpoint.equals(endpoint)).findFirst().orElse(null);
    }

    /** Takes a node down: its connections close, new ones are refused. */
    public void down(ScriptedNode n) {
        n.up = false;
        for (Conn c : connections) {
            if (c.node == n) {
                c.closed = true;
            }
        }
    }

    public void up(ScriptedNode n) {
        n.up = true;
    }

    /** Pushes an event on every open connection that registered for events. */
    public void push(Event event) {
        for (Conn c : connections) {
            if (!c.closed && c.registered) {
                c.events.tryEmitNext(Envelope.response(ProtocolVersion.V5, -1, event));
            }
        }
    }

    public List<Conn> open(ScriptedNode n) {
        return connections.stream().filter(c -> c.node == n && !c.closed).toList();
    }

    @Override
    public Mono<CqlTransport> connect(InetSocketAddress endpoint, ConnectionConfig config) {
        return Mono.defer(() -> {
            ScriptedNode n = node(endpoint);
            if (n == null || !n.up) {
                return Mono.error(new ConnectionInitException(endpoint, "connection refused", null));
            }
            Conn c = new Conn(n, !config.eventTypes().isEmpty());
            connections.add(c);
            return Mono.just(c);
        });
    }

    @Override
    public Mono<Void> close() {
        return Mono.empty();
    }

    private static ByteBuffer enc(DataType type, Object value) {
        @SuppressWarnings("unchecked")
        TypeCodec<Object> codec = (TypeCodec<Object>) TypeCodecs.codecFor(type);
        return value == null ? null : codec.encode(value);
    }

    private static ColumnSpec col(String table, String name, DataType type) {
        return new ColumnSpec("system", table, name, type);
    }

    private static final DataType TEXT_SET = new SetType(PrimitiveType.VARCHAR, false);

    RowsResult local(ScriptedNode n) {
        List<ColumnSpec> cols = List.of(col("local", "data_center", PrimitiveType.VARCHAR),
                col("local", "rack", PrimitiveType.VARCHAR), col("local", "release_version", PrimitiveType.VARCHAR),
                col("local", "host_id", PrimitiveType.UUID), col("local", "tokens", TEXT_SET));
        List<ByteBuffer> row = new ArrayList<>();
        row.add(enc(PrimitiveType.VARCHAR, n.dc));
        row.add(enc(PrimitiveType.VARCHAR, n.rack));
        row.add(enc(PrimitiveType.VARCHAR, "5.0.6"));
        row.add(enc(PrimitiveType.UUID, n.hostId));
        row.add(enc(TEXT_SET, Set.of("1", "2")));
        return RowsResult.of(RowsMetadata.of(cols), List.of(row));
    }

    RowsResult peers(ScriptedNode self, boolean v2) {
        String table = v2 ? "peers_v2" : "peers";
        List<ColumnSpec> cols = new ArrayList<>(List.of(col(table, "peer", PrimitiveType.INET),
                col(table, "data_center", PrimitiveType.VARCHAR), col(table, "rack", PrimitiveType.VARCHAR),
                col(table, "release_version", PrimitiveType.VARCHAR), col(table, "host_id", PrimitiveType.UUID),
                col(table, "tokens", TEXT_SET)));
        cols.add(v2 ? col(table, "native_address", PrimitiveType.INET) : col(table, "rpc_address", PrimitiveType.INET));
        if (v2) {
            cols.add(col(table, "native_port", PrimitiveType.INT));
        }
        List<List<ByteBuffer>> rows = new ArrayList<>();
        for (ScriptedNode n : nodes) {
            if (n == self) {
                continue;
            }
            List<ByteBuffer> row = new ArrayList<>();
            row.add(enc(PrimitiveType.INET, n.endpoint.getAddress()));
            row.add(enc(PrimitiveType.VARCHAR, n.dc));
            row.add(enc(PrimitiveType.VARCHAR, n.rack));
            row.add(enc(PrimitiveType.VARCHAR, "5.0.6"));
            row.add(enc(PrimitiveType.UUID, n.hostId));
            row.add(enc(TEXT_SET, Set.of("3")));
            row.add(enc(PrimitiveType.INET, n.endpoint.getAddress()));
            if (v2) {
                row.add(enc(PrimitiveType.INT, n.endpoint.getPort()));
            }
            rows.add(row);
        }
        return RowsResult.of(RowsMetadata.of(cols), rows);
    }

    /** A scripted connection. */
    public final class Conn implements CqlTransport {
        public final ScriptedNode node;
        final boolean registered;
        final Sinks.Many<Envelope> events = Sinks.many().multicast().directBestEffort();
        final AtomicInteger inFlight = new AtomicInteger();
        public final List<Request> sent = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        Conn(ScriptedNode node, boolean registered) {
            this.node = node;
            this.registered = registered;
        }

        @Override
        public InetSocketAddress endpoint() {
            return node.endpoint;
        }

        @Override
        public ProtocolVersion protocolVersion() {
            return ProtocolVersion.V5;
        }

        @Override
        public Mono<Envelope> send(Request request, boolean tracing, Map<String, ByteBuffer> customPayload) {
            return Mono.defer(() -> {
                if (closed) {
                    return Mono.error(new ConnectionClosedException(node.endpoint, "closed", null));
                }
                sent.add(request);
                node.queries.incrementAndGet();
                Response response;
                String cql = request instanceof Query q ? q.query() : "";
                if (cql.contains("system.local")) {
                    response = local(node);
                } else if (cql.contains("system.peers_v2")) {
                    response = peersV2 ? peers(node, true)
                            : new Invalid("unconfigured table peers_v2");
                } else if (cql.contains("system.peers")) {
                    response = peers(node, false);
                } else {
                    response = answer.apply(request);
                }
                return Mono.just(Envelope.response(ProtocolVersion.V5, 1, response));
            });
        }

        @Override
        public Flux<Envelope> events() {
            return events.asFlux();
        }

        @Override
        public int inFlight() {
            return inFlight.get();
        }

        public void inFlight(int n) {
            inFlight.set(n);
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public Mono<Void> close() {
            closed = true;
            return Mono.empty();
        }
    }
}
