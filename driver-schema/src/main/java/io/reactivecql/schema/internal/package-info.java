/**
 * Internal: the implementation behind {@link io.reactivecql.schema.api}. Not public API.
 *
 * <p>{@code SchemaRow} holds one decoded {@code system_schema} row; {@code SchemaParser} turns rows
 * into the immutable model (resolving user-defined types); {@code SchemaQueries} reads the rows of
 * a refresh target; {@code SchemaRefresh} is the pure function {@code old snapshot + rows -> new
 * snapshot}; {@code SchemaDiff} derives the change events; {@code RefreshCoalescer} turns a batch
 * of SCHEMA_CHANGE events into targets; {@code SchemaAgreement} checks schema versions.
 * Only {@link io.reactivecql.schema.internal.DefaultSchemaMetadataManager} is public, as the API's
 * factory; everything else is package-private and final.
 */
package io.reactivecql.schema.internal;
