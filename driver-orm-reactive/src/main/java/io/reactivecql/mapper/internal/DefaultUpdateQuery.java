package io.reactivecql.mapper.internal;

import io.reactivecql.mapper.api.Condition;
import io.reactivecql.mapper.api.UpdateQuery;
import io.reactivecql.protocol.types.ListType;
import io.reactivecql.protocol.types.MapType;
import io.reactivecql.protocol.types.SetType;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** The immutable UPDATE of {@link UpdateQuery}, compiled when {@link #execute()} is subscribed to. */
final class DefaultUpdateQuery<T> implements UpdateQuery<T> {

    private enum Op { SET, INCREMENT, ADD, REMOVE }

    private record Assignment(String column, Op op, Object value) {
    }

    private final DefaultQuery<T> query;
    private final List<Assignment> assignments;
    private final List<Condition> conditions;

    DefaultUpdateQuery(DefaultQuery<T> query) {
        this(query, List.of(), List.of());
    }

    private DefaultUpdateQuery(DefaultQuery<T> query, List<Assignment> assignments, List<Condition> conditions) {
        this.query = query;
        this.assignments = assignments;
        this.conditions = conditions;
    }

    private DefaultUpdateQuery<T> with(Assignment a) {
        List<Assignment> copy = new ArrayList<>(assignments);
        copy.add(a);
        return new DefaultUpdateQuery<>(query, List.copyOf(copy), conditions);
    }

    @Override
    public UpdateQuery<T> set(String column, Object value) {
        return with(new Assignment(Objects.requireNonNull(column, "column"), Op.SET, value));
    }

    @Override
    public UpdateQuery<T> increment(String counter, long delta) {
        return with(new Assignment(Objects.requireNonNull(counter, "counter"), Op.INCREMENT, delta));
    }

    @Override
    public UpdateQuery<T> decrement(String counter, long delta) {
        if (delta == Long.MIN_VALUE) {
            throw new IllegalArgumentException("delta out of range: " + delta);
        }
        return increment(counter, -delta);
    }

    @Override
    public UpdateQuery<T> add(String column, Object elements) {
        return with(new Assignment(Objects.requireNonNull(column, "column"), Op.ADD,
                Objects.requireNonNull(elements, "elements")));
    }

    @Override
    public UpdateQuery<T> remove(String column, Collection<?> elements) {
        return with(new Assignment(Objects.requireNonNull(column, "column"), Op.REMOVE,
                Objects.requireNonNull(elements, "elements")));
    }

    @Override
    public UpdateQuery<T> onlyIf(Condition... more) {
        List<Condition> copy = new ArrayList<>(conditions);
        copy.addAll(Arrays.asList(more));
        return new DefaultUpdateQuery<>(query, assignments, List.copyOf(copy));
    }

    private record Rendered(String cql, List<Object> values, boolean onlyStatic) {
    }

    private Rendered render() {
        if (assignments.isEmpty()) {
            throw new IllegalArgumentException("an update needs at least one assignment (set, increment, add, remove)");
        }
        EntityBinding<T> b = query.repository.binding;
        List<String> parts = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        boolean onlyStatic = true;
        boolean ttl = query.options.hasTtl();
        if (ttl) {
            values.add(query.options.ttlSeconds());
        }
        for (Assignment a : assignments) {
            BoundColumn c = b.requireColumn(a.column());
            if (c.property.isKey()) {
                throw new IllegalArgumentException("an update cannot set primary key column " + c.cql());
            }
            onlyStatic &= c.property.kind == PropertyKind.STATIC;
            switch (a.op()) {
                case SET -> {
                    if (c.property.counter) {
                        throw new IllegalArgumentException(c.cql() + " is a counter: use increment or decrement");
                    }
                    parts.add(c.cql() + " = ?");
                    values.add(c.toDriver(a.value()));
                }
                case INCREMENT -> {
                    if (!c.property.counter) {
                        throw new IllegalArgumentException(c.cql() + " is not a @Counter");
                    }
                    parts.add(c.cql() + " = " + c.cql() + " + ?");
                    values.add(a.value());
                }
                case ADD -> {
                    checkCollection(c);
                    parts.add(c.cql() + " = " + c.cql() + " + ?");
                    values.add(c.toDriver(collectionValue(c, a.value())));
                }
                case REMOVE -> {
                    checkCollection(c);
                    parts.add(c.cql() + " = " + c.cql() + " - ?");
                    if (c.column.type() instanceof MapType) {
                        values.add(Converter.convertAllToSet(c.converter.keyConverter(), (Collection<?>) a.value()));
                    } else {
                        values.add(c.toDriver(collectionValue(c, a.value())));
                    }
                }
            }
        }
        if (ttl && b.model.counterTable) {
            throw new IllegalArgumentException("counters cannot have a TTL");
        }
        String prefix = "UPDATE " + b.qualifiedTable + (ttl ? " USING TTL ?" : "") + " SET " + String.join(", ", parts);
        return new Rendered(prefix, values, onlyStatic);
    }

    /** {@code value} as the collection the column's codec takes (a set for a set column, a list for a list). */
    private static Object collectionValue(BoundColumn c, Object value) {
        if (c.column.type() instanceof MapType) {
            if (!(value instanceof java.util.Map<?, ?>)) {
                throw new IllegalArgumentException(c.cql() + " is a map: add a Map, not a "
                        + value.getClass().getName());
            }
            return value;
        }
        if (!(value instanceof Collection<?> col)) {
            throw new IllegalArgumentException(c.cql() + " is a " + c.column.type().asCql()
                    + ": give a collection, not a "
                    + value.getClass().getName());
        }
        if (c.column.type() instanceof SetType) {
            return value instanceof java.util.Set<?> ? value : new java.util.LinkedHashSet<>(col);
        }
        return value instanceof List<?> ? value : new ArrayList<>(col);
    }

    private static void checkCollection(BoundColumn c) {
        if (!(c.column.type() instanceof ListType || c.column.type() instanceof SetType
                || c.column.type() instanceof MapType)) {
            throw new IllegalArgumentException(c.cql() + " is not a collection (" + c.column.type().asCql() + ")");
        }
    }

    @Override
    public Mono<Boolean> execute() {
        return Mono.defer(() -> {
            Rendered r = render();
            DefaultQuery.Compiled where = query.compile(DefaultQuery.Kind.UPDATE, -1, r.cql(), r.onlyStatic());
            Conditions c = Conditions.of(query.repository.binding, conditions.toArray(new Condition[0]), null, null);
            String cql = where.cql() + (c.cql() == null ? "" : " " + c.cql());
            List<Object> values = new ArrayList<>(r.values());
            values.addAll(Arrays.asList(where.values()));
            values.addAll(c.values());
            boolean counter = assignments.stream().anyMatch(a -> a.op() == Op.INCREMENT);
            boolean idempotent = c == Conditions.NONE && !counter
                    && assignments.stream().noneMatch(a -> a.op() != Op.SET && isList(a));
            return query.repository.write(cql, values.toArray(), query.options, idempotent)
                    .map(page -> page.wasApplied());
        });
    }

    private boolean isList(Assignment a) {
        BoundColumn c = query.repository.binding.column(a.column());
        return c != null && c.column.type() instanceof ListType;
    }

    @Override
    public String cql() {
        Rendered r = render();
        DefaultQuery.Compiled where = query.compile(DefaultQuery.Kind.UPDATE, -1, r.cql(), r.onlyStatic());
        Conditions c = Conditions.of(query.repository.binding, conditions.toArray(new Condition[0]), null, null);
        return where.cql() + (c.cql() == null ? "" : " " + c.cql());
    }
}
