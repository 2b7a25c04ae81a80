package io.reactivecql.internal.policy.retry;

import io.reactivecql.api.errors.OverloadedException;
import io.reactivecql.api.errors.ReadFailureException;
import io.reactivecql.api.errors.ReadTimeoutException;
import io.reactivecql.api.errors.UnavailableException;
import io.reactivecql.api.errors.WriteFailureException;
import io.reactivecql.api.errors.WriteTimeoutException;
import io.reactivecql.api.policy.retry.RetryDecision;
import io.reactivecql.api.policy.retry.RetryPolicy;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.protocol.response.error.WriteType;

/** The default decisions of the Java driver 4.x, with overload retried at most once. */
public final class DefaultRetryPolicy implements RetryPolicy {

    public static final DefaultRetryPolicy INSTANCE = new DefaultRetryPolicy();

    private DefaultRetryPolicy() {
    }

    @Override
    public RetryDecision onReadTimeout(Statement<?> statement, ReadTimeoutException error, int retryCount) {
        // enough replicas answered, but only digests: the data replica was slow; ask again once
        return retryCount == 0 && error.received() >= error.blockFor() && !error.dataPresent()
                ? RetryDecision.retrySame() : RetryDecision.rethrow();
    }

    @Override
    public RetryDecision onWriteTimeout(Statement<?> statement, WriteTimeoutException error, int retryCount) {
        // the coordinator could not write the batch log: nothing was applied yet
        return retryCount == 0 && error.writeType() == WriteType.BATCH_LOG
                ? RetryDecision.retrySame() : RetryDecision.rethrow();
    }

    @Override
    public RetryDecision onUnavailable(Statement<?> statement, UnavailableException error, int retryCount) {
        // the coordinator may be the one cut off from the others
        return retryCount == 0 ? RetryDecision.retryNext() : RetryDecision.rethrow();
    }

    @Override
    public RetryDecision onRequestError(Statement<?> statement, Throwable error, int retryCount) {
        if (error instanceof ReadFailureException || error instanceof WriteFailureException) {
            return RetryDecision.rethrow();
        }
        if (error instanceof OverloadedException) {
            return retryCount == 0 ? RetryDecision.retryNext() : RetryDecision.rethrow();
        }
        return RetryDecision.retryNext();
    }

    @Override
    public String toString() {
        return "DefaultRetryPolicy";
    }
}
