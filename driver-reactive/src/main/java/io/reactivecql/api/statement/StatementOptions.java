package io.reactivecql.api.statement;

import io.reactivecql.protocol.ConsistencyLevel;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The execution options every {@link Statement} carries. Immutable; unset options (null,
 * {@link #NOT_SET} or {@link #NO_TIMESTAMP}) fall back to the session's
 * {@link io.reactivecql.api.DriverConfig}.
 *
 * @param consistency          the consistency level, or null for the session's
 * @param serialConsistency    SERIAL or LOCAL_SERIAL for conditional updates, or null for the session's
 * @param pageSize             rows per page, or {@link #NOT_SET} for the session's
 * @param pagingState          where to resume paging (from {@code ExecutionInfo.pagingState()}), or null
 * @param timestamp            the write timestamp in microseconds, or {@link #NO_TIMESTAMP} for one from the
 *                             session's monotonic generator
 * @param idempotent           whether the statement can be applied twice safely, or null for the session's default
 * @param tracing              whether to ask the server to trace the request
 * @param customPayload        the custom payload sent with the request (empty for none)
 * @param timeout              the request timeout, or null for the session's
 * @param keyspace             the keyspace to run in (protocol v5 only), or null for the session's
 * @param nowInSeconds         the server's "now" (protocol v5 only, for testing), or {@link #NOT_SET}
 * @param executionProfileName the execution profile to use, or null (carried; profiles come later)
 */
public record StatementOptions(ConsistencyLevel consistency, ConsistencyLevel serialConsistency, int pageSize,
                               ByteBuffer pagingState, long timestamp, Boolean idempotent, boolean tracing,
                               Map<String, ByteBuffer> customPayload, Duration timeout, String keyspace,
                               int nowInSeconds, String executionProfileName) {

    /** {@code pageSize} or {@code nowInSeconds} when not set. */
    public static final int NOT_SET = Integer.MIN_VALUE;
    /** {@code timestamp} when not set: the session's generator supplies one. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    /** Nothing set. */
    public static final StatementOptions DEFAULT = new StatementOptions(null, null, NOT_SET, null, NO_TIMESTAMP,
            null, false, Map.of(), null, null, NOT_SET, null);

    /** Checks the options and copies the payload and paging state. */
    public StatementOptions {
        if (serialConsistency != null && !serialConsistency.isSerial()) {
            throw new IllegalArgumentException("serial consistency must be SERIAL or LOCAL_SERIAL, not "
                    + serialConsistency);
        }
        if (pageSize != NOT_SET && pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive, was " + pageSize);
        }
        if (timestamp != NO_TIMESTAMP && timestamp < 0) {
            throw new IllegalArgumentException("timestamp must not be negative (microseconds), was " + timestamp);
        }
        customPayload = Map.copyOf(Objects.requireNonNull(customPayload, "customPayload"));
        if (pagingState != null) {
            pagingState = pagingState.asReadOnlyBuffer();
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (keyspace != null && keyspace.isEmpty()) {
            throw new IllegalArgumentException("keyspace must not be empty (null for the session's)");
        }
    }

    public StatementOptions withConsistency(ConsistencyLevel level) {
        return new StatementOptions(level, serialConsistency, pageSize, pagingState, timestamp, idempotent, tracing,
                customPayload, timeout, keyspace, nowInSeconds, executionProfileName);
    }

    public StatementOptions withSerialConsistency(ConsistencyLevel level) {
        return new StatementOptions(consistency, level, pageSize, pagingState, timestamp, idempotent, tracing,
                customPayload, timeout, keyspace, nowInSeconds, executionProfileName);
    }

    public StatementOptions withPageSize(int rows) {
        return new StatementOptions(consistency, serialConsistency, rows, pagingState, timestamp, idempotent, tracing,
                customPayload, timeout, keyspace, nowInSeconds, executionProfileName);
    }

    public StatementOptions withPagingState(ByteBuffer state) {
        return new StatementOptions(consistency, serialConsistency, pageSize, state, timestamp, idempotent, tracing,
                customPayload, timeout, keyspace, nowInSeconds, executionProfileName);
    }

    public StatementOptions withTimestamp(long micros) {
        return new StatementOptions(consistency, serialConsistency, pageSize, pagingState, micros, idempotent, tracing,
                customPayload, timeout, keyspace, nowInSeconds, executionProfileName);
    }

    public StatementOptions withIdempotent(Boolean value) {
        return new StatementOptions(consistency, serialConsistency, pageSize, pagingState, timestamp, value, tracing,
                customPayload, timeout, keyspace, nowInSeconds, executionProfileName);
    }

    public StatementOptions withTracing(boolean value) {
        return new StatementOptions(consistency, serialConsistency, pageSize, pagingState, timestamp, idempotent, value,
                customPayload, timeout, keyspace, nowInSeconds, executionProfileName);
    }

    public StatementOptions withCustomPayload(Map<String, ByteBuffer> payload) {
        return new StatementOptions(consistency, serialConsistency, pageSize, pagingState, timestamp, idempotent,
                tracing, payload, timeout, keyspace, nowInSeconds, executionProfileName);
    }

    public StatementOptions withTimeout(Duration value) {
        return new StatementOptions(consistency, serialConsistency, pageSize, pagingState, timestamp, idempotent,
                tracing, customPayload, value, keyspace, nowInSeconds, executionProfileName);
    }

    public StatementOptions withKeyspace(String value) {
        return new StatementOptions(consistency, serialConsistency, pageSize, pagingState, timestamp, idempotent,
                tracing, customPayload, timeout, value, nowInSeconds, executionProfileName);
    }

    public StatementOptions withNowInSeconds(int value) {
        return new StatementOptions(consistency, serialConsistency, pageSize, pagingState, timestamp, idempotent,
                tracing, customPayload, timeout, keyspace, value, executionProfileName);
    }

    public StatementOptions withExecutionProfileName(String value) {
        return new StatementOptions(consistency, serialConsistency, pageSize, pagingState, timestamp, idempotent,
                tracing, customPayload, timeout, keyspace, nowInSeconds, value);
    }
}
