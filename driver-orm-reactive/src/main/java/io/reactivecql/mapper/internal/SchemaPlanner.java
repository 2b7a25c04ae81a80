package io.reactivecql.mapper.internal;

import io.reactivecql.mapper.api.MappingException;
import io.reactivecql.protocol.types.CqlIdentifiers;
import io.reactivecql.protocol.types.DataType;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.protocol.types.UserDefinedType;
import io.reactivecql.schema.api.ClusteringOrder;
import io.reactivecql.schema.api.ColumnKind;
import io.reactivecql.schema.api.ColumnMetadata;
import io.reactivecql.schema.api.KeyspaceMetadata;
import io.reactivecql.schema.api.TableMetadata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The DDL that makes a keyspace fit an entity: CREATE TYPE / ALTER TYPE ADD for its UDTs (inner
 * types first), then CREATE TABLE or ALTER TABLE ADD for its missing columns. Never drops or alters
 * what exists: an incompatible column or a different primary key is a {@link MappingException}.
 * Pure (no I/O): the schema manager runs what it returns.
 */
final class SchemaPlanner {

    private final ModelFactory models;
    private final TypeMapper types;

    SchemaPlanner(ModelFactory models, TypeMapper types) {
        this.models = models;
        this.types = types;
    }

    /** The statements to run, in order; empty when the schema fits already. */
    List<String> plan(EntityModel<?> model, KeyspaceMetadata keyspace) {
        String ks = keyspace.name();
        String qualifiedKs = CqlIdentifiers.quoteIfNeeded(ks);
        List<String> out = new ArrayList<>();
        for (EntityModel<?> udt : udtsInOrder(model)) {
            planType(udt, keyspace, qualifiedKs, out);
        }
        TableMetadata table = keyspace.tables().get(model.name);
        String qualified = qualifiedKs + "." + CqlIdentifiers.quoteIfNeeded(model.name);
        if (table == null) {
            out.add(createTable(model, ks, qualified));
            return out;
        }
        checkPrimaryKey(model, table);
        for (PropertyModel p : model.primaryKey) {
            ColumnMetadata column = table.column(CqlIdentifiers.quote(p.column)).orElseThrow();
            types.resolve(p.javaType, column.type(), new TypeMapper.Site(model.entityName(), p.javaName, p.column),
                    false);
        }
        List<String> added = new ArrayList<>();
        for (PropertyModel p : model.nonKey) {
            ColumnMetadata column = table.column(CqlIdentifiers.quote(p.column)).orElse(null);
            String entity = model.entityName();
            if (column == null) {
                added.add(p.cql + " " + typeOf(model, p, ks).asCql()
                        + (p.kind == PropertyKind.STATIC ? " static" : ""));
                continue;
            }
            boolean isStatic = column.kind() == ColumnKind.STATIC;
            if (isStatic != (p.kind == PropertyKind.STATIC)) {
                throw new MappingException("the column is " + (isStatic ? "" : "not ") + "static but the field "
                        + (isStatic ? "is not" : "is") + " @Static; the mapper does not alter existing columns",
                        entity, p.javaName, p.column, null);
            }
            if (p.counter != (column.type() == PrimitiveType.COUNTER)) {
                throw new MappingException("the column is " + column.type().asCql() + (p.counter ? " but the field is "
                        + "@Counter" : ": mark the field @Counter"), entity, p.javaName, p.column, null);
            }
            // existing UDT columns are checked by name: their fields are added above
            types.resolve(p.javaType, column.type(), new TypeMapper.Site(entity, p.javaName, p.column), false);
        }
        if (!added.isEmpty()) {
            out.add("ALTER TABLE " + qualified + " ADD (" + String.join(", ", added) + ")");
        }
        return out;
    }

    private DataType typeOf(EntityModel<?> model, PropertyModel p, String ks) {
        return CqlTypes.of(p, ks, model.entityName(), models::udt);
    }

