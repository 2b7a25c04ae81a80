package io.reactivecql.internal.policy.retry;

import io.reactivecql.api.errors.ConnectionClosedException;
import io.reactivecql.api.errors.OverloadedException;
import io.reactivecql.api.errors.ReadFailureException;
import io.reactivecql.api.errors.ReadTimeoutException;
import io.reactivecql.api.errors.ServerErrorException;
import io.reactivecql.api.errors.TruncateException;
import io.reactivecql.api.errors.UnavailableException;
import io.reactivecql.api.errors.WriteFailureException;
import io.reactivecql.api.errors.WriteTimeoutException;
import io.reactivecql.api.policy.retry.RetryDecision;
import io.reactivecql.api.policy.retry.RetryPolicy;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.response.error.WriteType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The decision tables of the built-in retry policies. */
class RetryPoliciesTest {

    private static final SimpleStatement S = SimpleStatement.of("SELECT 1");
    private static final RetryPolicy DEFAULT = RetryPolicy.defaultPolicy();
    private static final RetryPolicy DOWN = RetryPolicy.downgradingConsistency();

    private static ReadTimeoutException readTimeout(ConsistencyLevel cl, int received, int blockFor, boolean data) {
        return new ReadTimeoutException(null, "rt", cl, received, blockFor, data);
    }

    private static WriteTimeoutException writeTimeout(ConsistencyLevel cl, int received, WriteType type) {
        return new WriteTimeoutException(null, "wt", cl, received, 3, type, OptionalInt.empty());
    }

    private static UnavailableException unavailable(ConsistencyLevel cl, int alive) {
        return new UnavailableException(null, "un", cl, 3, alive);
    }

    @Test
    void defaultReadTimeout() {
        assertEquals(RetryDecision.retrySame(), DEFAULT.onReadTimeout(S, readTimeout(ConsistencyLevel.ALL, 3, 3, false), 0));
        assertEquals(RetryDecision.rethrow(), DEFAULT.onReadTimeout(S, readTimeout(ConsistencyLevel.ALL, 3, 3, false), 1));
        assertEquals(RetryDecision.rethrow(), DEFAULT.onReadTimeout(S, readTimeout(ConsistencyLevel.ALL, 3, 3, true), 0));
        assertEquals(RetryDecision.rethrow(), DEFAULT.onReadTimeout(S, readTimeout(ConsistencyLevel.ALL, 2, 3, false), 0));
    }

    @Test
    void defaultWriteTimeout() {
        assertEquals(RetryDecision.retrySame(), DEFAULT.onWriteTimeout(S, writeTimeout(ConsistencyLevel.ALL, 0, WriteType.BATCH_LOG), 0));
        assertEquals(RetryDecision.rethrow(), DEFAULT.onWriteTimeout(S, writeTimeout(ConsistencyLevel.ALL, 0, WriteType.BATCH_LOG), 1));
        for (WriteType type : WriteType.values()) {
            if (type != WriteType.BATCH_LOG) {
                assertEquals(RetryDecision.rethrow(), DEFAULT.onWriteTimeout(S, writeTimeout(ConsistencyLevel.ALL, 2, type), 0),
                        type.name());
            }
        }
    }

    @Test
    void defaultUnavailableAndRequestErrors() {
        assertEquals(RetryDecision.retryNext(), DEFAULT.onUnavailable(S, unavailable(ConsistencyLevel.ALL, 2), 0));
        assertEquals(RetryDecision.rethrow(), DEFAULT.onUnavailable(S, unavailable(ConsistencyLevel.ALL, 2), 1));
        assertEquals(RetryDecision.retryNext(), DEFAULT.onRequestError(S, new OverloadedException(null, "o"), 0));
        assertEquals(RetryDecision.rethrow(), DEFAULT.onRequestError(S, new OverloadedException(null, "o"), 1));
        assertEquals(RetryDecision.retryNext(), DEFAULT.onRequestError(S, new ServerErrorException(null, "s"), 2));
        assertEquals(RetryDecision.retryNext(), DEFAULT.onRequestError(S, new TruncateException(null, "t"), 0));
        assertEquals(RetryDecision.retryNext(), DEFAULT.onRequestError(S,
                new ConnectionClosedException(null, "closed", null), 0));
        assertEquals(RetryDecision.rethrow(), DEFAULT.onRequestError(S, new ReadFailureException(null, "rf",
                ConsistencyLevel.ALL, 2, 3, 1, Map.of(), false), 0));
        assertEquals(RetryDecision.rethrow(), DEFAULT.onRequestError(S, new WriteFailureException(null, "wf",
                ConsistencyLevel.ALL, 2, 3, 1, Map.of(), WriteType.SIMPLE), 0));
    }

