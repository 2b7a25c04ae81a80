package io.reactivecql.mapper.internal;

import io.reactivecql.mapper.api.Order;
import io.reactivecql.mapper.api.Relation.Operator;
import io.reactivecql.protocol.types.CqlIdentifiers;
import io.reactivecql.protocol.types.ListType;
import io.reactivecql.protocol.types.MapType;
import io.reactivecql.protocol.types.SetType;
import io.reactivecql.schema.api.ClusteringOrder;
import io.reactivecql.schema.api.ColumnKind;
import io.reactivecql.schema.api.ColumnMetadata;
import io.reactivecql.schema.api.IndexMetadata;
import io.reactivecql.schema.api.TableMetadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, from a table's primary key and indexes, whether Cassandra serves a query as written,
 * only with {@code ALLOW FILTERING}, or not at all. Mirrors Cassandra 4/5's restriction rules:
 * the partition key restricted by = or IN (or a token range), clustering columns as a prefix of =
 * / IN with at most a final range, other columns only through a supporting index; ORDER BY on
 * clustering columns of a single-partition query, in (or against) the declared order.
 */
final class QueryValidator {

    enum Purpose { SELECT, DELETE, UPDATE }

    /** A restriction on a column ({@code column} null for a token restriction). */
    record Restricted(ColumnMetadata column, Operator operator) {
    }

    record Ordering(ColumnMetadata column, Order order) {
    }

    /**
     * The outcome: {@link #ok()}, or refused with a reason; {@code needsFiltering} when
     * {@code ALLOW FILTERING} would make it valid.
     */
    record Verdict(boolean ok, boolean needsFiltering, String reason, String column) {
        static final Verdict OK = new Verdict(true, false, null, null);

        static Verdict filtering(String reason, String column) {
            return new Verdict(false, true, reason, column);
        }

        static Verdict invalid(String reason, String column) {
            return new Verdict(false, false, reason, column);
        }

        /** Whether the query may run given whether it asked for filtering. */
        boolean allows(boolean allowFiltering) {
            return ok || (needsFiltering && allowFiltering);
        }
    }

    private QueryValidator() {
    }

    /**
     * @param onlyStaticUpdated for an UPDATE, whether it sets static columns only (then the
     *                          clustering columns must not be restricted)
     */
    static Verdict check(TableMetadata table, List<Restricted> restrictions, List<Ordering> orderings,
                         Purpose purpose, boolean onlyStaticUpdated) {
        Map<String, List<Operator>> byColumn = new LinkedHashMap<>();
        boolean token = false;
        for (Restricted r : restrictions) {
            if (r.column() == null) {
                token = true;
                continue;
            }
            Verdict v = checkOperator(r.column(), r.operator());
            if (v != null) {
                return v;
            }
            byColumn.computeIfAbsent(r.column().name(), k -> new ArrayList<>()).add(r.operator());
        }
        for (Map.Entry<String, List<Operator>> e : byColumn.entrySet()) {
            List<Operator> ops = e.getValue();
            boolean slicesOnly = ops.stream().allMatch(Operator::isSlice);
            if (ops.size() > 1 && !(slicesOnly && ops.size() == 2 && oneLowerOneUpper(ops))) {
                return Verdict.invalid("column " + cql(e.getKey()) + " is restricted more than once: " + ops,
                        e.getKey());
            }
        }
        List<ColumnMetadata> pk = table.partitionKey();
        List<ColumnMetadata> cc = table.clusteringColumns();
        boolean pkAll = true;
        boolean pkAny = false;
        boolean pkIn = false;
        for (ColumnMetadata c : pk) {
            List<Operator> ops = byColumn.get(c.name());
            if (ops == null) {
                pkAll = false;
            } else {
                pkAny = true;
                Operator op = ops.get(0);
                if (op != Operator.EQ && op != Operator.IN) {
                    pkAll = false;
                }
                pkIn |= op == Operator.IN;
            }
        }
        if (token && pkAny) {
            return Verdict.invalid("a token range cannot be combined with restrictions on partition key columns", null);
        }
        return switch (purpose) {
            case SELECT -> checkSelect(table, byColumn, orderings, pk, cc, pkAll, pkAny, pkIn, token);
            case DELETE -> checkWrite(byColumn, pk, cc, pkAll, token, "DELETE", true, false);
            case UPDATE -> checkWrite(byColumn, pk, cc, pkAll, token, "UPDATE", false, onlyStaticUpdated);
        };
    }

    private static Verdict checkOperator(ColumnMetadata column, Operator op) {
        boolean collection = column.type() instanceof ListType || column.type() instanceof SetType
                || column.type() instanceof MapType;
        if (op == Operator.CONTAINS && !collection) {
            return Verdict.invalid("CONTAINS needs a list, set or map column, not " + column.type().asCql(),
                    column.name());
        }
        if (op == Operator.CONTAINS_KEY && !(column.type() instanceof MapType)) {
            return Verdict.invalid("CONTAINS KEY needs a map column, not " + column.type().asCql(), column.name());
        }
        if (op.isToken()) {
            return Verdict.invalid("token restrictions apply to the partition key as a whole", column.name());
        }
        return null;
    }

