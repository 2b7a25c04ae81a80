package io.reactivecql.mapper.internal;

/** The role a mapped field gives its column. */
enum PropertyKind {
    PARTITION_KEY, CLUSTERING, REGULAR, STATIC;

    boolean isKey() {
        return this == PARTITION_KEY || this == CLUSTERING;
    }
}
