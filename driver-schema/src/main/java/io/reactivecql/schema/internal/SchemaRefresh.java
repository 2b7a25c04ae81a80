package io.reactivecql.schema.internal;

import io.reactivecql.schema.api.KeyspaceMetadata;
import io.reactivecql.schema.api.Metadata;
import io.reactivecql.schema.api.TableMetadata;
import io.reactivecql.schema.api.ViewMetadata;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The pure function {@code old snapshot + rows read for a target -> new snapshot}. Keyspaces (and
 * tables) equal to the old ones are kept as the old objects, so unchanged parts are shared and the
 * diff skips them by identity.
 */
final class SchemaRefresh {

    private SchemaRefresh() {
    }

    static Metadata apply(Metadata old, RefreshTarget target, SchemaRows rows, Predicate<String> include) {
        if (target instanceof RefreshTarget.Full) {
            Map<String, KeyspaceMetadata> fresh = SchemaParser.keyspaces(rows, include);
            Map<String, KeyspaceMetadata> out = new LinkedHashMap<>();
            fresh.forEach((name, ks) -> out.put(name, reuse(old.keyspaces().get(name), ks)));
            return new Metadata(out);
        }
        if (target instanceof RefreshTarget.Keyspace k) {
            SchemaRow row = rows.keyspaces().stream().filter(r -> k.keyspace().equals(r.string("keyspace_name")))
                    .findFirst().orElse(null);
            if (row == null) {
                return old.without(k.keyspace());
            }
            KeyspaceMetadata ks = SchemaParser.keyspace(k.keyspace(), row, rows);
            KeyspaceMetadata previous = old.keyspaces().get(k.keyspace());
            return ks.equals(previous) ? old : old.with(ks);
        }
        RefreshTarget.Table t = (RefreshTarget.Table) target;
        KeyspaceMetadata ks = old.keyspaces().get(t.keyspace());
        if (ks == null) {
            throw new IllegalStateException("table refresh of " + t + " without its keyspace");
        }
        Map<String, TableMetadata> tables = new LinkedHashMap<>(ks.tables());
        Map<String, ViewMetadata> views = new LinkedHashMap<>(ks.views());
        tables.remove(t.table());
        views.remove(t.table());
        for (SchemaRow row : rows.tables()) {
            TableMetadata table = SchemaParser.table(t.keyspace(), row, rows.columns(), rows.indexes(), ks.types(),
                    false);
            TableMetadata previous = ks.tables().get(table.name());
            tables.put(table.name(), table.equals(previous) ? previous : table);
        }
        for (SchemaRow row : rows.views()) {
            ViewMetadata view = SchemaParser.view(t.keyspace(), row, rows.columns(), ks.types());
            ViewMetadata previous = ks.views().get(view.name());
            views.put(view.name(), view.equals(previous) ? previous : view);
        }
        KeyspaceMetadata updated = new KeyspaceMetadata(ks.name(), ks.virtual(), ks.durableWrites(),
                ks.replication(), tables, views, ks.types(), ks.functions(), ks.aggregates());
        return updated.equals(ks) ? old : old.with(updated);
    }

    private static KeyspaceMetadata reuse(KeyspaceMetadata old, KeyspaceMetadata fresh) {
        return fresh.equals(old) ? old : fresh;
    }
}
