package io.reactivecql.api.policy.retry;

import io.reactivecql.api.errors.ReadTimeoutException;
import io.reactivecql.api.errors.UnavailableException;
import io.reactivecql.api.errors.WriteTimeoutException;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.internal.policy.retry.DefaultRetryPolicy;
import io.reactivecql.internal.policy.retry.DowngradingConsistencyRetryPolicy;
import io.reactivecql.internal.policy.retry.FallthroughRetryPolicy;

/**
 * Decides what to do when a request fails: retry (on the same or the next node, possibly at a
 * lower consistency), rethrow or ignore. Set one per session
 * ({@code SessionBuilder.withRetryPolicy}) or per execution profile.
 *
 * <p>The request handler consults the policy only where a retry cannot duplicate an effect the
 * caller did not ask for: {@link #onWriteTimeout} and {@link #onRequestError} are called only for
 * idempotent statements (a non-idempotent statement rethrows those errors at once), while
 * {@link #onReadTimeout} and {@link #onUnavailable} (nothing was written, or only read) are called
 * for every statement. {@code retryCount} is the number of retries this execution already made.
 * Implementations must be thread-safe, fast and non-blocking (they run on event loops).
 */
public interface RetryPolicy {

    /** A read timed out on the replicas (the coordinator answered READ_TIMEOUT). */
    RetryDecision onReadTimeout(Statement<?> statement, ReadTimeoutException error, int retryCount);

    /** A write timed out on the replicas (idempotent statements only). */
    RetryDecision onWriteTimeout(Statement<?> statement, WriteTimeoutException error, int retryCount);

    /** The coordinator knew too few live replicas and did not try. */
    RetryDecision onUnavailable(Statement<?> statement, UnavailableException error, int retryCount);

    /**
     * Any other error after which another attempt may succeed (idempotent statements only): the
     * connection closed before the answer ({@link io.reactivecql.api.errors.ConnectionClosedException}),
     * {@link io.reactivecql.api.errors.OverloadedException},
     * {@link io.reactivecql.api.errors.ServerErrorException},
     * {@link io.reactivecql.api.errors.TruncateException},
     * {@link io.reactivecql.api.errors.ReadFailureException},
     * {@link io.reactivecql.api.errors.WriteFailureException}.
     */
    RetryDecision onRequestError(Statement<?> statement, Throwable error, int retryCount);

    /**
     * The Java driver 4.x / Python driver default: a read timeout is retried once on the same node
     * when enough replicas answered but not the data; a write timeout once, only for a BATCH_LOG
     * write; unavailable once on the next node; request errors on the next node (an overloaded
     * node at most once, so that overload is not amplified; read and write failures never).
     */
    static RetryPolicy defaultPolicy() {
        return DefaultRetryPolicy.INSTANCE;
    }

    /** Never retries: every error goes to the caller. */
    static RetryPolicy fallthrough() {
        return FallthroughRetryPolicy.INSTANCE;
    }

    /**
     * Retries once at a lower consistency level that the replicas known alive can still satisfy
     * (as the Java driver's {@code ConsistencyDowngradingRetryPolicy}); a successful downgraded
     * read or write is weaker than asked for, so use it only where that is acceptable.
     */
    static RetryPolicy downgradingConsistency() {
        return DowngradingConsistencyRetryPolicy.INSTANCE;
    }
}
