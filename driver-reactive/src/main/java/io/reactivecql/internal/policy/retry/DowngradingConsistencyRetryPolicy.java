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
import io.reactivecql.protocol.ConsistencyLevel;

/** The decisions of the Java driver's {@code ConsistencyDowngradingRetryPolicy}. */
public final class DowngradingConsistencyRetryPolicy implements RetryPolicy {

    public static final DowngradingConsistencyRetryPolicy INSTANCE = new DowngradingConsistencyRetryPolicy();

    private DowngradingConsistencyRetryPolicy() {
    }

    /** The highest level {@code knownOk} replicas can satisfy, or null when none. */
    static ConsistencyLevel maxLikelyToWork(ConsistencyLevel current, int knownOk) {
        if (knownOk >= 3) {
            return ConsistencyLevel.THREE;
        } else if (knownOk == 2) {
            return ConsistencyLevel.TWO;
        } else if (knownOk == 1 || current == ConsistencyLevel.EACH_QUORUM) {
            // EACH_QUORUM: the counts are per datacenter, ONE is the one safe guess
            return ConsistencyLevel.ONE;
        }
        return null;
    }

    private static RetryDecision downgrade(ConsistencyLevel current, int knownOk) {
        ConsistencyLevel level = maxLikelyToWork(current, knownOk);
        return level == null ? RetryDecision.rethrow() : RetryDecision.retrySame(level);
    }

    @Override
    public RetryDecision onReadTimeout(Statement<?> statement, ReadTimeoutException error, int retryCount) {
        if (retryCount != 0 || error.consistency().isSerial()) {
            return RetryDecision.rethrow();
        }
        if (error.received() < error.blockFor()) {
            return downgrade(error.consistency(), error.received());
        }
        return !error.dataPresent() ? RetryDecision.retrySame() : RetryDecision.rethrow();
    }

    @Override
    public RetryDecision onWriteTimeout(Statement<?> statement, WriteTimeoutException error, int retryCount) {
        if (retryCount != 0 || error.consistency().isSerial()) {
            return RetryDecision.rethrow();
        }
        return switch (error.writeType()) {
            // at least one replica has the write, and hints deliver the rest
            case SIMPLE, BATCH -> error.received() > 0 ? RetryDecision.ignore() : RetryDecision.rethrow();
            case UNLOGGED_BATCH -> downgrade(error.consistency(), error.received());
            case BATCH_LOG -> RetryDecision.retrySame();
            default -> RetryDecision.rethrow();
        };
    }

    @Override
    public RetryDecision onUnavailable(Statement<?> statement, UnavailableException error, int retryCount) {
        if (retryCount != 0) {
            return RetryDecision.rethrow();
        }
        if (error.consistency().isSerial()) {
            return RetryDecision.retryNext();
        }
        return downgrade(error.consistency(), error.alive());
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
        return "DowngradingConsistencyRetryPolicy";
    }
}
