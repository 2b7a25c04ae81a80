package io.reactivecql.schema.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A keyspace and everything in it. Maps are keyed by internal (case-sensitive) names; use the
 * lookup methods to find an element by its CQL name.
 *
 * @param name          keyspace name (internal form)
 * @param virtual       whether this is a virtual keyspace ({@code system_virtual_schema})
 * @param durableWrites {@code durable_writes}
 * @param replication   the replication map, {@code class} included
 * @param tables        tables by name
 * @param views         materialized views by name
 * @param types         user-defined types by name
 * @param functions     functions by signature
 * @param aggregates    aggregates by signature
 */
public record KeyspaceMetadata(String name, boolean virtual, boolean durableWrites, Map<String, String> replication,
                               Map<String, TableMetadata> tables, Map<String, ViewMetadata> views,
                               Map<String, UserTypeMetadata> types, Map<FunctionSignature, FunctionMetadata> functions,
                               Map<FunctionSignature, AggregateMetadata> aggregates) implements SchemaElement {

    public KeyspaceMetadata {
        Objects.requireNonNull(name, "name");
        replication = Names.sorted(replication);
        tables = Names.sorted(tables);
        views = Names.sorted(views);
        types = Names.ordered(types);
        functions = Names.ordered(functions);
        aggregates = Names.ordered(aggregates);
    }

    /** A keyspace with no elements. */
    public static KeyspaceMetadata empty(String name, boolean virtual, boolean durableWrites,
                                         Map<String, String> replication) {
        return new KeyspaceMetadata(name, virtual, durableWrites, replication, Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of());
    }

    @Override
    public ElementKind kind() {
        return ElementKind.KEYSPACE;
    }

    @Override
    public String keyspace() {
        return name;
    }

    /** The table named {@code cqlName} (CQL identifier rules). */
    public Optional<TableMetadata> table(String cqlName) {
        return Names.lookup(tables, cqlName);
    }

    /** The materialized view named {@code cqlName} (CQL identifier rules). */
    public Optional<ViewMetadata> view(String cqlName) {
        return Names.lookup(views, cqlName);
    }

    /** The user-defined type named {@code cqlName} (CQL identifier rules). */
    public Optional<UserTypeMetadata> type(String cqlName) {
        return Names.lookup(types, cqlName);
    }

    /** Functions named {@code cqlName}, every overload. */
    public List<FunctionMetadata> functions(String cqlName) {
        String internal = io.reactivecql.protocol.types.CqlIdentifiers.fromCql(cqlName);
        return functions.values().stream().filter(f -> f.signature().name().equals(internal)).toList();
    }

    /** Aggregates named {@code cqlName}, every overload. */
    public List<AggregateMetadata> aggregates(String cqlName) {
        String internal = io.reactivecql.protocol.types.CqlIdentifiers.fromCql(cqlName);
        return aggregates.values().stream().filter(f -> f.signature().name().equals(internal)).toList();
    }

    /** Every index of every table. */
    public List<IndexMetadata> indexes() {
        return tables.values().stream().flatMap(t -> t.indexes().values().stream()).toList();
    }

    /** The keyspace's own attributes, without its elements (what a keyspace change compares). */
    public KeyspaceMetadata withoutElements() {
        return empty(name, virtual, durableWrites, replication);
    }

    /** {@code CREATE KEYSPACE} alone. */
    @Override
    public String describe() {
        return CqlDescriber.keyspace(this);
    }

    /**
     * The keyspace and all its elements, in an order that replays: keyspace, types (dependencies
     * first), functions, aggregates, tables with their indexes, views. Statements are separated by
     * blank lines.
     */
    public String describeWithChildren() {
        return String.join("\n\n", describeAll());
    }

    /** The statements of {@link #describeWithChildren()}, one per element. */
    public List<String> describeAll() {
        List<String> out = new ArrayList<>();
        out.add(describe());
        if (virtual) {
            tables.values().forEach(t -> out.add(t.describe()));
            return out;
        }
        CqlDescriber.typesInDependencyOrder(this).forEach(t -> out.add(t.describe()));
        functions.values().forEach(f -> out.add(f.describe()));
        aggregates.values().forEach(a -> out.add(a.describe()));
        for (TableMetadata t : tables.values()) {
            out.add(t.describe());
            t.indexes().values().forEach(i -> out.add(i.describe()));
        }
        views.values().forEach(v -> out.add(v.describe()));
        return out;
    }

    /** Every element of the keyspace, itself excluded. */
    public Stream<SchemaElement> elements() {
        return Stream.of(types.values().stream(), functions.values().stream(), aggregates.values().stream(),
                tables.values().stream(), indexes().stream(), views.values().stream())
                .flatMap(s -> s.map(SchemaElement.class::cast));
    }
}
