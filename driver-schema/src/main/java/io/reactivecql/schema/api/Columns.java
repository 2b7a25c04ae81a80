package io.reactivecql.schema.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Column list helpers shared by tables and views. */
final class Columns {

    private Columns() {
    }

    /** Partition key, then clustering columns (by position), then the others (by name). */
    static List<ColumnMetadata> canonical(List<ColumnMetadata> columns) {
        List<ColumnMetadata> sorted = new ArrayList<>(columns);
        sorted.sort(Comparator.comparingInt((ColumnMetadata c) -> rank(c.kind()))
                .thenComparingInt(ColumnMetadata::position)
                .thenComparing(ColumnMetadata::name));
        return List.copyOf(sorted);
    }

    private static int rank(ColumnKind kind) {
        return switch (kind) {
            case PARTITION_KEY -> 0;
            case CLUSTERING -> 1;
            default -> 2;
        };
    }

    static List<ColumnMetadata> ofKind(List<ColumnMetadata> columns, ColumnKind kind) {
        return columns.stream().filter(c -> c.kind() == kind).toList();
    }

    static Optional<ColumnMetadata> named(List<ColumnMetadata> columns, String cqlName) {
        String internal = io.reactivecql.protocol.types.CqlIdentifiers.fromCql(cqlName);
        return columns.stream().filter(c -> c.name().equals(internal)).findFirst();
    }
}
