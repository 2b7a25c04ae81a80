package io.reactivecql.api;

import io.reactivecql.api.policy.retry.RetryDecision;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.protocol.ConsistencyLevel;
import reactor.util.context.ContextView;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Observes every request the session sends: each page of a query, each execution of a prepared
 * statement, each batch, each PREPARE. Register one with {@link SessionBuilder#withRequestTracker}.
 * Methods are called on the thread that sends or completes the request (often an event loop): they
 * must be fast and must not block; an exception they throw is logged and otherwise ignored. All
 * methods have empty defaults.
 *
 * <p>Two levels of events:
 * <ul>
 *   <li><b>per request</b> ({@link #onRequestStart}, {@link #onRequestSuccess}, {@link #onRequestError}):
 *   once per request, from before it waits for a throttling permit to its end, whatever the
 *   retries and speculative executions in between;</li>
 *   <li><b>per node</b> ({@link #onRequestSent(TrackedRequest, InetSocketAddress)},
 *   {@link #onSuccess(TrackedRequest, InetSocketAddress, long)}, {@link #onError(TrackedRequest,
 *   InetSocketAddress, Throwable, long)}, retry decisions and speculative executions): once per
 *   attempt on a node.</li>
 * </ul>
 * Every event carries the {@link TrackedRequest}, the same instance for all events of one request,
 * which shows the subscriber's Reactor {@link ContextView} (MDC values, tenant keys, the parent
 * observation...). The per-node methods that take a {@link Kind} and a {@link Statement} instead
 * are the original ones: the request-aware defaults call them, so trackers written against them
 * keep working.
 */
public interface RequestTracker {

    /** What was sent. */
    enum Kind {
        /** A QUERY, EXECUTE or BATCH: one page of a statement's results. */
        EXECUTE,
        /** A PREPARE (by {@code prepare}, or again after the node answered UNPREPARED). */
        PREPARE
    }

    /** One request as trackers see it; the same instance for every event of the request. */
    interface TrackedRequest {

        /** What is sent: for the PREPARE sent again after an UNPREPARED answer, {@link Kind#PREPARE}. */
        Kind kind();

        /** The statement (for a page after the first, the statement of the first page). */
        Statement<?> statement();

        /** The page number of an EXECUTE, from 1; 0 for a PREPARE. */
        int page();

        /** The keyspace it runs in: the statement's, else the session's; null when neither has one. */
        String keyspace();

        /** The consistency level it is sent with (before any downgrade by the retry policy); null for a PREPARE. */
        ConsistencyLevel consistency();

        /** The Reactor context of the subscriber that executes the request (empty when it has none). */
        ContextView context();
    }

    // ------------------------------------------------------------------ per request

    /** The request starts: before any throttling wait, node choice or write. */
    default void onRequestStart(TrackedRequest request) {
    }

    /**
     * The request succeeded after {@code latencyNanos} (since {@link #onRequestStart}), answered by
     * {@code coordinator}.
     */
    default void onRequestSuccess(TrackedRequest request, InetSocketAddress coordinator, long latencyNanos) {
    }

    /**
     * The request failed after {@code latencyNanos}; {@code node} is the last node tried, or null
     * when none was. A cancelled request ends with a {@link java.util.concurrent.CancellationException}.
     */
    default void onRequestError(TrackedRequest request, InetSocketAddress node, Throwable error, long latencyNanos) {
    }

    /**
     * {@code coordinator} answered the request with warnings (a large batch, tombstones...); called
     * once per request that got some, before {@link #onRequestSuccess}.
     */
    default void onServerWarnings(TrackedRequest request, InetSocketAddress coordinator, List<String> warnings) {
    }

    // ------------------------------------------------------------------ per node, with the request

    /** The request is about to be written to {@code node}. */
    default void onRequestSent(TrackedRequest request, InetSocketAddress node) {
        onRequestSent(request.kind(), request.statement(), node, request.page());
    }

    /** {@code node} answered successfully after {@code latencyNanos}. */
    default void onSuccess(TrackedRequest request, InetSocketAddress node, long latencyNanos) {
        onSuccess(request.kind(), request.statement(), node, latencyNanos);
    }

    /** The attempt on {@code node} failed (cancelled: a {@link java.util.concurrent.CancellationException}). */
    default void onError(TrackedRequest request, InetSocketAddress node, Throwable error, long latencyNanos) {
        onError(request.kind(), request.statement(), node, error, latencyNanos);
    }

    /** See {@link #onRetryDecision(Kind, Statement, InetSocketAddress, Throwable, RetryDecision, int)}. */
    default void onRetryDecision(TrackedRequest request, InetSocketAddress node, Throwable error,
                                 RetryDecision decision, int retryCount) {
        onRetryDecision(request.kind(), request.statement(), node, error, decision, retryCount);
    }

    /** See {@link #onSpeculativeExecution(Kind, Statement, InetSocketAddress, int)}. */
    default void onSpeculativeExecution(TrackedRequest request, InetSocketAddress node, int execution) {
        onSpeculativeExecution(request.kind(), request.statement(), node, execution);
    }

    // ------------------------------------------------------------------ per node, original form

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
