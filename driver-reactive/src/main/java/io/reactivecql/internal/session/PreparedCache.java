package io.reactivecql.internal.session;

import io.reactivecql.api.statement.PreparedStatement;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Prepared statements per (query, keyspace). The first caller of a key starts the PREPARE; every
 * caller, concurrent or later, gets the same result. The PREPARE runs to completion even when its
 * callers cancel (its result is worth keeping); a failure is not cached, so the next call tries
 * again. Lock-free but for the map's own bin locks, held only to insert an entry.
 */
final class PreparedCache {

    private record Key(String query, String keyspace) {
    }

    private static final class Entry {
        final Sinks.One<PreparedStatement> sink = Sinks.one();
        final AtomicBoolean started = new AtomicBoolean();
        volatile PreparedStatement value;
    }

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

    /** The prepared statement of {@code query} in {@code keyspace}, preparing it with {@code prepare} if needed. */
    Mono<PreparedStatement> get(String query, String keyspace, Supplier<Mono<PreparedStatement>> prepare) {
        Objects.requireNonNull(query, "query");
        return Mono.defer(() -> {
            Key key = new Key(query, keyspace);
            Entry entry = entries.computeIfAbsent(key, k -> new Entry());
            if (entry.started.compareAndSet(false, true)) {
                Mono<PreparedStatement> source;
                try {
                    source = prepare.get();
                } catch (RuntimeException e) {
                    source = Mono.error(e);
                }
                source.switchIfEmpty(Mono.error(() -> new IllegalStateException("PREPARE of " + query
                                + " completed without a result")))
                        .subscribe(
                                prepared -> {
                                    entry.value = prepared;
                                    entry.sink.tryEmitValue(prepared);
                                },
                                error -> {
                                    entries.remove(key, entry);
                                    entry.sink.tryEmitError(error);
                                });
            }
            return entry.sink.asMono();
        });
    }

    /** The statements prepared so far (not those still preparing). */
    List<PreparedStatement> prepared() {
        List<PreparedStatement> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            PreparedStatement p = e.value;
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** The number of cached (or preparing) statements. */
    int size() {
        return entries.size();
    }

    void clear() {
        entries.clear();
    }
}