    @Test
    void fallthroughRethrowsEverything() {
        RetryPolicy p = RetryPolicy.fallthrough();
        assertEquals(RetryDecision.rethrow(), p.onReadTimeout(S, readTimeout(ConsistencyLevel.ALL, 3, 3, false), 0));
        assertEquals(RetryDecision.rethrow(), p.onWriteTimeout(S, writeTimeout(ConsistencyLevel.ALL, 0, WriteType.BATCH_LOG), 0));
        assertEquals(RetryDecision.rethrow(), p.onUnavailable(S, unavailable(ConsistencyLevel.ALL, 2), 0));
        assertEquals(RetryDecision.rethrow(), p.onRequestError(S, new OverloadedException(null, "o"), 0));
    }

    @Test
    void downgrading() {
        assertEquals(RetryDecision.retrySame(ConsistencyLevel.TWO),
                DOWN.onReadTimeout(S, readTimeout(ConsistencyLevel.ALL, 2, 3, true), 0));
        assertEquals(RetryDecision.retrySame(), DOWN.onReadTimeout(S, readTimeout(ConsistencyLevel.ALL, 3, 3, false), 0));
        assertEquals(RetryDecision.rethrow(), DOWN.onReadTimeout(S, readTimeout(ConsistencyLevel.ALL, 0, 3, false), 0));
        assertEquals(RetryDecision.rethrow(), DOWN.onReadTimeout(S, readTimeout(ConsistencyLevel.SERIAL, 1, 2, false), 0));
        assertEquals(RetryDecision.rethrow(), DOWN.onReadTimeout(S, readTimeout(ConsistencyLevel.ALL, 2, 3, true), 1));
        assertEquals(RetryDecision.ignore(), DOWN.onWriteTimeout(S, writeTimeout(ConsistencyLevel.ALL, 1, WriteType.SIMPLE), 0));
        assertEquals(RetryDecision.rethrow(), DOWN.onWriteTimeout(S, writeTimeout(ConsistencyLevel.ALL, 0, WriteType.SIMPLE), 0));
        assertEquals(RetryDecision.retrySame(ConsistencyLevel.ONE),
                DOWN.onWriteTimeout(S, writeTimeout(ConsistencyLevel.ALL, 1, WriteType.UNLOGGED_BATCH), 0));
        assertEquals(RetryDecision.retrySame(), DOWN.onWriteTimeout(S, writeTimeout(ConsistencyLevel.ALL, 0, WriteType.BATCH_LOG), 0));
        assertEquals(RetryDecision.rethrow(), DOWN.onWriteTimeout(S, writeTimeout(ConsistencyLevel.ALL, 2, WriteType.COUNTER), 0));
        assertEquals(RetryDecision.retrySame(ConsistencyLevel.THREE),
                DOWN.onUnavailable(S, unavailable(ConsistencyLevel.ALL, 4), 0));
        assertEquals(RetryDecision.retrySame(ConsistencyLevel.ONE),
                DOWN.onUnavailable(S, unavailable(ConsistencyLevel.EACH_QUORUM, 0), 0));
        assertEquals(RetryDecision.rethrow(), DOWN.onUnavailable(S, unavailable(ConsistencyLevel.QUORUM, 0), 0));
        assertEquals(RetryDecision.retryNext(), DOWN.onUnavailable(S, unavailable(ConsistencyLevel.SERIAL, 1), 0));
        assertEquals(RetryDecision.rethrow(), DOWN.onUnavailable(S, unavailable(ConsistencyLevel.ALL, 2), 1));
        assertEquals(RetryDecision.rethrow(), DOWN.onRequestError(S, new OverloadedException(null, "o"), 1));
    }

    @Test
    void decisionsDescribeThemselves() {
        assertEquals("RETRY_SAME(TWO)", RetryDecision.retrySame(ConsistencyLevel.TWO).toString());
        assertEquals("RETHROW", RetryDecision.rethrow().toString());
    }
}
