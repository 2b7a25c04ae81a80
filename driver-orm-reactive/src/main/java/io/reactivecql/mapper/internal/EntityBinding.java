package io.reactivecql.mapper.internal;

import io.reactivecql.api.result.ColumnDefinitions;
import io.reactivecql.api.result.Row;
import io.reactivecql.mapper.api.MappingException;
import io.reactivecql.protocol.types.CqlIdentifiers;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.schema.api.ClusteringOrder;
import io.reactivecql.schema.api.ColumnKind;
import io.reactivecql.schema.api.ColumnMetadata;
import io.reactivecql.schema.api.KeyspaceMetadata;
import io.reactivecql.schema.api.Metadata;
import io.reactivecql.schema.api.TableMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An {@link EntityModel} checked against the live table: each property with its column and
 * converter. Reads rows by column index: the mapper's SELECTs list the columns in property order,
 * so column {@code i} is property {@code i}.
 */
final class EntityBinding<T> {

    final EntityModel<T> model;
    final TableMetadata table;
    /** {@code keyspace.table} as CQL writes it. */
    final String qualifiedTable;
    /** In property order. */
    final List<BoundColumn> columns;
    final List<BoundColumn> partitionKey;
    final List<BoundColumn> primaryKey;
    final List<BoundColumn> nonKey;
    final BoundColumn version;
    /** The column list of the mapper's SELECTs. */
    final String selection;

    private EntityBinding(EntityModel<T> model, TableMetadata table, List<BoundColumn> columns) {
        this.model = model;
        this.table = table;
        this.qualifiedTable = CqlIdentifiers.quoteIfNeeded(table.keyspace()) + "."
                + CqlIdentifiers.quoteIfNeeded(table.name());
        this.columns = List.copyOf(columns);
        this.partitionKey = this.columns.stream().filter(c -> c.property.kind == PropertyKind.PARTITION_KEY).toList();
        this.primaryKey = this.columns.stream().filter(c -> c.property.isKey()).toList();
        this.nonKey = this.columns.stream().filter(c -> !c.property.isKey()).toList();
        this.version = this.columns.stream().filter(c -> c.property.version).findFirst().orElse(null);
        this.selection = String.join(", ", this.columns.stream().map(BoundColumn::cql).toList());
    }

    /**
     * Checks {@code model} against table {@code keyspace.name} of {@code metadata}.
     *
     * @throws MappingException naming the entity, field and column of the first mismatch
     */
    static <T> EntityBinding<T> bind(EntityModel<T> model, String keyspace, Metadata metadata, TypeMapper types) {
        String entity = model.entityName();
        KeyspaceMetadata ks = metadata.keyspaces().get(keyspace);
        if (ks == null) {
            throw new MappingException("keyspace " + keyspace + " does not exist (create it with "
                    + "mapper.schema().createKeyspaceSimple)", entity, null, null, null);
        }
        TableMetadata table = ks.tables().get(model.name);
        if (table == null) {
            throw new MappingException("table " + keyspace + "." + model.name + " does not exist (create it with "
                    + "mapper.schema().syncTable(" + entity + ".class))", entity, null, null, null);
        }
        List<BoundColumn> bound = new ArrayList<>();
        for (PropertyModel p : model.properties) {
            ColumnMetadata column = table.columns().stream().filter(c -> c.name().equals(p.column)).findFirst()
                    .orElseThrow(() -> new MappingException("table " + keyspace + "." + model.name
                            + " has no column " + p.column, entity, p.javaName, p.column, null));
            checkRole(entity, p, column);
            TypeMapper.Resolved resolved = types.resolve(p.javaType, column.type(),
                    new TypeMapper.Site(entity, p.javaName, p.column), true);
            if (p.declaredCqlType != null) {
                checkDeclared(entity, p, column, keyspace);
            }
            bound.add(new BoundColumn(p, column, resolved.converter(), resolved.codecClass()));
        }
        for (ColumnMetadata c : table.columns()) {
            boolean key = c.kind() == ColumnKind.PARTITION_KEY || c.kind() == ColumnKind.CLUSTERING;
            if (key && model.properties.stream().noneMatch(p -> p.column.equals(c.name()))) {
                throw new MappingException("primary key column " + c.name() + " of " + keyspace + "." + model.name
                        + " is not mapped by any field", entity, null, c.name(), null);
            }
        }
        return new EntityBinding<>(model, table, bound);
    }

