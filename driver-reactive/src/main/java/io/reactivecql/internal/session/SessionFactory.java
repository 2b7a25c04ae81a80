package io.reactivecql.internal.session;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.SessionBuilder;
import io.reactivecql.api.codec.CodecRegistry;
import io.reactivecql.api.errors.AuthenticationException;
import io.reactivecql.api.errors.NoNodeAvailableException;
import io.reactivecql.internal.connection.ConnectionConfig;
import io.reactivecql.internal.connection.ConnectionFactory;
import io.reactivecql.internal.connection.CqlTransport;
import io.reactivecql.internal.connection.ReactorNettyConnectionFactory;
import io.reactivecql.internal.control.ClusterRuntime;
import io.reactivecql.internal.control.DefaultClusterRuntime;
import io.reactivecql.internal.observability.SessionInstrumentation;
import io.reactivecql.internal.pool.ConnectionPool;
import io.reactivecql.internal.pool.NodePool;
import io.reactivecql.internal.request.SessionContext;
import io.reactivecql.internal.request.SingleNodePlanner;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.types.CqlIdentifiers;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Opens sessions. {@link #connect(SessionBuilder)} (and {@link #connectCluster}) discover the
 * cluster through a control connection and open a pool per node; {@link #connect(SessionBuilder,
 * ConnectionFactory, boolean)} (no discovery, for scripted single-node tests) tries the contact
 * points in order until one accepts a pool of connections, then builds the session around that pool. Public only so that the API's {@code SessionBuilder} and
 * the tests (with a scripted {@link ConnectionFactory}) can reach it.
 */
public final class SessionFactory {

    /** The name sent in STARTUP. */
    public static final String DRIVER_NAME = "ReactiveCQL";
    /** The version sent in STARTUP. */
    public static final String DRIVER_VERSION = "0.1.0-SNAPSHOT";

    private SessionFactory() {
    }

    /** Opens a session with the driver's own connections (reactor-netty); the session owns them. */
    public static Mono<ReactiveSession> connect(SessionBuilder builder) {
        return Mono.defer(() -> {
            ConnectionFactory factory = new ReactorNettyConnectionFactory();
            return connectCluster(builder, factory, true);
        });
    }

    /**
     * Opens a session whose connections come from {@code factory}.
     *
     * @param ownsFactory whether closing the session (or failing to open it) closes the factory
     */
    public static Mono<ReactiveSession> connect(SessionBuilder builder, ConnectionFactory factory, boolean ownsFactory) {
        return Mono.defer(() -> {
            List<InetSocketAddress> contactPoints = builder.contactPoints();
            if (contactPoints.isEmpty()) {
                return Mono.error(new IllegalStateException("no contact point: call addContactPoint first"));
            }
            Shared shared = new Shared(builder, factory);
            DriverConfig config = shared.config;
            Supplier<ConnectionConfig> connectionConfig = () -> shared.connectionConfig(List.of());
            Mono<ReactiveSession> session = openFirst(contactPoints, 0, shared.recording, connectionConfig,
                    config.connectionsPerNode(), new LinkedHashMap<>())
                    .map(pool -> {
                        CqlTransport first = pool.borrow();
                        if (first == null) {
                            throw new IllegalStateException("the pool to " + pool.endpoint()
                                    + " lost its connection while opening");
                        }
                        SessionContext ctx = new SessionContext(config, shared.registry, shared.instrumentation.tracker(),
                                first.protocolVersion(), shared.keyspace, new SingleNodePlanner(pool),
                                newKeyspace -> DefaultSession.useKeyspace(List.of(pool), newKeyspace),
                                builder.requestPolicies());
                        ClusterRuntime single = ClusterRuntime.single(pool);
                        return new DefaultSession(ctx, single, ownsFactory ? factory : null)
                                .onClose(shared.instrumentation.bind(single, ctx));
                    });
            return ownsFactory ? session.onErrorResume(e -> factory.close().onErrorResume(x -> Mono.empty())
                    .then(Mono.error(e))) : session;
        });
    }

    /**
     * Opens a cluster session whose connections come from {@code factory}: resolves the contact
     * points (off the event loops), opens the control connection, discovers the nodes, opens their
     * pools, and routes requests with the builder's load-balancing policy.
     *
     * @param ownsFactory whether closing the session (or failing to open it) closes the factory
     */
    public static Mono<ReactiveSession> connectCluster(SessionBuilder builder, ConnectionFactory factory,
                                                       boolean ownsFactory) {
        return Mono.defer(() -> {
            if (builder.contactPoints().isEmpty()) {
                return Mono.error(new IllegalStateException("no contact point: call addContactPoint first"));
            }
            Shared shared = new Shared(builder, factory);
            DriverConfig config = shared.config;
            DefaultClusterRuntime cluster = new DefaultClusterRuntime(shared.recording, shared::connectionConfig,
                    builder.loadBalancingPolicy(), builder.reconnectionPolicy(), builder.addressTranslator(),
                    builder.replicaLocator(), builder.localDatacenter(), config.connectionsPerNode(),
                    config.remoteConnectionsPerNode());
            Mono<ReactiveSession> session = resolve(builder.contactPoints())
                    .flatMap(points -> cluster.init(points))
                    .then(Mono.fromCallable(() -> {
                        SessionContext ctx = new SessionContext(config, shared.registry, shared.instrumentation.tracker(),
                                shared.version.get(), shared.keyspace, cluster.planner(),
                                newKeyspace -> DefaultSession.useKeyspace(cluster.pools(), newKeyspace),
                                builder.requestPolicies());
                        ctx.nodes(cluster::nodes);
                        return new DefaultSession(ctx, cluster, ownsFactory ? factory : null)
                                .onClose(shared.instrumentation.bind(cluster, ctx));
                    }))
                    .flatMap(s -> attachExtensions(builder, shared, cluster, s));
            return ownsFactory ? session.onErrorResume(e -> factory.close().onErrorResume(x -> Mono.empty())
                    .then(Mono.error(e))) : session;
        });
    }