    private void planType(EntityModel<?> udt, KeyspaceMetadata keyspace, String qualifiedKs, List<String> out) {
        String qualified = qualifiedKs + "." + CqlIdentifiers.quoteIfNeeded(udt.name);
        UserDefinedType existing = keyspace.types().containsKey(udt.name) ? keyspace.types().get(udt.name).type()
                : null;
        if (existing == null) {
            out.add("CREATE TYPE IF NOT EXISTS " + qualified + " (" + udt.properties.stream()
                    .map(p -> p.cql + " " + fieldType(udt, p, keyspace.name()).asCql())
                    .collect(Collectors.joining(", ")) + ")");
            return;
        }
        for (PropertyModel p : udt.properties) {
            int index = existing.fieldNames().indexOf(p.column);
            if (index < 0) {
                out.add("ALTER TYPE " + qualified + " ADD " + p.cql + " " + fieldType(udt, p, keyspace.name()).asCql());
            } else {
                types.resolve(p.javaType, existing.fieldTypes().get(index),
                        new TypeMapper.Site(udt.entityName(), p.javaName, p.column), false);
            }
        }
    }

    private DataType fieldType(EntityModel<?> udt, PropertyModel p, String ks) {
        if (p.declaredCqlType != null) {
            return CqlTypes.of(p, ks, udt.entityName(), models::udt);
        }
        return CqlTypes.derive(p.javaType, true, ks, new TypeMapper.Site(udt.entityName(), p.javaName, p.column),
                models::udt);
    }

    private String createTable(EntityModel<?> model, String ks, String qualified) {
        List<String> columns = new ArrayList<>();
        for (PropertyModel p : model.properties) {
            columns.add(p.cql + " " + typeOf(model, p, ks).asCql() + (p.kind == PropertyKind.STATIC ? " STATIC" : ""));
        }
        String partition = model.partitionKey.stream().map(p -> p.cql).collect(Collectors.joining(", "));
        StringBuilder key = new StringBuilder("PRIMARY KEY ((").append(partition).append(')');
        for (PropertyModel c : model.clustering) {
            key.append(", ").append(c.cql);
        }
        key.append(')');
        columns.add(key.toString());
        StringBuilder sb = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(qualified).append(" (")
                .append(String.join(", ", columns)).append(')');
        if (!model.clustering.isEmpty()) {
            sb.append(" WITH CLUSTERING ORDER BY (").append(model.clustering.stream()
                    .map(c -> c.cql + (c.descending ? " DESC" : " ASC")).collect(Collectors.joining(", "))).append(')');
        }
        return sb.toString();
    }

    private static void checkPrimaryKey(EntityModel<?> model, TableMetadata table) {
        List<String> tablePk = table.partitionKey().stream().map(ColumnMetadata::name).toList();
        List<String> tableCc = table.clusteringColumns().stream()
                .map(c -> c.name() + (c.order() == ClusteringOrder.DESC ? " DESC" : "")).toList();
        List<String> entityPk = model.partitionKey.stream().map(p -> p.column).toList();
        List<String> entityCc = model.clustering.stream().map(p -> p.column + (p.descending ? " DESC" : "")).toList();
        if (!tablePk.equals(entityPk) || !tableCc.equals(entityCc)) {
            throw new MappingException("the table's primary key is (" + tablePk + ", " + tableCc
                    + ") but the entity declares (" + entityPk + ", " + entityCc
                    + "); the mapper never changes a primary key (that would need a new table)",
                    model.entityName(), null, null, null);
        }
    }

    /** The UDT classes an entity uses, each after the UDTs it contains. */
    private List<EntityModel<?>> udtsInOrder(EntityModel<?> model) {
        Set<Class<?>> ordered = new LinkedHashSet<>();
        for (Class<?> c : ModelFactory.reachableUdts(model)) {
            visit(c, ordered);
        }
        List<EntityModel<?>> out = new ArrayList<>();
        ordered.forEach(c -> out.add(models.udt(c)));
        return out;
    }

    private void visit(Class<?> udt, Set<Class<?>> ordered) {
        if (ordered.contains(udt)) {
            return;
        }
        for (Class<?> inner : ModelFactory.reachableUdts(models.udt(udt))) {
            visit(inner, ordered);
        }
        ordered.add(udt);
    }
}