    private static boolean oneLowerOneUpper(List<Operator> ops) {
        boolean lower = ops.stream().anyMatch(o -> o == Operator.GT || o == Operator.GTE);
        boolean upper = ops.stream().anyMatch(o -> o == Operator.LT || o == Operator.LTE);
        return lower && upper;
    }

    private static Verdict checkSelect(TableMetadata table, Map<String, List<Operator>> byColumn,
                                       List<Ordering> orderings, List<ColumnMetadata> pk, List<ColumnMetadata> cc,
                                       boolean pkAll, boolean pkAny, boolean pkIn, boolean token) {
        Verdict filtering = null;
        int indexed = 0;
        boolean allSai = true;
        if (pkAny && !pkAll) {
            for (ColumnMetadata c : pk) {
                List<Operator> ops = byColumn.get(c.name());
                if (ops == null) {
                    continue;
                }
                IndexSupport index = indexFor(table, c, ops.get(0));
                if (index != null) {
                    indexed++;
                    allSai &= index.sai;
                } else {
                    filtering = first(filtering, Verdict.filtering("partition key column " + cql(c.name())
                            + " is restricted but the partition key " + names(pk)
                            + " is not wholly restricted by = or IN", c.name()));
                }
            }
        }
        boolean prefixOpen = true;
        String gap = null;
        boolean anyClustering = false;
        for (ColumnMetadata c : cc) {
            List<Operator> ops = byColumn.get(c.name());
            if (ops == null) {
                if (prefixOpen) {
                    gap = c.name();
                }
                prefixOpen = false;
                continue;
            }
            anyClustering = true;
            Operator op = ops.get(0);
            if (!prefixOpen) {
                IndexSupport index = indexFor(table, c, op);
                if (index != null) {
                    indexed++;
                    allSai &= index.sai;
                } else {
                    filtering = first(filtering, Verdict.filtering("clustering column " + cql(c.name())
                            + " is restricted but " + (gap == null ? "a clustering column before it is restricted by "
                            + "a range" : "clustering column " + cql(gap) + " before it is not"), c.name()));
                }
            } else if (op == Operator.CONTAINS || op == Operator.CONTAINS_KEY) {
                filtering = first(filtering, Verdict.filtering("clustering column " + cql(c.name())
                        + " is restricted by " + op.cql(), c.name()));
                prefixOpen = false;
            } else if (op.isSlice()) {
                prefixOpen = false;
            }
        }
        if (anyClustering && !pkAll && indexed == 0) {
            filtering = first(filtering, Verdict.filtering("clustering columns are restricted but the partition key "
                    + names(pk) + " is not", null));
        }
        for (ColumnMetadata c : table.columns()) {
            if (c.kind() != ColumnKind.REGULAR && c.kind() != ColumnKind.STATIC) {
                continue;
            }
            List<Operator> ops = byColumn.get(c.name());
            if (ops == null) {
                continue;
            }
            for (Operator op : ops) {
                IndexSupport index = indexFor(table, c, op);
                if (index == null) {
                    filtering = first(filtering, Verdict.filtering("column " + cql(c.name())
                            + " is not part of the primary key and no index supports " + op.cql() + " on it",
                            c.name()));
                } else {
                    indexed++;
                    allSai &= index.sai;
                }
            }
        }
        if (indexed > 1 && !allSai) {
            filtering = first(filtering, Verdict.filtering("several restrictions need secondary indexes: only one "
                    + "index serves a query, the others filter", null));
        }
        if (!orderings.isEmpty()) {
            Verdict order = checkOrdering(byColumn, orderings, pk, cc, pkAll, pkIn, indexed > 0, token);
            if (order != null) {
                return order;
            }
        }
        return filtering == null ? Verdict.OK : filtering;
    }

    private static Verdict checkOrdering(Map<String, List<Operator>> byColumn, List<Ordering> orderings,
                                         List<ColumnMetadata> pk, List<ColumnMetadata> cc, boolean pkAll,
                                         boolean pkIn, boolean indexQuery, boolean token) {
        if (!pkAll || token) {
            return Verdict.invalid("ORDER BY needs every partition key column " + names(pk)
                    + " restricted by = or IN", null);
        }
        if (pkIn) {
            return Verdict.invalid("ORDER BY with IN on the partition key cannot be paged: sort on the client, or "
                    + "query the partitions one by one", null);
        }
        if (indexQuery) {
            return Verdict.invalid("ORDER BY is not supported with secondary index queries", null);
        }
        int next = 0;
        Boolean reversed = null;
        for (Ordering o : orderings) {
            ColumnMetadata c = o.column();
            if (c.kind() != ColumnKind.CLUSTERING) {
                return Verdict.invalid("ORDER BY works on clustering columns only (" + names(cc) + "), not "
                        + cql(c.name()), c.name());
            }
            for (int p = next; p < c.position(); p++) {
                ColumnMetadata skipped = cc.get(p);
                List<Operator> ops = byColumn.get(skipped.name());
                if (ops == null || ops.get(0) != Operator.EQ) {
                    return Verdict.invalid("ORDER BY must follow the clustering order " + names(cc)
                            + ": " + cql(skipped.name()) + " comes first (or restrict it by =)", c.name());
                }
            }
            if (c.position() < next) {
                return Verdict.invalid("ORDER BY must follow the clustering order " + names(cc), c.name());
            }
            next = c.position() + 1;
            boolean declaredDesc = c.order() == ClusteringOrder.DESC;
            boolean wantDesc = o.order() == Order.DESC;
            boolean rev = declaredDesc != wantDesc;
            if (reversed != null && reversed != rev) {
                return Verdict.invalid("ORDER BY must be the clustering order or its exact reverse", c.name());
            }
            reversed = rev;
        }
        return null;
    }

