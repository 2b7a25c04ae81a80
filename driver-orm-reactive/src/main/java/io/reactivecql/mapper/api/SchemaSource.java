package io.reactivecql.mapper.api;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.mapper.internal.ManagerSchemaSource;
import io.reactivecql.mapper.internal.SessionSchemaSource;
import io.reactivecql.schema.api.Metadata;
import io.reactivecql.schema.api.SchemaMetadataManager;
import reactor.core.publisher.Mono;

/**
 * Where the mapper reads schema metadata: to validate entities and derived queries when a
 * repository is created, and to compare with entities in {@link SchemaManager#syncTable}. The
 * mapper calls {@link #refresh} after each DDL statement it runs.
 */
public interface SchemaSource {

    /**
     * The default source of a mapper: its own {@link SchemaMetadataManager} reading
     * {@code system_schema} through {@code session}, limited to the keyspaces the mapper uses, and
     * closed with the mapper. (The one place to switch to the session's own schema metadata.)
     */
    static SchemaSource forSession(ReactiveSession session) {
        return new SessionSchemaSource(session);
    }

    /**
     * A source over a running manager that someone else owns (started and closed by its owner;
     * {@link #close()} leaves it alone).
     */
    static SchemaSource of(SchemaMetadataManager manager) {
        return new ManagerSchemaSource(manager);
    }

    /** A snapshot that holds keyspace {@code keyspace} (internal name) when it exists. */
    Mono<Metadata> metadata(String keyspace);

    /**
     * Reloads after DDL on {@code keyspace} (internal name): waits for schema agreement, then emits a
     * snapshot that shows the change.
     */
    Mono<Metadata> refresh(String keyspace);

    /** Releases what the source holds. Idempotent. */
    Mono<Void> close();
}
