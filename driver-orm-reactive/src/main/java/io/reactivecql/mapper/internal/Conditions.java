package io.reactivecql.mapper.internal;

import io.reactivecql.mapper.api.Condition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The {@code IF} clause of a conditional write, and the values of its markers. */
record Conditions(String cql, List<Object> values) {

    static final Conditions NONE = new Conditions(null, List.of());

    /**
     * The clause of {@code conditions}, plus {@code version = ?} first when {@code version} is not null.
     *
     * @throws IllegalArgumentException for an unknown column, or IF EXISTS mixed with other conditions
     */
    static Conditions of(EntityBinding<?> binding, Condition[] conditions, BoundColumn version, Object expected) {
        if (conditions.length == 0 && version == null) {
            return NONE;
        }
        List<String> parts = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (version != null) {
            parts.add(version.cql() + " = ?");
            values.add(version.toDriver(expected));
        }
        boolean exists = false;
        for (Condition c : conditions) {
            if (c == null) {
                throw new IllegalArgumentException("a condition is null");
            }
            if (c.isExists()) {
                exists = true;
                continue;
            }
            BoundColumn column = binding.requireColumn(c.column());
            if (column.property.isKey()) {
                throw new IllegalArgumentException("a condition cannot test primary key column " + column.cql());
            }
            parts.add(column.cql() + " " + c.operator() + " ?");
            if (c.value() instanceof Collection<?> list && c.operator().equals("IN")) {
                values.add(Converter.convertAll(column.converter, list));
            } else {
                values.add(column.toDriver(c.value()));
            }
        }
        if (exists) {
            if (!parts.isEmpty()) {
                throw new IllegalArgumentException("IF EXISTS cannot be combined with other conditions"
                        + (version != null ? " (the entity is @Version-ed: its version is checked already)" : ""));
            }
            return new Conditions("IF EXISTS", List.of());
        }
        return new Conditions("IF " + String.join(" AND ", parts), values);
    }
}