    private static Verdict checkWrite(Map<String, List<Operator>> byColumn, List<ColumnMetadata> pk,
                                      List<ColumnMetadata> cc, boolean pkAll, boolean token, String what,
                                      boolean rangesAllowed, boolean onlyStatic) {
        if (token) {
            return Verdict.invalid(what + " cannot use a token range", null);
        }
        if (!pkAll) {
            return Verdict.invalid(what + " needs every partition key column " + names(pk)
                    + " restricted by = or IN", null);
        }
        boolean prefixOpen = true;
        for (ColumnMetadata c : cc) {
            List<Operator> ops = byColumn.get(c.name());
            if (ops == null) {
                if (!rangesAllowed && !onlyStatic) {
                    return Verdict.invalid(what + " needs every clustering column " + names(cc)
                            + " restricted by = or IN", c.name());
                }
                prefixOpen = false;
                continue;
            }
            if (onlyStatic) {
                return Verdict.invalid(what + " of static columns only must not restrict clustering columns",
                        c.name());
            }
            if (!prefixOpen) {
                return Verdict.invalid(what + " restricts clustering column " + cql(c.name())
                        + " but not the ones before it", c.name());
            }
            Operator op = ops.get(0);
            if (op.isSlice()) {
                if (!rangesAllowed) {
                    return Verdict.invalid(what + " cannot restrict clustering column " + cql(c.name())
                            + " by a range", c.name());
                }
                prefixOpen = false;
            } else if (op != Operator.EQ && op != Operator.IN) {
                return Verdict.invalid(what + " cannot restrict " + cql(c.name()) + " by " + op.cql(), c.name());
            }
        }
        for (String column : byColumn.keySet()) {
            boolean key = pk.stream().anyMatch(c -> c.name().equals(column))
                    || cc.stream().anyMatch(c -> c.name().equals(column));
            if (!key) {
                return Verdict.invalid(what + " can only restrict primary key columns, not " + cql(column)
                        + " (use a condition instead)", column);
            }
        }
        return Verdict.OK;
    }

    /** How an index serves a restriction. */
    private record IndexSupport(boolean sai) {
    }

    /** The index of {@code table} that serves {@code op} on {@code column}, or null. */
    private static IndexSupport indexFor(TableMetadata table, ColumnMetadata column, Operator op) {
        boolean collection = column.type() instanceof ListType || column.type() instanceof SetType
                || column.type() instanceof MapType;
        for (IndexMetadata index : table.indexes().values()) {
            String target = index.target();
            String kind = "values";
            String name = target;
            int paren = target.indexOf('(');
            if (paren > 0 && target.endsWith(")")) {
                kind = target.substring(0, paren).trim().toLowerCase(java.util.Locale.ROOT);
                name = target.substring(paren + 1, target.length() - 1).trim();
            }
            if (!CqlIdentifiers.fromCql(name).equals(column.name()) && !name.equals(column.name())) {
                continue;
            }
            String className = index.className() == null ? "" : index.className();
            boolean sai = index.isCustom() && (className.endsWith("StorageAttachedIndex") || className.equals("sai"));
            boolean sasi = index.isCustom() && className.endsWith("SASIIndex");
            boolean served = switch (op) {
                case EQ -> !collection ? kind.equals("values") : kind.equals("full");
                case GT, GTE, LT, LTE -> (sai || sasi) && !collection && kind.equals("values");
                case CONTAINS -> collection && kind.equals("values");
                case CONTAINS_KEY -> kind.equals("keys");
                default -> false;
            };
            if (served) {
                return new IndexSupport(sai);
            }
        }
        return null;
    }

    private static Verdict first(Verdict current, Verdict candidate) {
        return current == null ? candidate : current;
    }

    private static String cql(String internal) {
        return CqlIdentifiers.quoteIfNeeded(internal);
    }

    private static String names(List<ColumnMetadata> columns) {
        return columns.stream().map(c -> cql(c.name())).toList().toString();
    }
}
