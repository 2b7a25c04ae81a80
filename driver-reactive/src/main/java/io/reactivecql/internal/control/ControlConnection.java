package io.reactivecql.internal.control;

import io.reactivecql.api.errors.AuthenticationException;
import io.reactivecql.api.errors.ConnectionClosedException;
import io.reactivecql.api.errors.NoNodeAvailableException;
import io.reactivecql.api.metadata.AddressTranslator;
import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.policy.reconnection.ReconnectionPolicy;
import io.reactivecql.api.routing.ReplicaLocator;
import io.reactivecql.internal.connection.ConnectionConfig;
import io.reactivecql.internal.connection.ConnectionFactory;
import io.reactivecql.internal.connection.CqlTransport;
import io.reactivecql.internal.request.ErrorMapper;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.Message;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.response.error.ErrorResponse;
import io.reactivecql.protocol.response.event.SchemaChange;
import io.reactivecql.protocol.response.event.SchemaChangeEvent;
import io.reactivecql.protocol.response.event.StatusChangeEvent;
import io.reactivecql.protocol.response.event.TopologyChangeEvent;
import io.reactivecql.protocol.response.result.RowsResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One connection, to any node, REGISTERed for TOPOLOGY_CHANGE, STATUS_CHANGE and SCHEMA_CHANGE:
 * discovers the nodes ({@code system.local} + {@code system.peers_v2}, or {@code system.peers} on
 * servers without it) into the {@link ClusterState}, refreshes them on topology events, passes UP
 * events to the pools, and re-opens itself on another node (UP nodes first, then the contact
 * points, with the reconnection policy's delays between rounds) when its connection closes.
 */
public final class ControlConnection implements ControlChannel {

    private static final Logger LOG = LoggerFactory.getLogger(ControlConnection.class);
    /** The events the control connection REGISTERs for. */
    public static final List<String> EVENT_TYPES = List.of("TOPOLOGY_CHANGE", "STATUS_CHANGE", "SCHEMA_CHANGE");
    private static final Duration REFRESH_DELAY = Duration.ofMillis(500);

    private final ConnectionFactory factory;
    private final Function<List<String>, ConnectionConfig> config;
    private final ClusterState state;
    private final AddressTranslator translator;
    private final ReconnectionPolicy reconnection;
    private final Consumer<InetSocketAddress> upEvents;
    private final Sinks.Many<SchemaChange> schemaChanges = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<InetSocketAddress> reconnections = Sinks.many().multicast().directBestEffort();
    private final AtomicBoolean reconnecting = new AtomicBoolean();
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private volatile List<InetSocketAddress> contactPoints = List.of();
    private volatile CqlTransport connection;
    private volatile Disposable eventSubscription;
    private volatile Disposable reconnectLoop;
    private volatile boolean closed;

    /**
     * @param config   the connection settings for a given list of event types
     * @param upEvents told of every STATUS_CHANGE UP (translated address)
     */
    public ControlConnection(ConnectionFactory factory, Function<List<String>, ConnectionConfig> config,
                             ClusterState state, AddressTranslator translator, ReconnectionPolicy reconnection,
                             Consumer<InetSocketAddress> upEvents) {
        this.factory = factory;
        this.config = config;
        this.state = state;
        this.translator = translator;
        this.reconnection = reconnection;
        this.upEvents = upEvents;
    }

    /**
     * Connects to the first contact point that answers and discovers the nodes. Fails with
     * {@link NoNodeAvailableException} (every contact point's error) or {@link AuthenticationException}.
     */
    public Mono<Void> init(List<InetSocketAddress> points) {
        return Mono.defer(() -> {
            this.contactPoints = List.copyOf(points);
            Map<InetSocketAddress, Throwable> errors = new LinkedHashMap<>();
            return connectAny(points, errors)
                    .flatMap(c -> refresh(c).doOnSuccess(v -> {
                        Node self = state.node(c.endpoint());
                        state.contactNodes(self == null ? List.of() : List.of(self));
                    }).onErrorResume(e -> c.close().onErrorResume(x -> Mono.empty()).then(Mono.error(e))));
        });
    }

    private Mono<CqlTransport> connectAny(List<InetSocketAddress> candidates, Map<InetSocketAddress, Throwable> errors) {
        return connectFrom(candidates, 0, errors).doOnNext(this::install);
    }

    /**
     * Tries the candidates one after the other. Recursion rather than {@code concatMap().next()}:
     * cancelling a connect that already emitted would close the connection it opened.
     */
    private Mono<CqlTransport> connectFrom(List<InetSocketAddress> candidates, int i,
                                           Map<InetSocketAddress, Throwable> errors) {
        if (i == candidates.size()) {
            return Mono.error(new NoNodeAvailableException("could not open the control connection", errors));
        }
        InetSocketAddress endpoint = candidates.get(i);
        return factory.connect(endpoint, config.apply(EVENT_TYPES))
                .onErrorResume(e -> !(e instanceof AuthenticationException), e -> {
                    errors.put(endpoint, e);
                    return connectFrom(candidates, i + 1, errors);
                });
    }

    private void install(CqlTransport c) {
        if (closed) {
            c.close().subscribe(null, e -> { });
            return;
        }
        Disposable old = eventSubscription;
        if (old != null) {
            old.dispose();
        }
        connection = c;
        eventSubscription = c.events().subscribe(this::onEvent,
                e -> LOG.debug("control connection events from {} ended: {}", c.endpoint(), e.toString()));
        LOG.debug("control connection on {}", c.endpoint());
    }

    /** Re-reads the nodes from the control connection. */
    public Mono<Void> refresh() {
        return Mono.defer(() -> {
            CqlTransport c = connection;
            return c == null ? Mono.error(new IllegalStateException("no control connection")) : refresh(c);
        });
    }

    private Mono<Void> refresh(CqlTransport c) {
        Mono<RowsResult> peers = query(c, "SELECT * FROM system.peers_v2")
                .onErrorResume(e -> !(e instanceof ConnectionClosedException),
                        e -> query(c, "SELECT * FROM system.peers"));
        return query(c, "SELECT * FROM system.local WHERE key = 'local'")
                .zipWith(peers, (local, peerRows) -> {
                    List<Node> nodes = new ArrayList<>();
                    SystemRows localRows = new SystemRows(local);
                    if (localRows.size() > 0) {
                        nodes.add(localRows.local(c.endpoint()));
                    }
                    nodes.addAll(new SystemRows(peerRows).peers(translator, c.endpoint().getPort()));
                    return nodes;
                })
                .doOnNext(state::update)
                .then();
    }

    private void onEvent(Envelope envelope) {
        Message message = envelope.message();
        if (message instanceof TopologyChangeEvent topology) {
            LOG.debug("topology change: {}", topology);
            scheduleRefresh();
        } else if (message instanceof StatusChangeEvent status) {
            InetSocketAddress address = translator.translate(status.address());
            LOG.debug("status change: {} {}", status.status(), address);
            if (status.status() == StatusChangeEvent.Status.UP) {
                if (state.node(address) == null) {
                    scheduleRefresh();
                }
                upEvents.accept(address);
            }
            // DOWN events are not trusted: a node is down when the driver's connections to it fail
        } else if (message instanceof SchemaChangeEvent schema) {
            synchronized (schemaChanges) {
                schemaChanges.tryEmitNext(schema.change());
            }
        }
    }

    private void scheduleRefresh() {
        if (closed || !refreshPending.compareAndSet(false, true)) {
            return;
        }
        Mono.delay(REFRESH_DELAY)
                .doOnNext(t -> refreshPending.set(false))
                .then(refresh())
                .subscribe(null, e -> LOG.warn("node refresh failed: {}", e.toString()));
    }

    /** Called periodically: re-opens the control connection when it closed. */
    public void check() {
        CqlTransport c = connection;
        if (closed || c == null || !c.isClosed() || !reconnecting.compareAndSet(false, true)) {
            return;
        }
        LOG.info("control connection to {} closed, reconnecting", c.endpoint());
        reconnect(reconnection.newSchedule(), c.endpoint(), Duration.ZERO);
    }

    private void reconnect(ReconnectionPolicy.Schedule schedule, InetSocketAddress dead, Duration delay) {
        if (closed) {
            return;
        }
        reconnectLoop = Mono.delay(delay)
                .then(Mono.defer(() -> connectAny(candidates(dead), new LinkedHashMap<>())))
                .flatMap(c -> refresh(c).thenReturn(c))
                .subscribe(c -> {
                    reconnecting.set(false);
                    LOG.info("control connection re-opened on {}", c.endpoint());
                    synchronized (reconnections) {
                        reconnections.tryEmitNext(c.endpoint());
                    }
                }, e -> {
                    LOG.debug("control connection attempt failed: {}", e.toString());
                    reconnect(schedule, dead, schedule.nextDelay());
                });
    }

    private List<InetSocketAddress> candidates(InetSocketAddress dead) {
        Set<InetSocketAddress> out = new LinkedHashSet<>();
        for (Node n : state.nodes()) {
            if (n.isUp() && !n.endpoint().equals(dead)) {
                out.add(n.endpoint());
            }
        }
        for (Node n : state.nodes()) {
            if (!n.endpoint().equals(dead)) {
                out.add(n.endpoint());
            }
        }
        out.addAll(contactPoints);
        out.add(dead);
        return new ArrayList<>(out);
    }

    private static Mono<RowsResult> query(CqlTransport c, String cql) {
        return c.send(new Query(cql)).flatMap(envelope -> {
            Message m = envelope.message();
            if (m instanceof RowsResult rows) {
                return Mono.just(rows);
            }
            if (m instanceof ErrorResponse error) {
                return Mono.error(ErrorMapper.map(error, c.endpoint()));
            }
            return Mono.error(new IllegalStateException("unexpected answer to " + cql + ": " + m));
        });
    }

    @Override
    public InetSocketAddress endpoint() {
        CqlTransport c = connection;
        return c == null || c.isClosed() ? null : c.endpoint();
    }

    @Override
    public Mono<RowsResult> query(String cql) {
        return Mono.defer(() -> {
            CqlTransport c = connection;
            if (c == null || c.isClosed()) {
                return Mono.error(new ConnectionClosedException(c == null ? null : c.endpoint(),
                        "the control connection is reconnecting", null));
            }
            return query(c, cql);
        });
    }

    @Override
    public Flux<SchemaChange> schemaChanges() {
        return schemaChanges.asFlux();
    }

    @Override
    public List<Node> nodes() {
        return state.nodes();
    }

    @Override
    public Flux<List<Node>> topology() {
        return state.refreshes();
    }

    @Override
    public Flux<InetSocketAddress> reconnections() {
        return reconnections.asFlux();
    }

    @Override
    public void replicaLocator(ReplicaLocator locator) {
        state.replicaLocator(locator);
    }

    /** Closes the connection and stops reconnecting; idempotent. */
    public Mono<Void> close() {
        return Mono.defer(() -> {
            closed = true;
            Disposable loop = reconnectLoop;
            if (loop != null) {
                loop.dispose();
            }
            Disposable events = eventSubscription;
            if (events != null) {
                events.dispose();
            }
            synchronized (schemaChanges) {
                schemaChanges.tryEmitComplete();
            }
            synchronized (reconnections) {
                reconnections.tryEmitComplete();
            }
            CqlTransport c = connection;
            return c == null ? Mono.<Void>empty() : c.close().onErrorResume(e -> Mono.empty());
        }).subscribeOn(Schedulers.parallel()).then();
    }
}
