package io.reactivecql.schema.api;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.result.Row;
import io.reactivecql.protocol.response.event.Event;
import io.reactivecql.schema.internal.DefaultSchemaMetadataManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.function.Function;

/**
 * Keeps the schema {@link Metadata} of a cluster up to date. Built from a way to run CQL (a
 * {@code Function<String, Flux<Row>>}, usually the control connection, or a session) and the
 * events the cluster pushes. SCHEMA_CHANGE events are debounced
 * ({@link SchemaConfig#debounceWindow()}, {@link SchemaConfig#maxEventsPerWindow()}), coalesced
 * into targeted refreshes (one table, one keyspace, or everything), and each refresh computes a new
 * snapshot from the old one and the rows read, swaps it in atomically and publishes the
 * {@link SchemaChange}s. A failing refresh keeps the old snapshot and retries with backoff.
 * Refreshes run one at a time, in order. Other events (topology, status) pass through to
 * {@link #otherEvents()}. Nothing blocks.
 */
public interface SchemaMetadataManager {

    /**
     * A manager; nothing is queried before {@link #start()}.
     *
     * @param query  runs a CQL string (no bind values) and emits its rows
     * @param events the cluster's pushed events (SCHEMA_CHANGE and others); may be {@code Flux.never()}
     * @param config settings
     */
    static SchemaMetadataManager create(Function<String, Flux<Row>> query, Flux<? extends Event> events,
                                        SchemaConfig config) {
        return new DefaultSchemaMetadataManager(query, events, config);
    }

    /** A manager that reads the schema through {@code session}. */
    static SchemaMetadataManager create(ReactiveSession session, Flux<? extends Event> events, SchemaConfig config) {
        return create(cql -> session.execute(cql), events, config);
    }

    /**
     * Loads the whole schema, then follows the events; emits the first snapshot. Subscribing again
     * (or after {@link #close()}) does nothing more than emit the current snapshot.
     */
    Mono<Metadata> start();

    /** The current snapshot, once the first load is done (it waits for it, without blocking). */
    Mono<Metadata> metadata();

    /** The current snapshot, or {@link Metadata#EMPTY} before the first load. */
    Metadata current();

    /** Reloads everything now (queued behind the refreshes in progress); emits the new snapshot. */
    Mono<Metadata> refresh();

    /**
     * The changes of every refresh from now on, in order (hot; a subscriber that is not keeping up
     * misses changes rather than slowing refreshes down).
     */
    Flux<SchemaChange> changes();

    /** Events other than SCHEMA_CHANGE (topology, status), passed through (hot). */
    Flux<Event> otherEvents();

    /**
     * Waits until {@code system.local} and {@code system.peers} report one schema version, checking
     * every {@link SchemaConfig#agreementInterval()} for at most {@link SchemaConfig#agreementTimeout()}.
     * Emits true when agreement was reached, false on timeout; errors of a check are retried until
     * the timeout.
     *
     * <p>Both tables are read from the node the query function reaches. Run it through the node that
     * coordinated the DDL (or the control connection once DDL is routed there): another node may not
     * have the new version yet, and its {@code system.peers} may still show the coordinator's old one,
     * which would look like agreement on the old version.
     */
    Mono<Boolean> awaitSchemaAgreement();

    /** Stops following events; later refreshes fail. Idempotent. */
    Mono<Void> close();
}
