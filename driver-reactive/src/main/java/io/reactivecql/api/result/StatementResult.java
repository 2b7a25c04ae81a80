package io.reactivecql.api.result;

import io.reactivecql.api.statement.Statement;

import java.util.Objects;

/**
 * The outcome of one statement of {@code ReactiveSession.executeAllSettled}: its first page, or
 * the error it met.
 *
 * @param index     the statement's position in the input, from 0
 * @param statement the statement
 * @param page      its first page, or null when it failed
 * @param error     its error, or null when it succeeded
 */
public record StatementResult(long index, Statement<?> statement, ResultPage page, Throwable error) {

    public StatementResult {
        Objects.requireNonNull(statement, "statement");
        if ((page == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of page and error must be given");
        }
    }

    /** Whether the statement succeeded. */
    public boolean isSuccess() {
        return error == null;
    }
}
