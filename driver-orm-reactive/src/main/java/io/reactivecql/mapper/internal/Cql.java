package io.reactivecql.mapper.internal;

import io.reactivecql.mapper.api.Order;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** CQL text of the mapper's statements; computed once per shape, never per row. */
final class Cql {

    private Cql() {
    }

    static String where(List<BoundColumn> columns) {
        return columns.stream().map(c -> c.cql() + " = ?").collect(Collectors.joining(" AND "));
    }

    static String where(List<Slot> slots, EntityBinding<?> binding) {
        return slots.stream().map(s -> s.cql(binding)).collect(Collectors.joining(" AND "));
    }

    /** {@code INSERT INTO t (all columns) VALUES (...) [IF NOT EXISTS] [USING TTL ?]}. */
    static String insert(EntityBinding<?> b, boolean ifNotExists, boolean ttl) {
        String markers = b.columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        return "INSERT INTO " + b.qualifiedTable + " (" + b.selection + ") VALUES (" + markers + ")"
                + (ifNotExists ? " IF NOT EXISTS" : "") + (ttl ? " USING TTL ?" : "");
    }

    /**
     * {@code UPDATE t [USING TTL ?] SET (columns) = ? WHERE key = ? [IF conditions]}; markers: TTL,
     * the set columns, the key, the conditions.
     */
    static String update(EntityBinding<?> b, List<BoundColumn> set, boolean ttl, String conditions) {
        String assignments = set.stream().map(c -> c.cql() + " = ?").collect(Collectors.joining(", "));
        return "UPDATE " + b.qualifiedTable + (ttl ? " USING TTL ?" : "") + " SET " + assignments + " WHERE "
                + where(b.primaryKey) + (conditions == null ? "" : " " + conditions);
    }

    static String delete(EntityBinding<?> b, String conditions) {
        return "DELETE FROM " + b.qualifiedTable + " WHERE " + where(b.primaryKey)
                + (conditions == null ? "" : " " + conditions);
    }

    static String selectById(EntityBinding<?> b) {
        return "SELECT " + b.selection + " FROM " + b.qualifiedTable + " WHERE " + where(b.primaryKey);
    }

    static String existsById(EntityBinding<?> b) {
        return "SELECT " + b.primaryKey.get(0).cql() + " FROM " + b.qualifiedTable + " WHERE " + where(b.primaryKey)
                + " LIMIT 1";
    }

    static String increment(EntityBinding<?> b, BoundColumn counter) {
        return "UPDATE " + b.qualifiedTable + " SET " + counter.cql() + " = " + counter.cql() + " + ? WHERE "
                + where(b.primaryKey);
    }

    /**
     * A SELECT of {@code selection} with optional WHERE, ORDER BY, PER PARTITION LIMIT ?, LIMIT ? and
     * ALLOW FILTERING.
     */
    static String select(EntityBinding<?> b, String selection, List<Slot> slots,
                         List<Map.Entry<BoundColumn, Order>> orderings, boolean perPartitionLimit, boolean limit,
                         boolean allowFiltering) {
        StringBuilder sb = new StringBuilder("SELECT ").append(selection).append(" FROM ").append(b.qualifiedTable);
        if (!slots.isEmpty()) {
            sb.append(" WHERE ").append(where(slots, b));
        }
        if (!orderings.isEmpty()) {
            sb.append(" ORDER BY ").append(orderings.stream().map(e -> e.getKey().cql() + " " + e.getValue().name())
                    .collect(Collectors.joining(", ")));
        }
        if (perPartitionLimit) {
            sb.append(" PER PARTITION LIMIT ?");
        }
        if (limit) {
            sb.append(" LIMIT ?");
        }
        if (allowFiltering) {
            sb.append(" ALLOW FILTERING");
        }
        return sb.toString();
    }
}
