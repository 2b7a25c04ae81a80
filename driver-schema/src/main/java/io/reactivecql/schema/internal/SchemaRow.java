package io.reactivecql.schema.internal;

import io.reactivecql.api.result.Row;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code system_schema} row, decoded eagerly (so no page is retained) into column name to
 * value; NULL columns are absent.
 */
record SchemaRow(Map<String, Object> values) {

    SchemaRow {
        values = Collections.unmodifiableMap(new HashMap<>(values));
    }

    static SchemaRow of(Row row) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
            if (!row.isNull(i)) {
                values.put(row.columnDefinitions().get(i).name(), row.getObject(i));
            }
        }
        return new SchemaRow(values);
    }

    Set<String> names() {
        return values.keySet();
    }

    Object get(String name) {
        return values.get(name);
    }

    String string(String name) {
        Object v = values.get(name);
        return v == null ? null : v.toString();
    }

    boolean bool(String name, boolean ifNull) {
        Object v = values.get(name);
        return v == null ? ifNull : (Boolean) v;
    }

    int integer(String name, int ifNull) {
        Object v = values.get(name);
        return v == null ? ifNull : ((Number) v).intValue();
    }

    @SuppressWarnings("unchecked")
    List<String> strings(String name) {
        Object v = values.get(name);
        return v == null ? List.of() : List.copyOf((java.util.Collection<String>) v);
    }

    @SuppressWarnings("unchecked")
    Map<String, String> stringMap(String name) {
        Object v = values.get(name);
        return v == null ? Map.of() : (Map<String, String>) v;
    }
}
