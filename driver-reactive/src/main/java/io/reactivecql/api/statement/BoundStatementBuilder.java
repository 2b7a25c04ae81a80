package io.reactivecql.api.statement;

/**
 * Sets the values of a {@link BoundStatement} one at a time, by marker index or by name (CQL
 * identifier rules: unquoted names are case-insensitive, double-quoted ones exact). Each value is
 * encoded when set, so a value of the wrong type throws
 * {@link io.reactivecql.api.errors.InvalidBindingException} at once. Not thread-safe; markers left
 * alone are unset.
 */
public interface BoundStatementBuilder {

    /** Sets marker {@code index} ({@code null} is NULL). */
    BoundStatementBuilder set(int index, Object value);

    /** Sets every marker with this name ({@code null} is NULL). */
    BoundStatementBuilder set(String name, Object value);

    /** Leaves marker {@code index} unset. */
    BoundStatementBuilder unset(int index);

    /** Leaves every marker with this name unset. */
    BoundStatementBuilder unset(String name);

    /** The options of the statement {@link #build()} returns. */
    BoundStatementBuilder withOptions(StatementOptions options);

    /** The statement, with the values set so far. */
    BoundStatement build();
}