    private static void checkRole(String entity, PropertyModel p, ColumnMetadata column) {
        String expected = switch (p.kind) {
            case PARTITION_KEY -> column.kind() == ColumnKind.PARTITION_KEY && column.position() == p.position ? null
                    : "partition key column at position " + p.position;
            case CLUSTERING -> column.kind() == ColumnKind.CLUSTERING && column.position() == p.position ? null
                    : "clustering column at position " + p.position;
            case STATIC -> column.kind() == ColumnKind.STATIC ? null : "static column";
            case REGULAR -> column.kind() == ColumnKind.REGULAR ? null : "regular column";
        };
        if (expected != null) {
            throw new MappingException("the field declares a " + expected + " but the column is a "
                    + column.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (column.position() >= 0 ? " at position " + column.position() : ""),
                    entity, p.javaName, p.column, null);
        }
        if (p.kind == PropertyKind.CLUSTERING) {
            ClusteringOrder order = p.descending ? ClusteringOrder.DESC : ClusteringOrder.ASC;
            if (column.order() != order) {
                throw new MappingException("the field declares clustering order " + order + " but the column is "
                        + column.order(), entity, p.javaName, p.column, null);
            }
        }
        boolean counterColumn = column.type() == PrimitiveType.COUNTER;
        if (p.counter != counterColumn) {
            throw new MappingException(p.counter
                    ? "a @Counter field needs a counter column, not " + column.type().asCql()
                    : "the column is a counter: mark the field @Counter", entity, p.javaName, p.column, null);
        }
    }

    private static void checkDeclared(String entity, PropertyModel p, ColumnMetadata column, String keyspace) {
        String declared = Shapes.unfrozen(io.reactivecql.protocol.types.DataTypeCqlParser.parse(p.declaredCqlType,
                keyspace));
        String actual = Shapes.unfrozen(column.type());
        if (!declared.equals(actual)) {
            throw new MappingException("@Column(cqlType = \"" + p.declaredCqlType + "\") but the column is "
                    + column.type().asCql(), entity, p.javaName, p.column, null);
        }
    }

    /** A value of the entity read from a row of the mapper's own SELECT (columns in property order). */
    T read(Row row) {
        int n = columns.size();
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            values[i] = columns.get(i).read(row, i);
        }
        return model.instantiate(values);
    }

    /**
     * An entity from a row of another shape (an LWT's current row), looking the columns up by name
     * once; empty when the row holds none of the entity's columns.
     */
    Optional<T> readByName(Row row) {
        ColumnDefinitions definitions = row.columnDefinitions();
        int n = columns.size();
        Object[] values = new Object[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            int index = definitions.firstIndexOf(CqlIdentifiers.quote(columns.get(i).property.column));
            if (index >= 0) {
                values[i] = columns.get(i).read(row, index);
                any = true;
            }
        }
        return any ? Optional.of(model.instantiate(values)) : Optional.empty();
    }

    /** The column of a field or column name. */
    BoundColumn column(String name) {
        PropertyModel p = model.property(name);
        if (p == null) {
            return null;
        }
        for (BoundColumn c : columns) {
            if (c.property == p) {
                return c;
            }
        }
        return null;
    }

    /** Like {@link #column(String)} but throws naming the entity and the unknown name. */
    BoundColumn requireColumn(String name) {
        BoundColumn c = column(name);
        if (c == null) {
            throw new IllegalArgumentException(model.entityName() + " has no field or column " + name + " (fields: "
                    + model.properties.stream().map(p -> p.javaName).toList() + ")");
        }
        return c;
    }
}
