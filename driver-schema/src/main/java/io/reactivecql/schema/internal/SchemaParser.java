package io.reactivecql.schema.internal;

import io.reactivecql.protocol.types.DataType;
import io.reactivecql.protocol.types.DataTypeCqlParser;
import io.reactivecql.schema.api.AggregateMetadata;
import io.reactivecql.schema.api.ClusteringOrder;
import io.reactivecql.schema.api.ColumnKind;
import io.reactivecql.schema.api.ColumnMetadata;
import io.reactivecql.schema.api.FunctionMetadata;
import io.reactivecql.schema.api.FunctionSignature;
import io.reactivecql.schema.api.IndexMetadata;
import io.reactivecql.schema.api.KeyspaceMetadata;
import io.reactivecql.schema.api.TableMetadata;
import io.reactivecql.schema.api.UserTypeMetadata;
import io.reactivecql.schema.api.ViewMetadata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Turns {@code system_schema} rows into the model. Pure and stateless. */
final class SchemaParser {

    /** Columns of {@code tables}/{@code views} that are not options. */
    private static final Set<String> NOT_OPTIONS = Set.of("keyspace_name", "table_name", "view_name", "id", "flags",
            "base_table_id", "base_table_name", "include_all_columns", "where_clause");

    private SchemaParser() {
    }

    /** The keyspaces of {@code rows} that {@code include} accepts, virtual ones included. */
    static Map<String, KeyspaceMetadata> keyspaces(SchemaRows rows, Predicate<String> include) {
        Map<String, KeyspaceMetadata> out = new LinkedHashMap<>();
        for (SchemaRow k : rows.keyspaces()) {
            String name = k.string("keyspace_name");
            if (include.test(name)) {
                out.put(name, keyspace(name, k, rows));
            }
        }
        for (SchemaRow k : rows.virtualKeyspaces()) {
            String name = k.string("keyspace_name");
            if (include.test(name)) {
                Map<String, TableMetadata> tables = new LinkedHashMap<>();
                for (SchemaRow t : inKeyspace(rows.virtualTables(), name)) {
                    TableMetadata table = table(name, t, rows.virtualColumns(), List.of(), Map.of(), true);
                    tables.put(table.name(), table);
                }
                out.put(name, new KeyspaceMetadata(name, true, false, Map.of(), tables, Map.of(), Map.of(), Map.of(),
                        Map.of()));
            }
        }
        return out;
    }

    /** One (non-virtual) keyspace from its row and the rows of its elements. */
    static KeyspaceMetadata keyspace(String name, SchemaRow row, SchemaRows rows) {
        Map<String, UserTypeMetadata> types = types(name, inKeyspace(rows.types(), name));
        Map<String, TableMetadata> tables = new LinkedHashMap<>();
        for (SchemaRow t : inKeyspace(rows.tables(), name)) {
            TableMetadata table = table(name, t, rows.columns(), rows.indexes(), types, false);
            tables.put(table.name(), table);
        }
        Map<String, ViewMetadata> views = new LinkedHashMap<>();
        for (SchemaRow v : inKeyspace(rows.views(), name)) {
            ViewMetadata view = view(name, v, rows.columns(), types);
            views.put(view.name(), view);
        }
        Map<FunctionSignature, FunctionMetadata> functions = new LinkedHashMap<>();
        for (SchemaRow f : inKeyspace(rows.functions(), name)) {
            FunctionMetadata function = function(name, f, types);
            functions.put(function.signature(), function);
        }
        Map<FunctionSignature, AggregateMetadata> aggregates = new LinkedHashMap<>();
        for (SchemaRow a : inKeyspace(rows.aggregates(), name)) {
            AggregateMetadata aggregate = aggregate(name, a, types);
            aggregates.put(aggregate.signature(), aggregate);
        }
        return new KeyspaceMetadata(name, false, row.bool("durable_writes", true), row.stringMap("replication"),
                tables, views, types, functions, aggregates);
    }

    static List<SchemaRow> inKeyspace(List<SchemaRow> rows, String keyspace) {
        return rows.stream().filter(r -> keyspace.equals(r.string("keyspace_name"))).toList();
    }

    /** The user-defined types of a keyspace, their fields resolved (nested types too). */
    static Map<String, UserTypeMetadata> types(String keyspace, List<SchemaRow> rows) {
        TypeResolver resolver = new TypeResolver(keyspace, rows);
        Map<String, UserTypeMetadata> out = new LinkedHashMap<>();
        for (SchemaRow r : rows) {
            String name = r.string("type_name");
            out.put(name, new UserTypeMetadata(resolver.definition(name)));
        }
        return out;
    }

