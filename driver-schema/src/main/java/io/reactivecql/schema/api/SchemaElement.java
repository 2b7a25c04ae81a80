package io.reactivecql.schema.api;

/** An element of the schema: a keyspace or something in one. Immutable. */
public sealed interface SchemaElement
        permits KeyspaceMetadata, TableMetadata, ViewMetadata, UserTypeMetadata, FunctionMetadata,
        AggregateMetadata, IndexMetadata {

    /** What kind of element this is. */
    ElementKind kind();

    /** The keyspace (internal, case-sensitive form). */
    String keyspace();

    /**
     * The element's name (internal form); a keyspace's own name for a keyspace, and
     * {@code name(argtypes)} for functions and aggregates.
     */
    String name();

    /** The CQL statement that recreates this element (for a keyspace, the keyspace alone). */
    String describe();
}
