/**
 * Internal: the implementation of the reactive mapper. Nothing here is API; classes are
 * package-private and final where possible ({@code DefaultReactiveMapper} and the schema sources are
 * public only because the API's factories construct them).
 *
 * <p>How it fits together: {@code ModelFactory} reads a class's annotations once into an
 * {@code EntityModel} (method handles for fields and constructors); {@code EntityBinding} checks it
 * against the live table ({@code TypeMapper} decides each field's {@code Converter}); a
 * {@code DefaultReactiveRepository} holds the CQL of each statement shape and prepares it once
 * through {@code StatementCache}; {@code DefaultQuery} and {@code DerivedMethod} compile WHERE
 * clauses checked by {@code QueryValidator}; {@code SchemaPlanner} computes DDL that
 * {@code DefaultSchemaManager} runs; {@code SessionSchemaSource} is the one place schema metadata
 * comes from.
 */
package io.reactivecql.mapper.internal;
