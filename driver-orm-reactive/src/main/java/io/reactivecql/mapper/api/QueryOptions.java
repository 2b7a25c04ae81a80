package io.reactivecql.mapper.api;

import io.reactivecql.api.statement.StatementOptions;
import io.reactivecql.protocol.ConsistencyLevel;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-call options of repository operations and queries. Immutable; start from {@link #defaults()}.
 * Unset options fall back to the session's settings (or the execution profile's).
 *
 * <pre>{@code
 * repo.save(product, QueryOptions.defaults().withTtl(Duration.ofDays(1)).withConsistency(ConsistencyLevel.QUORUM));
 * }</pre>
 *
 * @param ttlSeconds        time to live of written values in seconds ({@code USING TTL}); -1 for none
 *                          given (the table's default), 0 for no expiry
 * @param timestamp         write timestamp in microseconds, or {@link StatementOptions#NO_TIMESTAMP}
 * @param consistency       consistency level, or null
 * @param serialConsistency serial consistency of conditional writes (SERIAL or LOCAL_SERIAL), or null
 * @param executionProfile  execution profile name, or null
 * @param pageSize          rows per page of reads, or {@link StatementOptions#NOT_SET}
 * @param timeout           request timeout, or null
 */
public record QueryOptions(int ttlSeconds, long timestamp, ConsistencyLevel consistency,
                           ConsistencyLevel serialConsistency, String executionProfile, int pageSize,
                           Duration timeout) {

    private static final QueryOptions DEFAULTS = new QueryOptions(-1, StatementOptions.NO_TIMESTAMP, null, null,
            null, StatementOptions.NOT_SET, null);

    /** Checks the options. */
    public QueryOptions {
        if (ttlSeconds < -1) {
            throw new IllegalArgumentException("ttl must be >= 0 seconds, was " + ttlSeconds);
        }
        if (timestamp != StatementOptions.NO_TIMESTAMP && timestamp < 0) {
            throw new IllegalArgumentException("timestamp must not be negative (microseconds), was " + timestamp);
        }
        if (serialConsistency != null && !serialConsistency.isSerial()) {
            throw new IllegalArgumentException("serial consistency must be SERIAL or LOCAL_SERIAL, not "
                    + serialConsistency);
        }
        if (pageSize != StatementOptions.NOT_SET && pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive, was " + pageSize);
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    /** Nothing set. */
    public static QueryOptions defaults() {
        return DEFAULTS;
    }

    /** Written values expire after {@code ttl} (whole seconds; zero for never). */
    public QueryOptions withTtl(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative, was " + ttl);
        }
        long seconds = ttl.getSeconds();
        if (seconds > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("ttl too large: " + ttl);
        }
        return withTtlSeconds((int) seconds);
    }

    /** Written values expire after {@code seconds} (zero for never). */
    public QueryOptions withTtlSeconds(int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("ttl must be >= 0 seconds, was " + seconds);
        }
        return new QueryOptions(seconds, timestamp, consistency, serialConsistency, executionProfile, pageSize,
                timeout);
    }

    /** The write timestamp, in microseconds since the epoch. */
    public QueryOptions withTimestamp(long micros) {
        return new QueryOptions(ttlSeconds, micros, consistency, serialConsistency, executionProfile, pageSize,
                timeout);
    }

    public QueryOptions withConsistency(ConsistencyLevel level) {
        return new QueryOptions(ttlSeconds, timestamp, level, serialConsistency, executionProfile, pageSize, timeout);
    }

    public QueryOptions withSerialConsistency(ConsistencyLevel level) {
        return new QueryOptions(ttlSeconds, timestamp, consistency, level, executionProfile, pageSize, timeout);
    }

    /** Runs with the session's execution profile of this name. */
    public QueryOptions withExecutionProfile(String name) {
        return new QueryOptions(ttlSeconds, timestamp, consistency, serialConsistency, name, pageSize, timeout);
    }

    public QueryOptions withPageSize(int rows) {
        return new QueryOptions(ttlSeconds, timestamp, consistency, serialConsistency, executionProfile, rows,
                timeout);
    }

    public QueryOptions withTimeout(Duration value) {
        return new QueryOptions(ttlSeconds, timestamp, consistency, serialConsistency, executionProfile, pageSize,
                value);
    }

    /** Whether a TTL is given. */
    public boolean hasTtl() {
        return ttlSeconds >= 0;
    }

    /** {@code base} with these options laid over it (the TTL aside: it goes into the CQL). */
    public StatementOptions applyTo(StatementOptions base) {
        StatementOptions o = base;
        if (timestamp != StatementOptions.NO_TIMESTAMP) {
            o = o.withTimestamp(timestamp);
        }
        if (consistency != null) {
            o = o.withConsistency(consistency);
        }
        if (serialConsistency != null) {
            o = o.withSerialConsistency(serialConsistency);
        }
        if (executionProfile != null) {
            o = o.withExecutionProfileName(executionProfile);
        }
        if (pageSize != StatementOptions.NOT_SET) {
            o = o.withPageSize(pageSize);
        }
        if (timeout != null) {
            o = o.withTimeout(timeout);
        }
        return o;
    }
}
