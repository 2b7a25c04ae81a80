package io.reactivecql.internal.session;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.codec.CodecRegistry;
import io.reactivecql.api.extension.SessionExtension;
import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.metadata.NodeStateEvent;
import io.reactivecql.api.metadata.PoolStatistics;
import io.reactivecql.api.errors.SessionClosedException;
import io.reactivecql.api.errors.UnsupportedFeatureException;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.result.StatementResult;
import io.reactivecql.api.statement.PreparedStatement;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.api.statement.StatementOptions;
import io.reactivecql.internal.connection.ConnectionFactory;
import io.reactivecql.internal.control.ClusterRuntime;
import io.reactivecql.internal.connection.CqlTransport;
import io.reactivecql.internal.pool.ConnectionPool;
import io.reactivecql.internal.request.RequestHandler;
import io.reactivecql.internal.request.RowPublisher;
import io.reactivecql.internal.request.SessionContext;
import io.reactivecql.internal.request.StatementExecution;
import io.reactivecql.internal.statement.DefaultPreparedStatement;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.Prepare;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.types.CqlIdentifiers;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** The session: statements in, rows out, through one {@link RequestHandler} and the pools. */
final class DefaultSession implements ReactiveSession, ClusterRuntime.Holder {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultSession.class);

    private final SessionContext ctx;
    private final RequestHandler handler;
    private final ClusterRuntime cluster;
    private final ConnectionFactory ownedFactory;
    private final PreparedCache preparedCache = new PreparedCache();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Sinks.Empty<Void> closedSink = Sinks.empty();
    private volatile List<SessionExtension> extensions = List.of();
    private final Disposable upEvents;
    /** PREPAREs in flight at once when a node comes back up. */
    private static final int REPREPARE_CONCURRENCY = 8;
    /** Runs when the session closes (removes its meters). */
    private volatile Disposable onClose = () -> { };

    /**
     * @param ownedFactory the factory to close with the session (null when the caller owns it)
     */
    DefaultSession(SessionContext ctx, ClusterRuntime cluster, ConnectionFactory ownedFactory) {
        this.ctx = ctx;
        this.handler = new RequestHandler(ctx);
        this.cluster = cluster;
        this.ownedFactory = ownedFactory;
        this.upEvents = cluster.events()
                .filter(e -> e.type() == NodeStateEvent.Type.UP)
                .subscribe(e -> reprepareOn(e.node().endpoint()), e -> { });
    }

    /**
     * Prepares the statement on the nodes other than the one that answered, without waiting: the
     * first execution on each node then needs no UNPREPARED round trip (which remains the fallback).
     */
    private void prepareOnOtherNodes(DefaultPreparedStatement prepared, InetSocketAddress answered) {
        for (ConnectionPool pool : cluster.pools()) {
            if (!pool.endpoint().equals(answered)) {
                handler.prepareOn(pool, SimpleStatement.of(prepared.query()),
                                new Prepare(prepared.query(), prepared.keyspace()))
                        .subscribe(null, e -> LOG.debug("preparing {} on {} failed: {}", prepared.query(),
                                pool.endpoint(), e.toString()));
            }
        }
    }

    /** A node came back up: it may have lost its prepared statements (a restart), so prepare them again. */
    private void reprepareOn(InetSocketAddress endpoint) {
        ConnectionPool pool = null;
        for (ConnectionPool p : cluster.pools()) {
            if (p.endpoint().equals(endpoint)) {
                pool = p;
            }
        }
        List<PreparedStatement> statements = preparedCache.prepared();
        if (pool == null || statements.isEmpty() || closed.get()) {
            return;
        }
        ConnectionPool target = pool;
        LOG.debug("preparing {} statements again on {}", statements.size(), endpoint);
        Flux.fromIterable(statements)
                .ofType(DefaultPreparedStatement.class)
                .flatMap(p -> handler.prepareOn(target, SimpleStatement.of(p.query()), new Prepare(p.query(),
                        p.keyspace())).onErrorResume(e -> {
                            LOG.debug("preparing {} again on {} failed: {}", p.query(), endpoint, e.toString());
                            return Mono.empty();
                        }), REPREPARE_CONCURRENCY)
                .subscribe();
    }

    /** Runs {@code task} when the session closes; returns this session. */
    DefaultSession onClose(Disposable task) {
        this.onClose = task;
        return this;
    }

    /** Switches every connection of the pools to {@code keyspace} after a {@code USE} on one of them. */
    static void useKeyspace(Collection<ConnectionPool> pools, String keyspace) {
        Query use = new Query("USE " + CqlIdentifiers.quoteIfNeeded(keyspace));
        for (ConnectionPool pool : pools) {
            for (CqlTransport connection : pool.connections()) {
                if (!connection.isClosed()) {
                    connection.send(use).subscribe(null, e -> LOG.warn("could not switch {} to keyspace {}: {}",
                            connection.endpoint(), keyspace, e.toString()));
                }
            }
        }
    }

    /** The extensions attached at connect. */
    void extensions(List<SessionExtension> attached) {
        this.extensions = List.copyOf(attached);
    }

    @Override
    public <T> Optional<T> extension(Class<T> type) {
        for (SessionExtension e : extensions) {
            if (type.isInstance(e)) {
                return Optional.of(type.cast(e));
            }
        }
        return Optional.empty();
    }

    /** The context the session's requests share (a configuration reload replaces its settings). */
    SessionContext context() {
        return ctx;
    }

    /** Completes when the session has closed. */
    Mono<Void> whenClosed() {
        return closedSink.asMono();
    }

    @Override
    public ClusterRuntime cluster() {
        return cluster;
    }

    @Override
    public List<Node> nodes() {
        return cluster.nodes();
    }

    @Override
    public Flux<NodeStateEvent> nodeEvents() {
        return cluster.events();
    }

    @Override
    public List<PoolStatistics> poolStatistics() {
        List<PoolStatistics> all = new ArrayList<>();
        for (ConnectionPool pool : cluster.pools()) {
            all.add(pool.statistics());
        }
        return List.copyOf(all);
    }

    @Override
    public Flux<Row> execute(String cql, Object... positionalValues) {
        return execute(SimpleStatement.of(cql, positionalValues));
    }

    @Override
    public Flux<Row> execute(String cql, Map<String, Object> namedValues) {
        return execute(SimpleStatement.of(cql, namedValues));
    }

    @Override
    public Flux<Row> execute(Statement<?> statement) {
        int pageSize = ctx.pageSize(statement);
        return new RowPublisher(() -> {
            checkOpen();
            return new StatementExecution(handler, statement);
        }, ctx.config().readAheadPages(), pageSize);
    }

    @Override
    public Mono<ResultPage> executePage(Statement<?> statement) {
        return Mono.defer(() -> {
            checkOpen();
            return new StatementExecution(handler, statement).firstPage();
        });
    }

    @Override
    public Mono<PreparedStatement> prepare(String cql) {
        return prepare(SimpleStatement.of(cql));
    }

    @Override
    public Mono<PreparedStatement> prepare(SimpleStatement statement) {
        return Mono.defer(() -> {
            checkOpen();
            String keyspace = statement.keyspace();
            if (keyspace != null && ctx.version() == ProtocolVersion.V4) {
                throw new UnsupportedFeatureException(ctx.version(), "preparing in a per-statement keyspace ("
                        + keyspace + ")");
            }
            String cacheKeyspace = keyspace != null ? keyspace : ctx.keyspace();
            return preparedCache.get(statement.query(), cacheKeyspace,
                    () -> handler.prepare(statement, new Prepare(statement.query(), keyspace))
                            .map(answer -> {
                                DefaultPreparedStatement prepared = new DefaultPreparedStatement(statement.query(),
                                        keyspace, answer.result(), ctx.registry(), StatementOptions.DEFAULT);
                                prepareOnOtherNodes(prepared, answer.node());
                                return prepared;
                            }));
        });
    }

    @Override
    public Flux<ResultPage> executeAll(Publisher<? extends Statement<?>> statements, int concurrency) {
        checkConcurrency(concurrency);
        return Flux.<Statement<?>>from(statements).flatMapSequential(this::executePage, concurrency, 1);
    }

    @Override
    public Flux<StatementResult> executeAllSettled(Publisher<? extends Statement<?>> statements, int concurrency) {
        checkConcurrency(concurrency);
        return Flux.<Statement<?>>from(statements)
                .index()
                .flatMapSequential(indexed -> {
                    long index = indexed.getT1();
                    Statement<?> statement = indexed.getT2();
                    return executePage(statement)
                            .map(page -> new StatementResult(index, statement, page, null))
                            .onErrorResume(e -> Mono.just(new StatementResult(index, statement, null, e)));
                }, concurrency, 1);
    }

    private static void checkConcurrency(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be positive, was " + concurrency);
        }
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new SessionClosedException();
        }
    }

    @Override
    public Optional<String> keyspace() {
        return Optional.ofNullable(ctx.keyspace());
    }

    @Override
    public ProtocolVersion protocolVersion() {
        return ctx.version();
    }

    @Override
    public CodecRegistry codecRegistry() {
        return ctx.registry();
    }

    @Override
    public DriverConfig config() {
        return ctx.config();
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public Mono<Void> close() {
        return Mono.defer(() -> {
            if (closed.compareAndSet(false, true)) {
                upEvents.dispose();
                preparedCache.clear();
                onClose.dispose();
                Mono<Void> factoryClose = ownedFactory == null ? Mono.empty() : ownedFactory.close();
                Flux.fromIterable(extensions)
                        .concatMap(e -> e.close().onErrorResume(x -> {
                            LOG.warn("closing the session extension {} failed: {}", e, x.toString());
                            return Mono.empty();
                        }))
                        .then(Mono.defer(cluster::close))
                        .onErrorResume(e -> {
                            LOG.warn("closing the connections failed: {}", e.toString());
                            return Mono.empty();
                        })
                        .then(factoryClose)
                        .subscribe(null, closedSink::tryEmitError, closedSink::tryEmitEmpty);
            }
            return closedSink.asMono();
        });
    }

    @Override
    public String toString() {
        return "ReactiveSession[" + cluster + ", " + ctx.version() + (closed.get() ? ", closed" : "") + "]";
    }
}
