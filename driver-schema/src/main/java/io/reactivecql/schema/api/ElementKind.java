package io.reactivecql.schema.api;

/** The kinds of schema elements. */
public enum ElementKind {
    KEYSPACE, TABLE, VIEW, TYPE, FUNCTION, AGGREGATE, INDEX
}
