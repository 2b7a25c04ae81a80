package io.reactivecql.schema.api;

/** The order of a clustering column; {@link #NONE} for other columns. */
public enum ClusteringOrder {
    ASC, DESC, NONE
}