    /** A table (or virtual table) with its columns and indexes. */
    static TableMetadata table(String keyspace, SchemaRow row, List<SchemaRow> columnRows, List<SchemaRow> indexRows,
                               Map<String, UserTypeMetadata> types, boolean virtual) {
        String name = row.string("table_name");
        Map<String, IndexMetadata> indexes = new LinkedHashMap<>();
        for (SchemaRow i : ofTable(indexRows, keyspace, name)) {
            IndexMetadata index = new IndexMetadata(keyspace, name, i.string("index_name"), i.string("kind"),
                    i.stringMap("options"));
            indexes.put(index.name(), index);
        }
        return new TableMetadata(keyspace, name, virtual, columns(keyspace, name, columnRows, types), options(row),
                indexes);
    }

    static ViewMetadata view(String keyspace, SchemaRow row, List<SchemaRow> columnRows,
                             Map<String, UserTypeMetadata> types) {
        String name = row.string("view_name");
        return new ViewMetadata(keyspace, name, row.string("base_table_name"), row.bool("include_all_columns", false),
                row.string("where_clause"), columns(keyspace, name, columnRows, types), options(row));
    }

    private static List<SchemaRow> ofTable(List<SchemaRow> rows, String keyspace, String table) {
        return rows.stream().filter(r -> keyspace.equals(r.string("keyspace_name"))
                && table.equals(r.string("table_name"))).toList();
    }

    static List<ColumnMetadata> columns(String keyspace, String table, List<SchemaRow> rows,
                                        Map<String, UserTypeMetadata> types) {
        List<ColumnMetadata> out = new ArrayList<>();
        for (SchemaRow c : ofTable(rows, keyspace, table)) {
            ColumnKind kind = ColumnKind.valueOf(c.string("kind").toUpperCase(Locale.ROOT));
            String order = c.string("clustering_order");
            ClusteringOrder clustering = order == null ? ClusteringOrder.NONE
                    : ClusteringOrder.valueOf(order.toUpperCase(Locale.ROOT));
            out.add(new ColumnMetadata(c.string("column_name"), type(c.string("type"), keyspace, types), kind,
                    c.integer("position", -1), clustering));
        }
        return out;
    }

    /** Every table/view option of the row, values made immutable (maps sorted by key). */
    static Map<String, Object> options(SchemaRow row) {
        Map<String, Object> out = new TreeMap<>();
        for (String name : row.names()) {
            if (!NOT_OPTIONS.contains(name)) {
                out.put(name, immutable(row.get(name)));
            }
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object immutable(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new TreeMap<>();
            map.forEach((k, v) -> copy.put(k, immutable(v)));
            return java.util.Collections.unmodifiableMap(copy);
        }
        if (value instanceof Set<?> set) {
            return java.util.Collections.unmodifiableSet(new TreeSet<>((Set) set));
        }
        if (value instanceof Collection<?> list) {
            return List.copyOf(list);
        }
        if (value instanceof java.nio.ByteBuffer bytes) {
            return bytes.asReadOnlyBuffer();
        }
        return value;
    }

    static FunctionMetadata function(String keyspace, SchemaRow row, Map<String, UserTypeMetadata> types) {
        List<DataType> argumentTypes = types(row.strings("argument_types"), keyspace, types);
        FunctionSignature signature = new FunctionSignature(row.string("function_name"), cql(argumentTypes));
        return new FunctionMetadata(keyspace, signature, row.strings("argument_names"), argumentTypes,
                type(row.string("return_type"), keyspace, types), row.string("language"), row.string("body"),
                row.bool("called_on_null_input", false));
    }

    static AggregateMetadata aggregate(String keyspace, SchemaRow row, Map<String, UserTypeMetadata> types) {
        List<DataType> argumentTypes = types(row.strings("argument_types"), keyspace, types);
        FunctionSignature signature = new FunctionSignature(row.string("aggregate_name"), cql(argumentTypes));
        return new AggregateMetadata(keyspace, signature, argumentTypes, row.string("state_func"),
                type(row.string("state_type"), keyspace, types), row.string("final_func"), row.string("initcond"),
                type(row.string("return_type"), keyspace, types));
    }

    /** A function or aggregate signature from an event's argument types. */
    static FunctionSignature signature(String keyspace, String name, List<String> argumentTypes) {
        List<String> normalized = new ArrayList<>();
        for (String t : argumentTypes) {
            normalized.add(DataTypeCqlParser.parse(t, keyspace).asCql());
        }
        return new FunctionSignature(name, normalized);
    }

    private static List<String> cql(List<DataType> types) {
        return types.stream().map(DataType::asCql).toList();
    }

    private static List<DataType> types(List<String> cql, String keyspace, Map<String, UserTypeMetadata> types) {
        return cql.stream().map(t -> type(t, keyspace, types)).toList();
    }

    /** Parses a CQL type and resolves its user-defined types against the keyspace's. */
    static DataType type(String cql, String keyspace, Map<String, UserTypeMetadata> types) {
        return TypeResolver.resolve(DataTypeCqlParser.parse(cql, keyspace), name -> {
            UserTypeMetadata t = types.get(name);
            return t == null ? null : t.type();
        });
    }
}
