package io.reactivecql.mapper.api;

import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Creates and evolves the schema of mapped classes, like cqlengine's management module. Nothing
 * here ever drops or rewrites data unless asked to drop. Every method waits for schema agreement
 * and refreshes the mapper's schema metadata after its DDL, so repositories created afterwards see
 * the change. Get it from {@link ReactiveMapper#schema()}.
 */
public interface SchemaManager {

    /**
     * Creates the table of {@code entityClass} (and the user-defined types it uses) when missing, or
     * adds its missing columns (and missing UDT fields). An existing column of an incompatible type,
     * or a different primary key, fails with {@link MappingException}: nothing is altered or dropped.
     * Running it again when the schema fits executes nothing.
     */
    Mono<SyncResult> syncTable(Class<?> entityClass);

    /** {@code CREATE KEYSPACE IF NOT EXISTS} with SimpleStrategy. */
    Mono<Void> createKeyspaceSimple(String name, int replicationFactor);

    /** {@code CREATE KEYSPACE IF NOT EXISTS} with NetworkTopologyStrategy (datacenter to replication factor). */
    Mono<Void> createKeyspaceNetworkTopology(String name, Map<String, Integer> replicationByDatacenter);

    /** {@code DROP TABLE IF EXISTS} of the table of {@code entityClass}. */
    Mono<Void> dropTable(Class<?> entityClass);

    /** {@code DROP TABLE IF EXISTS keyspace.table} (CQL names). */
    Mono<Void> dropTable(String keyspace, String table);

    /** {@code DROP KEYSPACE IF EXISTS} (CQL name). */
    Mono<Void> dropKeyspace(String name);
}
