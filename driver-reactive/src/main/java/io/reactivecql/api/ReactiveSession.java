package io.reactivecql.api;

import io.reactivecql.api.codec.CodecRegistry;
import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.metadata.NodeStateEvent;
import io.reactivecql.api.metadata.PoolStatistics;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.result.StatementResult;
import io.reactivecql.api.statement.PreparedStatement;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.protocol.ProtocolVersion;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A session with a Cassandra cluster: executes statements and returns their rows as a
 * {@link Flux} whose pages are fetched as the subscriber asks for rows. Thread-safe; open one per
 * application and share it. Create one with {@link #builder()}.
 *
 * <p>Every method is non-blocking and cold: nothing is sent before subscription, and each
 * subscription executes again. Rows and pages are emitted on driver threads: do not block in
 * subscribers (use {@code publishOn} for slow work).
 *
 * <pre>{@code
 * ReactiveSession.builder()
 *     .addContactPoint(new InetSocketAddress("127.0.0.1", 9042))
 *     .withLocalDatacenter("datacenter1")
 *     .connect()
 *     .flatMapMany(session -> session.execute("SELECT name FROM ks.users WHERE id = ?", id))
 *     .map(row -> row.getString("name"))
 *     ...
 * }</pre>
 */
public interface ReactiveSession {

    /** A builder with no contact point and the {@link DriverConfig#defaults() default} settings. */
    static SessionBuilder builder() {
        return SessionBuilder.create();
    }

    /** Executes a CQL string with positional values (types inferred from the Java classes). */
    Flux<Row> execute(String cql, Object... positionalValues);

    /** Executes a CQL string with named values ({@code :name} markers). */
    Flux<Row> execute(String cql, Map<String, Object> namedValues);

    /**
     * Executes a statement and emits all its rows, page after page. The next page is requested only
     * when the subscriber's demand goes past the rows received (plus
     * {@link DriverConfig#readAheadPages()}); cancelling stops fetching. A statement that returns no
     * rows completes empty.
     */
    Flux<Row> execute(Statement<?> statement);

    /** Executes a statement and emits its first page; {@link ResultPage#next()} fetches the following ones. */
    Mono<ResultPage> executePage(Statement<?> statement);

    /**
     * Prepares a statement, or returns the prepared statement cached for this query and keyspace.
     * Concurrent calls for the same query share one PREPARE.
     */
    Mono<PreparedStatement> prepare(String cql);

    /** Prepares a statement with the options (keyspace among them) of {@code statement}. */
    Mono<PreparedStatement> prepare(SimpleStatement statement);

    /**
     * Executes statements with at most {@code concurrency} in flight, and emits their first pages in
     * the order of the statements (like the Python driver's {@code execute_concurrent}). The first
     * error cancels the statements in flight and fails the {@code Flux}; see
     * {@link #executeAllSettled} to go on past errors.
     */
    Flux<ResultPage> executeAll(Publisher<? extends Statement<?>> statements, int concurrency);

    /**
     * Like {@link #executeAll}, but a failed statement does not stop the others: each statement
     * gives one {@link StatementResult}, its first page or its error, in the order of the
     * statements. The {@code Flux} fails only when {@code statements} itself fails.
     */
    Flux<StatementResult> executeAllSettled(Publisher<? extends Statement<?>> statements, int concurrency);

    /** The keyspace statements run in by default (set by the builder or a {@code USE}), if any. */
    Optional<String> keyspace();

    /** The protocol version the connections speak. */
    ProtocolVersion protocolVersion();

    /** The session's codecs. */
    CodecRegistry codecRegistry();

    /** The session's settings. */
    DriverConfig config();

    /**
     * The nodes of the cluster as the session knows them now: an immutable snapshot, with each
     * node's datacenter, rack, version and state. Empty for a session opened without discovery.
     */
    default List<Node> nodes() {
        return List.of();
    }

    /**
     * Hot: the changes of the cluster from subscription on (nodes added, removed, DOWN when their
     * connections failed, UP when they are reconnected). Completes when the session closes. Events
     * are emitted on driver threads: do not block in {@code onNext}; a subscriber that cannot keep
     * up misses events (check {@link #nodes()}).
     */
    default Flux<NodeStateEvent> nodeEvents() {
        return Flux.empty();
    }

    /**
     * The extension attached to this session that is a {@code type} (see
     * {@link io.reactivecql.api.extension.SessionExtensionProvider}), e.g. driver-schema's schema
     * metadata; empty when none is (sessions opened without discovery attach none).
     */
    default <T> Optional<T> extension(Class<T> type) {
        return Optional.empty();
    }

    /**
     * A snapshot of the session's connection pools, one entry per node with a pool: connections
     * open, requests in flight and queued, orphaned stream ids and the late answers dropped (see
     * {@link PoolStatistics}).
     */
    default List<PoolStatistics> poolStatistics() {
        return List.of();
    }

    /** Whether {@link #close()} was called. */
    boolean isClosed();

    /**
     * Closes every connection; requests in flight fail, and later ones fail with
     * {@link io.reactivecql.api.errors.SessionClosedException}. Idempotent.
     */
    Mono<Void> close();
}
