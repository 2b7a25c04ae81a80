package io.reactivecql.schema.internal;

import io.reactivecql.api.result.Row;
import io.reactivecql.protocol.response.event.Event;
import io.reactivecql.protocol.response.event.SchemaChangeEvent;
import io.reactivecql.schema.api.Metadata;
import io.reactivecql.schema.api.SchemaChange;
import io.reactivecql.schema.api.SchemaConfig;
import io.reactivecql.schema.api.SchemaMetadataManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The {@link SchemaMetadataManager}: refresh requests (the first load, {@link #refresh()}, and
 * batches of debounced SCHEMA_CHANGE events) go through one queue and run one at a time
 * ({@code concatMap}), so snapshots are swapped in order. Public only as the API's factory.
 */
public final class DefaultSchemaMetadataManager implements SchemaMetadataManager {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultSchemaMetadataManager.class);
    private static final Sinks.EmitFailureHandler RETRY_CONCURRENT =
            Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1));

    private final SchemaQueries queries;
    private final Flux<? extends Event> events;
    private final SchemaConfig config;
    private final AtomicReference<Metadata> snapshot = new AtomicReference<>();
    private final Sinks.One<Metadata> firstLoad = Sinks.one();
    private final Sinks.Many<Request> requests = Sinks.many().unicast().onBackpressureBuffer();
    private final Sinks.Many<SchemaChange> changes = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<Event> others = Sinks.many().multicast().directBestEffort();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<Disposable> running = new AtomicReference<>();

    /** A refresh to run, and who waits for its snapshot (or null). */
    private record Request(List<RefreshTarget> targets, Sinks.One<Metadata> reply) {
    }

    public DefaultSchemaMetadataManager(Function<String, Flux<Row>> query, Flux<? extends Event> events,
                                        SchemaConfig config) {
        this(SchemaQueries.ofRows(Objects.requireNonNull(query, "query")), events, config);
    }

    DefaultSchemaMetadataManager(SchemaQueries queries, Flux<? extends Event> events, SchemaConfig config) {
        this.queries = queries;
        this.events = Objects.requireNonNull(events, "events");
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public Mono<Metadata> start() {
        return Mono.defer(() -> {
            if (!started.compareAndSet(false, true) || closed.get()) {
                return metadata();
            }
            Flux<? extends Event> shared = events.publish().autoConnect(2);
            Flux<Request> fromEvents = shared.ofType(SchemaChangeEvent.class)
                    .filter(e -> config.includes(e.change().keyspace()))
                    .bufferTimeout(config.maxEventsPerWindow(), config.debounceWindow(), true)
                    .map(batch -> new Request(RefreshCoalescer.coalesce(batch, config::includes), null))
                    .filter(r -> !r.targets().isEmpty())
                    .onErrorResume(e -> {
                        // the event source failed (control connection lost): explicit refreshes go on
                        LOG.warn("schema event source failed; schema changes are no longer followed", e);
                        return Flux.empty();
                    });
            Disposable passThrough = shared.filter(e -> !(e instanceof SchemaChangeEvent))
                    .subscribe(e -> others.tryEmitNext(e), e -> others.tryEmitError(e), others::tryEmitComplete);
            Disposable refreshes = Flux.merge(requests.asFlux(), fromEvents)
                    .concatMap(this::run)
                    .subscribe(m -> { }, e -> LOG.error("schema refresh pipeline stopped", e));
            running.set(() -> {
                passThrough.dispose();
                refreshes.dispose();
            });
            if (!config.enabled()) {
                snapshot.set(Metadata.EMPTY);
                firstLoad.tryEmitValue(Metadata.EMPTY);
                return Mono.just(Metadata.EMPTY);
            }
            return refresh();
        });
    }

    @Override
    public Mono<Metadata> metadata() {
        return Mono.defer(() -> {
            Metadata current = snapshot.get();
            return current != null ? Mono.just(current) : firstLoad.asMono();
        });
    }

    @Override
    public Metadata current() {
        Metadata current = snapshot.get();
        return current != null ? current : Metadata.EMPTY;
    }

    @Override
    public Mono<Metadata> refresh() {
        return Mono.defer(() -> {
            if (closed.get()) {
                return Mono.error(new IllegalStateException("schema metadata manager closed"));
            }
            if (!config.enabled()) {
                return Mono.just(Metadata.EMPTY);
            }
            Sinks.One<Metadata> reply = Sinks.one();
            requests.emitNext(new Request(List.of(new RefreshTarget.Full()), reply), RETRY_CONCURRENT);
            return reply.asMono();
        });
    }

    @Override
    public Flux<SchemaChange> changes() {
        return changes.asFlux();
    }

    @Override
    public Flux<Event> otherEvents() {
        return others.asFlux();
    }

    @Override
    public Mono<Boolean> awaitSchemaAgreement() {
        return SchemaAgreement.await(queries, config.agreementTimeout(), config.agreementInterval());
    }

    @Override
    public Mono<Void> close() {
        return Mono.fromRunnable(() -> {
            if (closed.compareAndSet(false, true)) {
                Disposable d = running.getAndSet(null);
                if (d != null) {
                    d.dispose();
                }
                requests.tryEmitComplete();
                changes.tryEmitComplete();
                others.tryEmitComplete();
                firstLoad.tryEmitError(new IllegalStateException("schema metadata manager closed"));
            }
        });
    }

    /** Runs one request: fetch, apply, swap, publish; retried with backoff; a failure keeps the old snapshot. */
    private Mono<Metadata> run(Request request) {
        return Mono.defer(() -> refreshOnce(request.targets()))
                .retryWhen(Retry.backoff(config.retryAttempts(), config.retryBackoff())
                        .filter(e -> !closed.get())
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .doOnNext(updated -> {
                    if (request.reply() != null) {
                        request.reply().tryEmitValue(updated);
                    }
                })
                .onErrorResume(e -> {
                    LOG.warn("schema refresh of {} failed; keeping the previous snapshot", request.targets(), e);
                    if (request.reply() != null) {
                        request.reply().tryEmitError(e);
                    }
                    return Mono.empty();
                });
    }

    private Mono<Metadata> refreshOnce(List<RefreshTarget> requested) {
        Metadata old = current();
        List<RefreshTarget> targets = new ArrayList<>();
        for (RefreshTarget t : requested) {
            // a table of a keyspace we do not know yet: read the whole keyspace
            targets.add(t instanceof RefreshTarget.Table table && !old.keyspaces().containsKey(table.keyspace())
                    ? new RefreshTarget.Keyspace(table.keyspace()) : t);
        }
        return Flux.fromIterable(targets)
                .concatMap(t -> queries.fetch(t).map(rows -> new Fetched(t, rows)))
                .collectList()
                .publishOn(Schedulers.parallel())
                .map(fetched -> {
                    Metadata updated = old;
                    for (Fetched f : fetched) {
                        updated = SchemaRefresh.apply(updated, f.target(), f.rows(), config::includes);
                    }
                    List<SchemaChange> diff = SchemaDiff.diff(old, updated);
                    snapshot.set(updated);
                    firstLoad.tryEmitValue(updated);
                    diff.forEach(changes::tryEmitNext);
                    return updated;
                });
    }

    private record Fetched(RefreshTarget target, SchemaRows rows) {
    }
}
