package io.reactivecql.mapper.api;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A condition of a conditional write ({@code IF ...}, a lightweight transaction), for
 * {@link ReactiveRepository#update(Object, Condition...)},
 * {@link ReactiveRepository#delete(Object, Condition...)} and {@link UpdateQuery}. Columns are named
 * by field or column name. Immutable.
 *
 * <pre>{@code
 * repo.update(product, Condition.ifEq("price", oldPrice)).map(WriteResult::wasApplied);
 * }</pre>
 */
public final class Condition {

    private final String column;
    private final String operator;
    private final Object value;

    private Condition(String column, String operator, Object value) {
        this.column = column;
        this.operator = operator;
        this.value = value;
    }

    private static Condition on(String column, String operator, Object value) {
        return new Condition(Objects.requireNonNull(column, "column"), operator, value);
    }

    /** {@code IF EXISTS}: only when the row exists (alone: it mixes with no other condition). */
    public static Condition ifExists() {
        return new Condition(null, "EXISTS", null);
    }

    /** {@code IF column = value} (null: the column is NULL). */
    public static Condition ifEq(String column, Object value) {
        return on(column, "=", value);
    }

    /** {@code IF column != value}. */
    public static Condition ifNe(String column, Object value) {
        return on(column, "!=", value);
    }

    /** {@code IF column > value}. */
    public static Condition ifGt(String column, Object value) {
        return on(column, ">", Objects.requireNonNull(value, "value"));
    }

    /** {@code IF column >= value}. */
    public static Condition ifGte(String column, Object value) {
        return on(column, ">=", Objects.requireNonNull(value, "value"));
    }

    /** {@code IF column < value}. */
    public static Condition ifLt(String column, Object value) {
        return on(column, "<", Objects.requireNonNull(value, "value"));
    }

    /** {@code IF column <= value}. */
    public static Condition ifLte(String column, Object value) {
        return on(column, "<=", Objects.requireNonNull(value, "value"));
    }

    /** {@code IF column IN (values)}. */
    public static Condition ifIn(String column, Collection<?> values) {
        Objects.requireNonNull(values, "values");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("IF " + column + " IN needs at least one value");
        }
        return on(column, "IN", List.copyOf(values));
    }

    /** The field or column name; null for {@code IF EXISTS}. */
    public String column() {
        return column;
    }

    /** The operator as CQL writes it ({@code EXISTS} for {@link #ifExists()}). */
    public String operator() {
        return operator;
    }

    /** The value (a list for {@code IN}); null for {@code IF EXISTS}. */
    public Object value() {
        return value;
    }

    /** Whether this is {@code IF EXISTS}. */
    public boolean isExists() {
        return column == null;
    }

    @Override
    public String toString() {
        return isExists() ? "IF EXISTS" : "IF " + column + " " + operator + " " + value;
    }
}
