package io.reactivecql.schema.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A materialized view.
 *
 * @param keyspace          keyspace (internal form)
 * @param name              view name (internal form)
 * @param baseTable         base table name (internal form)
 * @param includeAllColumns whether the view selects {@code *}
 * @param whereClause       the view's WHERE clause, as stored
 * @param columns           every column, partition key and clustering columns first
 * @param options           view options as {@code system_schema.views} stores them
 */
public record ViewMetadata(String keyspace, String name, String baseTable, boolean includeAllColumns,
                           String whereClause, List<ColumnMetadata> columns, Map<String, Object> options)
        implements SchemaElement {

    public ViewMetadata {
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseTable, "baseTable");
        Objects.requireNonNull(whereClause, "whereClause");
        columns = Columns.canonical(columns);
        options = Names.sorted(options);
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

    @Override
    public ElementKind kind() {
        return ElementKind.VIEW;
    }

    @Override
    public String describe() {
        return CqlDescriber.view(this);
    }
}
