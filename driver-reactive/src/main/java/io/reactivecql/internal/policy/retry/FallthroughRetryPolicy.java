package io.reactivecql.internal.policy.retry;

import io.reactivecql.api.errors.ReadTimeoutException;
import io.reactivecql.api.errors.UnavailableException;
import io.reactivecql.api.errors.WriteTimeoutException;
import io.reactivecql.api.policy.retry.RetryDecision;
import io.reactivecql.api.policy.retry.RetryPolicy;
import io.reactivecql.api.statement.Statement;

/** Never retries. */
public final class FallthroughRetryPolicy implements RetryPolicy {

    public static final FallthroughRetryPolicy INSTANCE = new FallthroughRetryPolicy();

    private FallthroughRetryPolicy() {
    }

    @Override
    public RetryDecision onReadTimeout(Statement<?> statement, ReadTimeoutException error, int retryCount) {
        return RetryDecision.rethrow();
    }

    @Override
    public RetryDecision onWriteTimeout(Statement<?> statement, WriteTimeoutException error, int retryCount) {
        return RetryDecision.rethrow();
    }

    @Override
    public RetryDecision onUnavailable(Statement<?> statement, UnavailableException error, int retryCount) {
        return RetryDecision.rethrow();
    }

    @Override
    public RetryDecision onRequestError(Statement<?> statement, Throwable error, int retryCount) {
        return RetryDecision.rethrow();
    }

    @Override
    public String toString() {
        return "FallthroughRetryPolicy";
    }
}
