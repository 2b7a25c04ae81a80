package io.reactivecql.mapper.internal;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.mapper.api.SchemaSource;
import io.reactivecql.schema.api.Metadata;
import io.reactivecql.schema.api.SchemaMetadataManager;
import io.reactivecql.schema.api.SessionMetadata;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The mapper's default {@link SchemaSource}: the session's own schema metadata
 * ({@link SessionMetadata}, kept current by the control connection's events), and, for a keyspace
 * that metadata does not hold (the session keeps only other keyspaces, or was opened without
 * discovery, or the keyspace is too new for its events), a {@link SessionSchemaSource} of the
 * mapper's own, created on first need.
 */
public final class DefaultSchemaSource implements SchemaSource {

    private final ReactiveSession session;
    /** The session's manager, or null when the session has none. */
    private final SchemaMetadataManager attached;
    private final AtomicReference<SessionSchemaSource> fallback = new AtomicReference<>();

    public DefaultSchemaSource(ReactiveSession session) {
        this.session = session;
        this.attached = session.extension(SessionMetadata.class).map(SessionMetadata::schema).orElse(null);
    }

    private SessionSchemaSource fallback() {
        SessionSchemaSource f = fallback.get();
        if (f == null) {
            fallback.compareAndSet(null, new SessionSchemaSource(session));
            f = fallback.get();
        }
        return f;
    }

    @Override
    public Mono<Metadata> metadata(String keyspace) {
        if (attached == null) {
            return fallback().metadata(keyspace);
        }
        return Mono.defer(() -> {
            // not loaded yet (the session's first load failed): load now rather than wait for an event
            Metadata current = attached.current();
            return current == Metadata.EMPTY ? attached.refresh() : Mono.just(current);
        }).flatMap(m -> m.keyspaces().containsKey(keyspace) ? Mono.just(m) : fallback().metadata(keyspace));
    }

    @Override
    public Mono<Metadata> refresh(String keyspace) {
        if (attached == null) {
            return fallback().refresh(keyspace);
        }
        // DDL results wait for schema agreement on their coordinator: a reload now sees the change
        return attached.refresh().flatMap(m -> m.keyspaces().containsKey(keyspace) ? Mono.just(m)
                : fallback().refresh(keyspace));
    }

    @Override
    public Mono<Void> close() {
        SessionSchemaSource f = fallback.get();
        return f == null ? Mono.empty() : f.close();
    }

    /** Whether this source reads the session's attached metadata (for tests). */
    boolean usesSessionMetadata() {
        return attached != null;
    }
}
