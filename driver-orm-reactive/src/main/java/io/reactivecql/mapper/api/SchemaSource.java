package io.reactivecql.mapper.api;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.mapper.internal.DefaultSchemaSource;
import io.reactivecql.mapper.internal.ManagerSchemaSource;
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
     * The default source of a mapper: the session's own schema metadata
     * ({@link io.reactivecql.schema.api.SessionMetadata}, fed by its control connection), and for
     * keyspaces that metadata does not hold (a session limited to other keyspaces, one opened
     * without discovery) a {@link SchemaMetadataManager} of the mapper's own reading
     * {@code system_schema} through the session, closed with the mapper.
     */
    static SchemaSource forSession(ReactiveSession session) {
        return new DefaultSchemaSource(session);
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
