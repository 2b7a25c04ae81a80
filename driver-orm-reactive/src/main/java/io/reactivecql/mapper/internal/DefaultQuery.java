package io.reactivecql.mapper.internal;

import io.reactivecql.mapper.api.Order;
import io.reactivecql.mapper.api.Query;
import io.reactivecql.mapper.api.QueryOptions;
import io.reactivecql.mapper.api.QueryRefusedException;
import io.reactivecql.mapper.api.Relation;
import io.reactivecql.mapper.api.UpdateQuery;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The immutable query of {@link Query}. It is compiled (columns resolved, restrictions checked by
 * {@link QueryValidator}, CQL built, values converted) when a terminal method is subscribed to.
 */
final class DefaultQuery<T> implements Query<T> {

    /** What a terminal operation selects or does. */
    enum Kind { ROWS, COUNT, EXISTS, DELETE, UPDATE }

    /** A compiled statement: its CQL and bound values. */
    record Compiled(String cql, Object[] values) {
    }

    final DefaultReactiveRepository<T, ?> repository;
    private final List<Relation> relations;
    private final List<Map.Entry<String, Order>> orderings;
    private final int limit;
    private final int perPartitionLimit;
    private final boolean allowFiltering;
    final QueryOptions options;

    DefaultQuery(DefaultReactiveRepository<T, ?> repository) {
        this(repository, List.of(), List.of(), -1, -1, false, QueryOptions.defaults());
    }

    private DefaultQuery(DefaultReactiveRepository<T, ?> repository, List<Relation> relations,
                         List<Map.Entry<String, Order>> orderings, int limit, int perPartitionLimit,
                         boolean allowFiltering, QueryOptions options) {
        this.repository = repository;
        this.relations = relations;
        this.orderings = orderings;
        this.limit = limit;
        this.perPartitionLimit = perPartitionLimit;
        this.allowFiltering = allowFiltering;
        this.options = options;
    }

    private static <E> List<E> plus(List<E> list, E element) {
        List<E> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(element);
        return List.copyOf(copy);
    }

    @Override
    public Query<T> where(Relation relation) {
        Objects.requireNonNull(relation, "relation");
        return new DefaultQuery<>(repository, plus(relations, relation), orderings, limit, perPartitionLimit,
                allowFiltering, options);
    }

    @Override
    public Query<T> and(Relation relation) {
        return where(relation);
    }

    @Override
    public Query<T> orderBy(String column, Order order) {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(order, "order");
        return new DefaultQuery<>(repository, relations, plus(orderings, new AbstractMap.SimpleImmutableEntry<>(column,
                order)), limit, perPartitionLimit, allowFiltering, options);
    }

