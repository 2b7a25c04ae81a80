package io.reactivecql.schema.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A table (or a virtual table).
 *
 * @param keyspace keyspace (internal form)
 * @param name     table name (internal form)
 * @param virtual  whether this is a virtual table ({@code system_virtual_schema})
 * @param columns  every column: partition key, clustering columns (in order), then the others by name
 * @param options  table options as {@code system_schema.tables} stores them, by option name
 *                 ({@code compaction}, {@code compression}, {@code caching}, {@code gc_grace_seconds},
 *                 ...); values are strings, numbers, booleans or maps
 * @param indexes  secondary indexes on this table, by name (internal form)
 */
public record TableMetadata(String keyspace, String name, boolean virtual, List<ColumnMetadata> columns,
                            Map<String, Object> options, Map<String, IndexMetadata> indexes) implements SchemaElement {

    public TableMetadata {
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(name, "name");
        columns = Columns.canonical(columns);
        options = Names.sorted(options);
        indexes = Names.sorted(indexes);
    }

    /** The partition key columns, in order. */
    public List<ColumnMetadata> partitionKey() {
        return Columns.ofKind(columns, ColumnKind.PARTITION_KEY);
    }

    /** The clustering columns, in order (each with its {@link ClusteringOrder}). */
    public List<ColumnMetadata> clusteringColumns() {
        return Columns.ofKind(columns, ColumnKind.CLUSTERING);
    }

    /** The column named {@code cqlName} (CQL identifier rules). */
    public Optional<ColumnMetadata> column(String cqlName) {
        return Columns.named(columns, cqlName);
    }

    /** The index named {@code cqlName} (CQL identifier rules). */
    public Optional<IndexMetadata> index(String cqlName) {
        return Names.lookup(indexes, cqlName);
    }

    /** One option's value, or empty. */
    public Optional<Object> option(String optionName) {
        return Optional.ofNullable(options.get(optionName));
    }

    /** This table without its indexes (what a table change compares). */
    public TableMetadata withoutIndexes() {
        return indexes.isEmpty() ? this : new TableMetadata(keyspace, name, virtual, columns, options, Map.of());
    }

    /** This table with these indexes. */
    public TableMetadata withIndexes(Map<String, IndexMetadata> newIndexes) {
        return new TableMetadata(keyspace, name, virtual, columns, options, newIndexes);
    }

    @Override
    public ElementKind kind() {
        return ElementKind.TABLE;
    }

    /** {@code CREATE TABLE} (a comment for a virtual table), without the indexes. */
    @Override
    public String describe() {
        return CqlDescriber.table(this);
    }

    /** {@link #describe()} followed by the table's {@code CREATE INDEX} statements. */
    public String describeWithIndexes() {
        StringBuilder sb = new StringBuilder(describe());
        for (IndexMetadata index : indexes.values()) {
            sb.append("\n\n").append(index.describe());
        }
        return sb.toString();
    }
}
