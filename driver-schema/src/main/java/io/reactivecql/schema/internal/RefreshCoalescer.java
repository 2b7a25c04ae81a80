package io.reactivecql.schema.internal;

import io.reactivecql.protocol.response.event.SchemaChange;
import io.reactivecql.protocol.response.event.SchemaChangeEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns a batch of SCHEMA_CHANGE events into the fewest refresh targets that cover them: a table
 * event refreshes that table (or view), a keyspace, type, function or aggregate event refreshes its
 * keyspace (a type change can alter tables); a keyspace with more than {@code maxTablesPerKeyspace}
 * table events, or more than {@code maxKeyspaces} keyspaces touched, escalates. Pure.
 */
final class RefreshCoalescer {

    static final int MAX_TABLES_PER_KEYSPACE = 8;
    static final int MAX_KEYSPACES = 8;

    private RefreshCoalescer() {
    }

    static List<RefreshTarget> coalesce(List<SchemaChangeEvent> events, Predicate<String> include) {
        Set<String> wholeKeyspaces = new LinkedHashSet<>();
        Map<String, Set<String>> tables = new LinkedHashMap<>();
        for (SchemaChangeEvent event : events) {
            SchemaChange c = event.change();
            if (!include.test(c.keyspace())) {
                continue;
            }
            if (c.target() == SchemaChange.Target.TABLE) {
                tables.computeIfAbsent(c.keyspace(), k -> new LinkedHashSet<>()).add(c.name());
            } else {
                wholeKeyspaces.add(c.keyspace());
            }
        }
        tables.forEach((ks, names) -> {
            if (names.size() > MAX_TABLES_PER_KEYSPACE) {
                wholeKeyspaces.add(ks);
            }
        });
        Set<String> touched = new LinkedHashSet<>(wholeKeyspaces);
        touched.addAll(tables.keySet());
        if (touched.size() > MAX_KEYSPACES) {
            return List.of(new RefreshTarget.Full());
        }
        List<RefreshTarget> out = new ArrayList<>();
        wholeKeyspaces.forEach(ks -> out.add(new RefreshTarget.Keyspace(ks)));
        tables.forEach((ks, names) -> {
            if (!wholeKeyspaces.contains(ks)) {
                names.forEach(t -> out.add(new RefreshTarget.Table(ks, t)));
            }
        });
        return out;
    }
}
