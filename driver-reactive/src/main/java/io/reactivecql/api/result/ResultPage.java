package io.reactivecql.api.result;

import reactor.core.publisher.Mono;

import java.util.List;

/**
 * One page of a result: its rows, its columns and how it was executed. A statement that returns
 * no rows (an INSERT, a DDL statement) gives one empty page.
 */
public interface ResultPage {

    /** The rows of this page (decoded lazily: the list holds no decoded values). */
    List<Row> rows();

    /** The first row, or null when the page is empty. */
    default Row one() {
        List<Row> rows = rows();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The columns of the rows (empty for a statement that returns no rows). */
    ColumnDefinitions columnDefinitions();

    /**
     * For a conditional statement (a lightweight transaction, {@code IF ...}), whether it was
     * applied: the {@code [applied]} column of the first row. True for every other statement.
     */
    boolean wasApplied();

    /** The coordinator, warnings, tracing id and paging state of this page's request. */
    ExecutionInfo executionInfo();

    /** Whether more pages follow. */
    boolean hasMorePages();

    /** Fetches the next page; empty when there is none. Cold: each subscription sends a request. */
    Mono<ResultPage> next();
}
