package io.reactivecql.mapper.internal;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.mapper.api.SchemaSource;
import io.reactivecql.schema.api.Metadata;
import io.reactivecql.schema.api.SchemaConfig;
import io.reactivecql.schema.api.SchemaMetadataManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link SchemaSource} with a {@link SchemaMetadataManager} of its own that reads
 * {@code system_schema} through the session, limited to the keyspaces asked for so far. Asking for
 * a new keyspace swaps in a manager that includes it (and closes the old one). It follows no
 * events ({@code Flux.never()}): the mapper refreshes it after its own DDL. The fallback of
 * {@link DefaultSchemaSource} for keyspaces the session's own metadata does not hold.
 */
public final class SessionSchemaSource implements SchemaSource {

    /** A manager of {@code keyspaces}; {@code firstLoad} completes (cached) once it has loaded them. */
    private record State(Set<String> keyspaces, SchemaMetadataManager manager, Mono<Metadata> firstLoad) {
    }

    private final ReactiveSession session;
    private final AtomicReference<State> state = new AtomicReference<>();
    private volatile boolean closed;

    public SessionSchemaSource(ReactiveSession session) {
        this.session = session;
    }

    /** The state whose manager covers {@code keyspace}, creating (and starting) one when needed. */
    private State covering(String keyspace) {
        while (true) {
            State current = state.get();
            if (current != null && current.keyspaces.contains(keyspace)) {
                return current;
            }
            Set<String> keyspaces = new HashSet<>(current == null ? Set.of() : current.keyspaces);
            keyspaces.add(keyspace);
            SchemaMetadataManager manager = SchemaMetadataManager.create(session, Flux.never(),
                    SchemaConfig.defaults().withKeyspaces(keyspaces.toArray(new String[0])));
            AtomicReference<State> self = new AtomicReference<>();
            // a failed first load must not stick: the next call starts over with a new manager
            Mono<Metadata> firstLoad = manager.start()
                    .doOnError(e -> {
                        if (state.compareAndSet(self.get(), null)) {
                            manager.close().subscribe(null, x -> { });
                        }
                    })
                    .cache();
            State next = new State(Set.copyOf(keyspaces), manager, firstLoad);
            self.set(next);
            if (state.compareAndSet(current, next)) {
                if (current != null) {
                    // the old manager is no longer handed out; close it once the new one has loaded
                    next.firstLoad.onErrorResume(e -> Mono.empty())
                            .then(current.manager.close())
                            .subscribe(null, e -> { });
                }
                return next;
            }
        }
    }

    @Override
    public Mono<Metadata> metadata(String keyspace) {
        return Mono.defer(() -> {
            if (closed) {
                return Mono.error(new IllegalStateException("the mapper's schema source is closed"));
            }
            State s = covering(keyspace);
            // after the first load, always the newest snapshot (refreshes replace it)
            return s.firstLoad.then(Mono.fromSupplier(s.manager::current));
        });
    }

    @Override
    public Mono<Metadata> refresh(String keyspace) {
        return Mono.defer(() -> {
            if (closed) {
                return Mono.error(new IllegalStateException("the mapper's schema source is closed"));
            }
            State before = state.get();
            State s = covering(keyspace);
            if (s != before) {
                // a new manager: its first load (not yet subscribed) is the refresh
                return s.manager.awaitSchemaAgreement().then(s.firstLoad);
            }
            return s.firstLoad.then(s.manager.awaitSchemaAgreement()).then(s.manager.refresh());
        });
    }

    @Override
    public Mono<Void> close() {
        return Mono.defer(() -> {
            closed = true;
            State s = state.getAndSet(null);
            return s == null ? Mono.empty() : s.manager.close();
        });
    }
}
