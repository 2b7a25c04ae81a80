package io.reactivecql.mapper.api;

/** A sort direction of {@code ORDER BY}. */
public enum Order {
    ASC, DESC
}
