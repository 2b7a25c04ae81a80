package io.reactivecql.schema.internal;

import io.reactivecql.schema.api.IndexMetadata;
import io.reactivecql.schema.api.KeyspaceMetadata;
import io.reactivecql.schema.api.Metadata;
import io.reactivecql.schema.api.SchemaChange;
import io.reactivecql.schema.api.SchemaElement;
import io.reactivecql.schema.api.TableMetadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The changes between two snapshots. Pure. Keyspaces are compared on their own attributes
 * (replication, durable writes), tables without their indexes, and each element kind separately, so
 * one DDL statement gives one change (plus the changes it really causes, e.g. a type change alters
 * the tables using the type). A created keyspace comes before its elements; a dropped one after.
 */
final class SchemaDiff {

    private SchemaDiff() {
    }

    static List<SchemaChange> diff(Metadata before, Metadata after) {
        List<SchemaChange> out = new ArrayList<>();
        Set<String> names = new TreeSet<>(before.keyspaces().keySet());
        names.addAll(after.keyspaces().keySet());
        for (String name : names) {
            KeyspaceMetadata o = before.keyspaces().get(name);
            KeyspaceMetadata n = after.keyspaces().get(name);
            if (o == n) {
                continue;
            }
            if (o == null) {
                out.add(SchemaChange.created(n));
                n.elements().forEach(e -> out.add(SchemaChange.created(e)));
            } else if (n == null) {
                List<SchemaElement> elements = o.elements().toList();
                for (int i = elements.size() - 1; i >= 0; i--) {
                    out.add(SchemaChange.dropped(elements.get(i)));
                }
                out.add(SchemaChange.dropped(o));
            } else {
                out.addAll(diff(o, n));
            }
        }
        return out;
    }

    /** The changes within one keyspace present before and after. */
    static List<SchemaChange> diff(KeyspaceMetadata o, KeyspaceMetadata n) {
        List<SchemaChange> out = new ArrayList<>();
        if (!o.withoutElements().equals(n.withoutElements())) {
            out.add(SchemaChange.updated(o, n));
        }
        elements(o.types(), n.types(), e -> e, out);
        elements(o.functions(), n.functions(), e -> e, out);
        elements(o.aggregates(), n.aggregates(), e -> e, out);
        elements(o.tables(), n.tables(), TableMetadata::withoutIndexes, out);
        elements(indexes(o), indexes(n), e -> e, out);
        elements(o.views(), n.views(), e -> e, out);
        return out;
    }

    private static Map<String, IndexMetadata> indexes(KeyspaceMetadata ks) {
        Map<String, IndexMetadata> out = new LinkedHashMap<>();
        ks.indexes().forEach(i -> out.put(i.table() + "." + i.name(), i));
        return out;
    }

    private static <K, V extends SchemaElement> void elements(Map<K, V> before, Map<K, V> after,
                                                              Function<? super V, ?> comparable, List<SchemaChange> out) {
        Set<K> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (K key : keys) {
            V o = before.get(key);
            V n = after.get(key);
            if (o == null) {
                out.add(SchemaChange.created(n));
            } else if (n == null) {
                out.add(SchemaChange.dropped(o));
            } else if (o != n && !Objects.equals(comparable.apply(o), comparable.apply(n))) {
                out.add(SchemaChange.updated(o, n));
            }
        }
    }
}
