package io.reactivecql.mapper.internal;

import io.reactivecql.mapper.api.SchemaSource;
import io.reactivecql.schema.api.Metadata;
import io.reactivecql.schema.api.SchemaMetadataManager;
import reactor.core.publisher.Mono;

import java.util.Objects;

/** A {@link SchemaSource} over a manager someone else owns (covering every keyspace the mapper uses). */
public final class ManagerSchemaSource implements SchemaSource {

    private final SchemaMetadataManager manager;

    public ManagerSchemaSource(SchemaMetadataManager manager) {
        this.manager = Objects.requireNonNull(manager, "manager");
    }

    @Override
    public Mono<Metadata> metadata(String keyspace) {
        return manager.metadata();
    }

    @Override
    public Mono<Metadata> refresh(String keyspace) {
        return manager.awaitSchemaAgreement().then(manager.refresh());
    }

    @Override
    public Mono<Void> close() {
        return Mono.empty();
    }
}
