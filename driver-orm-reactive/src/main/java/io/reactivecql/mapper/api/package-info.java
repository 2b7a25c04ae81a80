/**
 * Public API of the reactive object mapper: annotations that map classes (records and beans) to
 * tables ({@link io.reactivecql.mapper.api.Table}, {@link io.reactivecql.mapper.api.PartitionKey},
 * {@link io.reactivecql.mapper.api.ClusteringColumn}, {@link io.reactivecql.mapper.api.Udt}, ...),
 * the {@link io.reactivecql.mapper.api.ReactiveMapper} entry point,
 * {@link io.reactivecql.mapper.api.ReactiveRepository} with derived queries, the
 * {@link io.reactivecql.mapper.api.Query} DSL, {@link io.reactivecql.mapper.api.EntityBatch}es,
 * {@link io.reactivecql.mapper.api.SchemaManager} and the typed errors. Implementations live in
 * {@code io.reactivecql.mapper.internal}.
 */
package io.reactivecql.mapper.api;
