package io.reactivecql.schema.api;

import io.reactivecql.protocol.types.DataType;

import java.util.Objects;

/**
 * A column of a table or view.
 *
 * @param name     internal (case-sensitive) name
 * @param type     CQL type, user-defined types resolved
 * @param kind     role in the primary key, or regular/static
 * @param position position in the partition key or clustering columns, -1 otherwise
 * @param order    clustering order, {@link ClusteringOrder#NONE} for non-clustering columns
 */
public record ColumnMetadata(String name, DataType type, ColumnKind kind, int position, ClusteringOrder order) {

    public ColumnMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(order, "order");
    }
}
