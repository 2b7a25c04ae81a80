/**
 * Public API: the schema metadata of a cluster.
 *
 * <p>{@link io.reactivecql.schema.api.Metadata} is an immutable snapshot of the keyspaces read from
 * {@code system_schema} (and {@code system_virtual_schema}): tables, columns, user-defined types,
 * functions, aggregates, materialized views and indexes, all immutable records that can
 * {@link io.reactivecql.schema.api.SchemaElement#describe() describe} themselves as the CQL that
 * recreates them. {@link io.reactivecql.schema.api.SchemaMetadataManager} keeps the snapshot up to
 * date from pushed SCHEMA_CHANGE events (debounced, coalesced into targeted refreshes, swapped
 * atomically), publishes {@link io.reactivecql.schema.api.SchemaChange}s and waits for schema
 * agreement. Nothing here blocks. Names given to lookups follow CQL identifier rules: unquoted names
 * are case-insensitive, {@code "Quoted"} ones are exact.
 */
package io.reactivecql.schema.api;
