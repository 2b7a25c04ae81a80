package io.reactivecql.mapper.internal;

import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.mapper.api.MappingException;
import io.reactivecql.mapper.api.SchemaManager;
import io.reactivecql.mapper.api.SyncResult;
import io.reactivecql.protocol.types.CqlIdentifiers;
import io.reactivecql.schema.api.KeyspaceMetadata;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** {@link SchemaManager}: runs DDL through the session, then refreshes the mapper's schema source. */
final class DefaultSchemaManager implements SchemaManager {

    private final MapperContext ctx;
    private final SchemaPlanner planner;

    DefaultSchemaManager(MapperContext ctx) {
        this.ctx = ctx;
        this.planner = new SchemaPlanner(ctx.models, ctx.types);
    }

    @Override
    public Mono<SyncResult> syncTable(Class<?> entityClass) {
        Objects.requireNonNull(entityClass, "entityClass");
        return Mono.fromCallable(() -> ctx.models.entity(entityClass)).flatMap(model -> {
            String ks = ctx.keyspaceOf(model);
            return ctx.schemaSource.refresh(ks).flatMap(metadata -> {
                KeyspaceMetadata keyspace = metadata.keyspaces().get(ks);
                if (keyspace == null) {
                    return Mono.error(new MappingException("keyspace " + ks + " does not exist (create it with "
                            + "createKeyspaceSimple or createKeyspaceNetworkTopology)", model.entityName(), null, null,
                            null));
                }
                List<String> ddl = planner.plan(model, keyspace);
                if (ddl.isEmpty()) {
                    EntityBinding.bind(model, ks, metadata, ctx.types);
                    return Mono.just(new SyncResult(ks, model.name, ddl));
                }
                return Flux.fromIterable(ddl)
                        .concatMap(this::run)
                        .then(ctx.schemaSource.refresh(ks))
                        // the result must map: this fails now rather than when a repository is made
                        .map(updated -> {
                            EntityBinding.bind(model, ks, updated, ctx.types);
                            return new SyncResult(ks, model.name, ddl);
                        });
            });
        });
    }

    private Mono<Void> run(String ddl) {
        return ctx.session.execute(SimpleStatement.of(ddl)).then();
    }

    private Mono<Void> ddl(String cql, String keyspace) {
        return run(cql).then(ctx.schemaSource.refresh(keyspace)).then();
    }

    @Override
    public Mono<Void> createKeyspaceSimple(String name, int replicationFactor) {
        checkName(name, "keyspace");
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be >= 1, was " + replicationFactor);
        }
        String ks = CqlIdentifiers.fromCql(name);
        return Mono.defer(() -> ddl("CREATE KEYSPACE IF NOT EXISTS " + CqlIdentifiers.quoteIfNeeded(ks)
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': " + replicationFactor + "}",
                ks));
    }

    @Override
    public Mono<Void> createKeyspaceNetworkTopology(String name, Map<String, Integer> replicationByDatacenter) {
        checkName(name, "keyspace");
        Objects.requireNonNull(replicationByDatacenter, "replicationByDatacenter");
        if (replicationByDatacenter.isEmpty()) {
            throw new IllegalArgumentException("NetworkTopologyStrategy needs at least one datacenter");
        }
        replicationByDatacenter.forEach((dc, rf) -> {
            checkName(dc, "datacenter");
            if (rf == null || rf < 0) {
                throw new IllegalArgumentException("replication factor of datacenter " + dc + " must be >= 0, was "
                        + rf);
            }
        });
        String ks = CqlIdentifiers.fromCql(name);
        String dcs = replicationByDatacenter.entrySet().stream()
                .map(e -> "'" + e.getKey().replace("'", "''") + "': " + e.getValue())
                .collect(Collectors.joining(", "));
        return Mono.defer(() -> ddl("CREATE KEYSPACE IF NOT EXISTS " + CqlIdentifiers.quoteIfNeeded(ks)
                + " WITH replication = {'class': 'NetworkTopologyStrategy', " + dcs + "}", ks));
    }

    @Override
    public Mono<Void> dropTable(Class<?> entityClass) {
        Objects.requireNonNull(entityClass, "entityClass");
        return Mono.fromCallable(() -> ctx.models.entity(entityClass)).flatMap(model -> {
            String ks = ctx.keyspaceOf(model);
            return ddl("DROP TABLE IF EXISTS " + CqlIdentifiers.quoteIfNeeded(ks) + "."
                    + CqlIdentifiers.quoteIfNeeded(model.name), ks);
        });
    }

    @Override
    public Mono<Void> dropTable(String keyspace, String table) {
        checkName(keyspace, "keyspace");
        checkName(table, "table");
        String ks = CqlIdentifiers.fromCql(keyspace);
        return Mono.defer(() -> ddl("DROP TABLE IF EXISTS " + CqlIdentifiers.quoteIfNeeded(ks) + "."
                + CqlIdentifiers.quoteIfNeeded(CqlIdentifiers.fromCql(table)), ks));
    }

    @Override
    public Mono<Void> dropKeyspace(String name) {
        checkName(name, "keyspace");
        String ks = CqlIdentifiers.fromCql(name);
        return Mono.defer(() -> ddl("DROP KEYSPACE IF EXISTS " + CqlIdentifiers.quoteIfNeeded(ks), ks));
    }

    private static void checkName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isBlank()) {
            throw new IllegalArgumentException("the " + what + " name is empty");
        }
    }
}
