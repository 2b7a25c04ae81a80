package io.reactivecql.mapper.api;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One restriction of a {@link Query}'s {@code WHERE} clause. Columns are named by their Java field
 * name or their column name. Import the factories statically:
 *
 * <pre>{@code
 * import static io.reactivecql.mapper.api.Relation.*;
 *
 * repo.query().where(eq("user_id", id)).and(gt("ts", since)).flux();
 * }</pre>
 *
 * Values are converted like the field's values (an enum to its name, a {@link Udt} object to its
 * UDT value) and bound to the prepared statement. Immutable.
 */
public final class Relation {

    /** The operator of a restriction. */
    public enum Operator {
        EQ("="), IN("IN"), GT(">"), GTE(">="), LT("<"), LTE("<="), CONTAINS("CONTAINS"),
        CONTAINS_KEY("CONTAINS KEY"),
        /** {@code token(partition key) > ?} and its siblings: the column is the whole partition key. */
        TOKEN_GT(">"), TOKEN_GTE(">="), TOKEN_LT("<"), TOKEN_LTE("<=");

        private final String cql;

        Operator(String cql) {
            this.cql = cql;
        }

        /** The operator as CQL writes it. */
        public String cql() {
            return cql;
        }

        /** Whether this is a range operator ({@code > >= < <=}) on a column. */
        public boolean isSlice() {
            return this == GT || this == GTE || this == LT || this == LTE;
        }

        /** Whether this restricts the token of the partition key. */
        public boolean isToken() {
            return this == TOKEN_GT || this == TOKEN_GTE || this == TOKEN_LT || this == TOKEN_LTE;
        }
    }

    private final String column;
    private final Operator operator;
    private final Object value;

    private Relation(String column, Operator operator, Object value) {
        this.column = column;
        this.operator = Objects.requireNonNull(operator, "operator");
        this.value = value;
    }

    private static Relation on(String column, Operator operator, Object value) {
        Objects.requireNonNull(column, "column");
        if (value == null) {
            throw new IllegalArgumentException("the value of " + column + " " + operator.cql()
                    + " is null (CQL cannot restrict a column to NULL)");
        }
        return new Relation(column, operator, value);
    }

    /** {@code column = value}. */
    public static Relation eq(String column, Object value) {
        return on(column, Operator.EQ, value);
    }

    /** {@code column IN (values)}. */
    public static Relation in(String column, Collection<?> values) {
        Objects.requireNonNull(values, "values");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("IN on " + column + " needs at least one value");
        }
        return on(column, Operator.IN, List.copyOf(values));
    }

    /** {@code column IN (values)}. */
    public static Relation in(String column, Object... values) {
        return in(column, List.of(values));
    }

    /** {@code column > value}. */
    public static Relation gt(String column, Object value) {
        return on(column, Operator.GT, value);
    }

    /** {@code column >= value}. */
    public static Relation gte(String column, Object value) {
        return on(column, Operator.GTE, value);
    }

    /** {@code column < value}. */
    public static Relation lt(String column, Object value) {
        return on(column, Operator.LT, value);
    }

    /** {@code column <= value}. */
    public static Relation lte(String column, Object value) {
        return on(column, Operator.LTE, value);
    }

    /** {@code column CONTAINS element} (a list, set or map column; for a map, its values). */
    public static Relation contains(String column, Object element) {
        return on(column, Operator.CONTAINS, element);
    }

    /** {@code column CONTAINS KEY key} (a map column). */
    public static Relation containsKey(String column, Object key) {
        return on(column, Operator.CONTAINS_KEY, key);
    }

    /** {@code token(partition key) > token} (a {@code long} for the Murmur3 partitioner). */
    public static Relation tokenGt(Object token) {
        return onToken(Operator.TOKEN_GT, token);
    }

    /** {@code token(partition key) >= token}. */
    public static Relation tokenGte(Object token) {
        return onToken(Operator.TOKEN_GTE, token);
    }

    /** {@code token(partition key) < token}. */
    public static Relation tokenLt(Object token) {
        return onToken(Operator.TOKEN_LT, token);
    }

    /** {@code token(partition key) <= token}. */
    public static Relation tokenLte(Object token) {
        return onToken(Operator.TOKEN_LTE, token);
    }

    private static Relation onToken(Operator operator, Object token) {
        if (token == null) {
            throw new IllegalArgumentException("a token bound must not be null");
        }
        return new Relation(null, operator, token);
    }

    /** The field or column name; null for a token restriction. */
    public String column() {
        return column;
    }

    public Operator operator() {
        return operator;
    }

    /** The value (a list for {@code IN}). */
    public Object value() {
        return value;
    }

    @Override
    public String toString() {
        return (column == null ? "token(partition key)" : column) + " " + operator.cql() + " " + value;
    }
}
