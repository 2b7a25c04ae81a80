package io.reactivecql.schema.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hand-made system_schema rows, as Cassandra 5.0 stores them. */
final class Rows {

    final List<SchemaRow> keyspaces = new ArrayList<>();
    final List<SchemaRow> tables = new ArrayList<>();
    final List<SchemaRow> columns = new ArrayList<>();
    final List<SchemaRow> types = new ArrayList<>();
    final List<SchemaRow> functions = new ArrayList<>();
    final List<SchemaRow> aggregates = new ArrayList<>();
    final List<SchemaRow> views = new ArrayList<>();
    final List<SchemaRow> indexes = new ArrayList<>();
    final List<SchemaRow> virtualKeyspaces = new ArrayList<>();
    final List<SchemaRow> virtualTables = new ArrayList<>();
    final List<SchemaRow> virtualColumns = new ArrayList<>();

    static SchemaRow row(Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                values.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return new SchemaRow(values);
    }

    Rows withoutKeyspaces() {
        keyspaces.clear();
        return this;
    }

    SchemaRows build() {
        return new SchemaRows(keyspaces, tables, columns, types, functions, aggregates, views, indexes,
                virtualKeyspaces, virtualTables, virtualColumns);
    }

    Rows keyspace(String name, boolean durable) {
        keyspaces.add(row("keyspace_name", name, "durable_writes", durable, "replication",
                Map.of("class", "org.apache.cassandra.locator.SimpleStrategy", "replication_factor", "1")));
        return this;
    }

    /** A table with the options Cassandra 5.0 writes by default (some of them). */
    Rows table(String ks, String name, Map<String, Object> overrides) {
        Map<String, Object> values = new LinkedHashMap<>(defaultOptions());
        values.putAll(overrides);
        values.put("keyspace_name", ks);
        values.put("table_name", name);
        values.put("id", java.util.UUID.randomUUID());
        values.put("flags", Set.of("compound"));
        tables.add(new SchemaRow(values));
        return this;
    }

    static Map<String, Object> defaultOptions() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("bloom_filter_fp_chance", 0.01);
        o.put("caching", Map.of("keys", "ALL", "rows_per_partition", "NONE"));
        o.put("comment", "");
        o.put("compaction", Map.of("class", "org.apache.cassandra.db.compaction.SizeTieredCompactionStrategy",
                "max_threshold", "32", "min_threshold", "4"));
        o.put("default_time_to_live", 0);
        o.put("extensions", Map.of());
        o.put("gc_grace_seconds", 864000);
        o.put("speculative_retry", "99p");
        return o;
    }

    Rows column(String ks, String table, String name, String kind, int position, String order, String type) {
        columns.add(row("keyspace_name", ks, "table_name", table, "column_name", name, "kind", kind,
                "position", position, "clustering_order", order, "type", type));
        return this;
    }

    Rows type(String ks, String name, List<String> fieldNames, List<String> fieldTypes) {
        types.add(row("keyspace_name", ks, "type_name", name, "field_names", fieldNames, "field_types", fieldTypes));
        return this;
    }

    Rows function(String ks, String name, List<String> argNames, List<String> argTypes, String returnType,
                  String body, boolean calledOnNull) {
        functions.add(row("keyspace_name", ks, "function_name", name, "argument_names", argNames,
                "argument_types", argTypes, "return_type", returnType, "language", "java", "body", body,
                "called_on_null_input", calledOnNull));
        return this;
    }

    Rows aggregate(String ks, String name, List<String> argTypes, String stateFunc, String stateType,
                   String finalFunc, String initCond, String returnType) {
        aggregates.add(row("keyspace_name", ks, "aggregate_name", name, "argument_types", argTypes,
                "state_func", stateFunc, "state_type", stateType, "final_func", finalFunc, "initcond", initCond,
                "return_type", returnType));
        return this;
    }

    Rows view(String ks, String name, String base, boolean all, String where, Map<String, Object> overrides) {
        Map<String, Object> values = new LinkedHashMap<>(defaultOptions());
        values.putAll(overrides);
        values.put("keyspace_name", ks);
        values.put("view_name", name);
        values.put("base_table_name", base);
        values.put("base_table_id", java.util.UUID.randomUUID());
        values.put("include_all_columns", all);
        values.put("where_clause", where);
        views.add(new SchemaRow(values));
        return this;
    }

    Rows index(String ks, String table, String name, String kind, Map<String, String> options) {
        indexes.add(row("keyspace_name", ks, "table_name", table, "index_name", name, "kind", kind,
                "options", options));
        return this;
    }

    /** The sample keyspace "shop" used across unit tests. */
    static Rows shop() {
        Rows r = new Rows().keyspace("shop", true);
        r.type("shop", "address", List.of("street", "zip"), List.of("text", "int"));
        r.type("shop", "Customer", List.of("name", "home", "others"),
                List.of("text", "frozen<address>", "list<frozen<address>>"));
        r.table("shop", "orders", Map.of("comment", "all orders", "gc_grace_seconds", 3600));
        r.column("shop", "orders", "id", "partition_key", 0, "none", "uuid");
        r.column("shop", "orders", "day", "partition_key", 1, "none", "date");
        r.column("shop", "orders", "at", "clustering", 0, "desc", "timestamp");
        r.column("shop", "orders", "Line", "clustering", 1, "asc", "int");
        r.column("shop", "orders", "who", "regular", -1, "none", "frozen<\"Customer\">");
        r.column("shop", "orders", "tags", "regular", -1, "none", "map<text, int>");
        r.column("shop", "orders", "note", "static", -1, "none", "text");
        r.index("shop", "orders", "orders_tags", "COMPOSITES", Map.of("target", "keys(tags)"));
        r.index("shop", "orders", "orders_note", "CUSTOM", Map.of("target", "note",
                "class_name", "org.apache.cassandra.index.sai.StorageAttachedIndex", "case_sensitive", "false"));
        r.view("shop", "orders_by_day", "orders", true, "day IS NOT NULL AND id IS NOT NULL AND at IS NOT NULL "
                + "AND \"Line\" IS NOT NULL", Map.of());
        r.column("shop", "orders_by_day", "day", "partition_key", 0, "none", "date");
        r.column("shop", "orders_by_day", "id", "clustering", 0, "asc", "uuid");
        r.column("shop", "orders_by_day", "at", "clustering", 1, "desc", "timestamp");
        r.column("shop", "orders_by_day", "Line", "clustering", 2, "asc", "int");
        r.column("shop", "orders_by_day", "who", "regular", -1, "none", "frozen<\"Customer\">");
        r.function("shop", "plus", List.of("a", "b"), List.of("int", "int"), "int", "return a + b;", false);
        r.aggregate("shop", "total", List.of("int"), "plus", "int", null, "0", "int");
        return r;
    }
}