    @Override
    public Query<T> limit(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + rows);
        }
        return new DefaultQuery<>(repository, relations, orderings, rows, perPartitionLimit, allowFiltering, options);
    }

    @Override
    public Query<T> perPartitionLimit(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("per partition limit must be >= 1, was " + rows);
        }
        return new DefaultQuery<>(repository, relations, orderings, limit, rows, allowFiltering, options);
    }

    @Override
    public Query<T> allowFiltering() {
        return new DefaultQuery<>(repository, relations, orderings, limit, perPartitionLimit, true, options);
    }

    @Override
    public Query<T> options(QueryOptions newOptions) {
        Objects.requireNonNull(newOptions, "options");
        return new DefaultQuery<>(repository, relations, orderings, limit, perPartitionLimit, allowFiltering,
                newOptions);
    }

    /**
     * Resolves, checks and renders the query for {@code kind}.
     *
     * @throws QueryRefusedException when Cassandra would not serve it as asked
     * @throws IllegalArgumentException for an unknown column or a bad value
     */
    Compiled compile(Kind kind, int limitOverride, String updatePrefix, boolean onlyStaticUpdated) {
        EntityBinding<T> b = repository.binding;
        List<Slot> slots = new ArrayList<>(relations.size());
        for (Relation r : relations) {
            slots.add(new Slot(r.column() == null ? null : b.requireColumn(r.column()), r.operator()));
        }
        List<Map.Entry<BoundColumn, Order>> order = new ArrayList<>();
        for (Map.Entry<String, Order> o : orderings) {
            order.add(new AbstractMap.SimpleImmutableEntry<>(b.requireColumn(o.getKey()), o.getValue()));
        }
        if (kind != Kind.ROWS && !order.isEmpty()) {
            throw new IllegalArgumentException("ORDER BY applies to row queries only");
        }
        QueryValidator.Purpose purpose = kind == Kind.DELETE ? QueryValidator.Purpose.DELETE
                : kind == Kind.UPDATE ? QueryValidator.Purpose.UPDATE : QueryValidator.Purpose.SELECT;
        check(b, slots, order, purpose, onlyStaticUpdated, allowFiltering, null);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            values.add(slots.get(i).convert(relations.get(i).value(), "the value of " + relations.get(i)));
        }
        int effectiveLimit = limitOverride > 0 ? limitOverride : limit;
        String cql = switch (kind) {
            case ROWS -> Cql.select(b, b.selection, slots, order, perPartitionLimit > 0, effectiveLimit > 0,
                    allowFiltering);
            case COUNT -> Cql.select(b, "COUNT(*)", slots, List.of(), perPartitionLimit > 0, false, allowFiltering);
            case EXISTS -> Cql.select(b, b.primaryKey.get(0).cql(), slots, List.of(), perPartitionLimit > 0, true,
                    allowFiltering);
            case DELETE -> "DELETE FROM " + b.qualifiedTable + " WHERE " + Cql.where(slots, b);
            case UPDATE -> updatePrefix + " WHERE " + Cql.where(slots, b);
        };
        if (kind == Kind.ROWS || kind == Kind.COUNT || kind == Kind.EXISTS) {
            if (perPartitionLimit > 0) {
                values.add(perPartitionLimit);
            }
            if (kind == Kind.EXISTS) {
                values.add(1);
            } else if (kind == Kind.ROWS && effectiveLimit > 0) {
                values.add(effectiveLimit);
            }
        } else if (limit > 0 || perPartitionLimit > 0) {
            throw new IllegalArgumentException("limits apply to reads only, not to " + kind);
        }
        if ((kind == Kind.DELETE || kind == Kind.UPDATE) && slots.isEmpty()) {
            throw new IllegalArgumentException(kind + " needs restrictions on the primary key");
        }
        return new Compiled(cql, values.toArray());
    }

    /** Throws {@link QueryRefusedException} when the validator refuses the query. */
    static void check(EntityBinding<?> b, List<Slot> slots, List<Map.Entry<BoundColumn, Order>> order,
                      QueryValidator.Purpose purpose, boolean onlyStaticUpdated, boolean allowFiltering,
                      String method) {
        List<QueryValidator.Restricted> restricted = slots.stream().map(Slot::restricted).toList();
        List<QueryValidator.Ordering> orderings = order.stream()
                .map(e -> new QueryValidator.Ordering(e.getKey().column, e.getValue())).toList();
        QueryValidator.Verdict verdict = QueryValidator.check(b.table, restricted, orderings, purpose,
                onlyStaticUpdated);
        if (!verdict.allows(allowFiltering)) {
            String hint = verdict.needsFiltering()
                    ? (method != null ? ": Cassandra can only serve it with ALLOW FILTERING (end the method name with "
                    + "AllowFiltering or annotate it @AllowFiltering if that is intended)"
                    : ": Cassandra can only serve it with ALLOW FILTERING (call allowFiltering() if that is intended)")
                    : "";
            throw new QueryRefusedException("query refused: " + verdict.reason() + hint, verdict.needsFiltering(),
                    b.model.entityName(), verdict.column(), method);
        }
    }

    @Override
    public Flux<T> flux() {
        return Flux.defer(() -> {
            Compiled c = compile(Kind.ROWS, -1, null, false);
            return repository.selectMany(c.cql(), c.values(), options);
        });
    }

    @Override
    public Mono<T> first() {
        return Mono.defer(() -> {
            Compiled c = compile(Kind.ROWS, 1, null, false);
            return repository.selectMany(c.cql(), c.values(), options).next();
        });
    }

    @Override
    public Mono<Long> count() {
        return Mono.defer(() -> {
            Compiled c = compile(Kind.COUNT, -1, null, false);
            return repository.rows(c.cql(), c.values(), options).next().map(row -> row.getLong(0)).defaultIfEmpty(0L);
        });
    }

    @Override
    public Mono<Boolean> exists() {
        return Mono.defer(() -> {
            Compiled c = compile(Kind.EXISTS, -1, null, false);
            return repository.rows(c.cql(), c.values(), options).hasElements();
        });
    }

    @Override
    public Mono<Void> delete() {
        return Mono.defer(() -> {
            Compiled c = compile(Kind.DELETE, -1, null, false);
            return repository.write(c.cql(), c.values(), options, true).then();
        });
    }

    @Override
    public UpdateQuery<T> update() {
        return new DefaultUpdateQuery<>(this);
    }

    @Override
    public String cql() {
        return compile(Kind.ROWS, -1, null, false).cql();
    }

    @Override
    public String toString() {
        return "Query[" + repository.model.type.getSimpleName() + " where " + relations + "]";
    }
}
