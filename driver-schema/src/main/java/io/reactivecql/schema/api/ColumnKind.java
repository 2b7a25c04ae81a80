package io.reactivecql.schema.api;

/** The role of a column in its table ({@code system_schema.columns.kind}). */
public enum ColumnKind {
    PARTITION_KEY, CLUSTERING, REGULAR, STATIC
}
