package io.reactivecql.schema.internal;

import java.util.List;

/**
 * The rows a refresh read, one list per {@code system_schema} table (empty when not read).
 */
record SchemaRows(List<SchemaRow> keyspaces, List<SchemaRow> tables, List<SchemaRow> columns,
                  List<SchemaRow> types, List<SchemaRow> functions, List<SchemaRow> aggregates,
                  List<SchemaRow> views, List<SchemaRow> indexes, List<SchemaRow> virtualKeyspaces,
                  List<SchemaRow> virtualTables, List<SchemaRow> virtualColumns) {

    static final SchemaRows NONE = new SchemaRows(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of(), List.of());

    SchemaRows {
        keyspaces = List.copyOf(keyspaces);
        tables = List.copyOf(tables);
        columns = List.copyOf(columns);
        types = List.copyOf(types);
        functions = List.copyOf(functions);
        aggregates = List.copyOf(aggregates);
        views = List.copyOf(views);
        indexes = List.copyOf(indexes);
        virtualKeyspaces = List.copyOf(virtualKeyspaces);
        virtualTables = List.copyOf(virtualTables);
        virtualColumns = List.copyOf(virtualColumns);
    }
}
