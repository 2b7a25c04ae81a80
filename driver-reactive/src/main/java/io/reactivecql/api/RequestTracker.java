package io.reactivecql.api;

import io.reactivecql.api.policy.retry.RetryDecision;
import io.reactivecql.api.statement.Statement;

import java.net.InetSocketAddress;

/**
 * Observes every request the session sends to a node: each page of a query, each execution of a
 * prepared statement, each batch, each PREPARE. Register one with
 * {@link SessionBuilder#withRequestTracker}. Methods are called on the thread that sends or
 * completes the request (often an event loop): they must be fast and must not block. All methods
 * have empty defaults.
 */
public interface RequestTracker {

    /** What was sent. */
    enum Kind {
        /** A QUERY, EXECUTE or BATCH: one page of a statement's results. */
        EXECUTE,
        /** A PREPARE (by {@code prepare}, or again after the node answered UNPREPARED). */
        PREPARE
    }

    /**
     * A request is about to be written to {@code node}.
     *
     * @param statement the statement (for a page after the first, the statement of the first page)
     * @param page      the page number of an EXECUTE, from 1; 0 for a PREPARE
     */
    default void onRequestSent(Kind kind, Statement<?> statement, InetSocketAddress node, int page) {
    }

    /** The request sent to {@code node} was answered successfully after {@code latencyNanos}. */
    default void onSuccess(Kind kind, Statement<?> statement, InetSocketAddress node, long latencyNanos) {
    }

    /**
     * The request failed ({@code node} null when it could not be sent anywhere); a cancelled
     * request is reported with a {@link java.util.concurrent.CancellationException}.
     */
    default void onError(Kind kind, Statement<?> statement, InetSocketAddress node, Throwable error,
                         long latencyNanos) {
    }

    /**
     * The retry policy decided what to do after {@code error} from {@code node} ({@code retryCount}:
     * the retries this execution made before). Called for every decision, rethrow included; not
     * called for errors that move to the next node without a decision (busy connection, bootstrapping
     * node) nor for errors of non-idempotent statements that may not be retried.
     */
    default void onRetryDecision(Kind kind, Statement<?> statement, InetSocketAddress node, Throwable error,
                                 RetryDecision decision, int retryCount) {
    }

    /**
     * A speculative execution of the request starts on {@code node}
     * ({@code execution}: 1 for the first speculative one).
     */
    default void onSpeculativeExecution(Kind kind, Statement<?> statement, InetSocketAddress node, int execution) {
    }
}