    /** Attaches the session's extensions; when one fails, closes the session and fails. */
    private static Mono<ReactiveSession> attachExtensions(SessionBuilder builder, Shared shared,
                                                          DefaultClusterRuntime cluster, DefaultSession session) {
        return cluster.controlChannel()
                .map(control -> Extensions.attach(builder, session,
                                new SessionControlChannel(control, shared.registry))
                        .doOnNext(session::extensions)
                        .thenReturn((ReactiveSession) session)
                        .onErrorResume(e -> session.close().onErrorResume(x -> Mono.empty()).then(Mono.error(e))))
                .orElseGet(() -> Mono.just(session));
    }

    /**
     * Every address of every contact point: literal addresses as given, host names resolved to all
     * their addresses (on the bounded-elastic scheduler: DNS blocks). A name that does not resolve
     * is skipped (logged) unless none resolves.
     */
    static Mono<List<InetSocketAddress>> resolve(List<InetSocketAddress> points) {
        return Flux.fromIterable(points)
                .concatMap(point -> isLiteral(point) ? Mono.just(List.of(point))
                        : Mono.fromCallable(() -> {
                            List<InetSocketAddress> all = new ArrayList<>();
                            for (InetAddress a : InetAddress.getAllByName(point.getHostString())) {
                                all.add(new InetSocketAddress(a, point.getPort()));
                            }
                            return all;
                        }).subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(UnknownHostException.class, e -> Mono.just(List.of())))
                .collect(LinkedHashSet<InetSocketAddress>::new, LinkedHashSet::addAll)
                .flatMap(all -> all.isEmpty()
                        ? Mono.error(new NoNodeAvailableException("no contact point resolves: " + points, Map.of()))
                        : Mono.just(List.copyOf(all)));
    }

    private static boolean isLiteral(InetSocketAddress point) {
        String host = point.getHostString();
        return host.indexOf(':') >= 0 || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static Mono<ConnectionPool> openFirst(List<InetSocketAddress> points, int i, ConnectionFactory factory,
                                                  Supplier<ConnectionConfig> config, int size,
                                                  Map<InetSocketAddress, Throwable> errors) {
        if (i == points.size()) {
            return Mono.error(new NoNodeAvailableException("could not connect to any contact point", errors));
        }
        InetSocketAddress point = points.get(i);
        return NodePool.open(point, factory, config, size)
                .<ConnectionPool>map(pool -> pool)
                .onErrorResume(e -> {
                    if (e instanceof AuthenticationException) {
                        return Mono.error(e); // the next node would refuse the same credentials
                    }
                    errors.put(point, e);
                    return openFirst(points, i + 1, factory, config, size, errors);
                });
    }

    /** What both connect paths set up the same way from the builder. */
    private static final class Shared {
        final SessionBuilder builder;
        final DriverConfig config;
        final CodecRegistry registry;
        /** The keyspace in its internal (case-sensitive) form, as USE and Set_keyspace results give it. */
        final AtomicReference<String> keyspace;
        /** Once a connection has negotiated a version, later ones ask for it directly. */
        final AtomicReference<ProtocolVersion> version;
        final ConnectionFactory recording;
        /** Metrics, observations, request logging and the user's tracker. */
        final SessionInstrumentation instrumentation;

        Shared(SessionBuilder builder, ConnectionFactory factory) {
            this.builder = builder;
            this.config = builder.config();
            this.registry = CodecRegistry.of(builder.codecs());
            this.keyspace = new AtomicReference<>(
                    builder.keyspace() == null ? null : CqlIdentifiers.fromCql(builder.keyspace()));
            this.version = new AtomicReference<>(builder.protocolVersion());
            this.instrumentation = SessionInstrumentation.create(builder, registry);
            ConnectionFactory instrumented = instrumentation.instrument(factory);
            this.recording = new ConnectionFactory() {
                @Override
                public Mono<CqlTransport> connect(InetSocketAddress endpoint, ConnectionConfig connectionConfig) {
                    return instrumented.connect(endpoint, connectionConfig)
                            .doOnNext(c -> version.compareAndSet(null, c.protocolVersion()));
                }

                @Override
                public Mono<Void> close() {
                    return factory.close();
                }
            };
        }

        /** A connection's settings; a connection registered for events (the control one) uses no keyspace. */
        ConnectionConfig connectionConfig(List<String> events) {
            return new ConnectionConfig(version.get(), builder.compression().protocolName(), builder.authProvider(),
                    builder.sslContext(), builder.hostnameVerification(), config.connectTimeout(),
                    config.heartbeatInterval(), config.maxRequestsPerConnection(), config.maxQueuedRequests(),
                    events.isEmpty() ? keyspace.get() : null, events, DRIVER_NAME, DRIVER_VERSION);
        }
    }
}
