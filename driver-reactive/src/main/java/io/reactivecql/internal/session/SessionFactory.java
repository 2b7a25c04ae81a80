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
import io.reactivecql.internal.pool.ConnectionPool;
import io.reactivecql.internal.pool.NodePool;
import io.reactivecql.internal.request.SessionContext;
import io.reactivecql.internal.request.SingleNodePlanner;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.types.CqlIdentifiers;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Opens sessions: tries the contact points in order until one accepts a pool of connections, then
 * builds the session around that pool. Public only so that the API's {@code SessionBuilder} and
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
            return connect(builder, factory, true);
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
            DriverConfig config = builder.config();
            CodecRegistry registry = CodecRegistry.of(builder.codecs());
            // the keyspace in its internal (case-sensitive) form, as USE and Set_keyspace results give it
            AtomicReference<String> keyspace = new AtomicReference<>(
                    builder.keyspace() == null ? null : CqlIdentifiers.fromCql(builder.keyspace()));
            // once a connection has negotiated a version, later ones ask for it directly
            AtomicReference<ProtocolVersion> version = new AtomicReference<>(builder.protocolVersion());
            ConnectionFactory recording = new ConnectionFactory() {
                @Override
                public Mono<CqlTransport> connect(InetSocketAddress endpoint, ConnectionConfig config) {
                    return factory.connect(endpoint, config)
                            .doOnNext(c -> version.compareAndSet(null, c.protocolVersion()));
                }

                @Override
                public Mono<Void> close() {
                    return factory.close();
                }
            };
            Supplier<ConnectionConfig> connectionConfig = () -> new ConnectionConfig(version.get(),
                    builder.compression().protocolName(), builder.authProvider(), builder.sslContext(),
                    builder.hostnameVerification(), config.connectTimeout(), config.heartbeatInterval(),
                    config.maxRequestsPerConnection(), config.maxQueuedRequests(), keyspace.get(), List.of(),
                    DRIVER_NAME, DRIVER_VERSION);
            Mono<ReactiveSession> session = openFirst(contactPoints, 0, recording, connectionConfig,
                    config.connectionsPerNode(), new LinkedHashMap<>())
                    .map(pool -> {
                        CqlTransport first = pool.borrow();
                        if (first == null) {
                            throw new IllegalStateException("the pool to " + pool.endpoint()
                                    + " lost its connection while opening");
                        }
                        SessionContext ctx = new SessionContext(config, registry, builder.requestTracker(),
                                first.protocolVersion(), keyspace, new SingleNodePlanner(pool),
                                newKeyspace -> DefaultSession.useKeyspace(pool, newKeyspace));
                        return new DefaultSession(ctx, pool, ownsFactory ? factory : null);
                    });
            return ownsFactory ? session.onErrorResume(e -> factory.close().onErrorResume(x -> Mono.empty())
                    .then(Mono.error(e))) : session;
        });
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
}
