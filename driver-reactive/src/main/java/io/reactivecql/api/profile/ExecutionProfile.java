package io.reactivecql.api.profile;

import io.reactivecql.api.policy.retry.RetryPolicy;
import io.reactivecql.api.policy.specex.SpeculativeExecutionPolicy;
import io.reactivecql.api.statement.StatementOptions;
import io.reactivecql.protocol.ConsistencyLevel;

import java.time.Duration;
import java.util.Objects;

/**
 * A named bundle of execution settings that statements choose by name
 * ({@code statement.withExecutionProfileName("analytics")}). Register profiles with
 * {@code SessionBuilder.withExecutionProfile}. Unset settings (null, or {@link StatementOptions#NOT_SET}
 * for the page size) fall back to the session's; a statement's own options win over its profile.
 * Immutable: start from {@link #named(String)}.
 *
 * @param name                       the profile's name
 * @param consistency                the consistency level, or null
 * @param serialConsistency          SERIAL or LOCAL_SERIAL, or null
 * @param timeout                    the request timeout, or null
 * @param pageSize                   rows per page, or {@link StatementOptions#NOT_SET}
 * @param retryPolicy                the retry policy, or null
 * @param speculativeExecutionPolicy the speculative execution policy, or null
 */
public record ExecutionProfile(String name, ConsistencyLevel consistency, ConsistencyLevel serialConsistency,
                               Duration timeout, int pageSize, RetryPolicy retryPolicy,
                               SpeculativeExecutionPolicy speculativeExecutionPolicy) {

    /** Checks the settings. */
    public ExecutionProfile {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an execution profile needs a name");
        }
        if (serialConsistency != null && !serialConsistency.isSerial()) {
            throw new IllegalArgumentException("serial consistency must be SERIAL or LOCAL_SERIAL, not "
                    + serialConsistency);
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (pageSize != StatementOptions.NOT_SET && pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive, was " + pageSize);
        }
    }

    /** A profile that sets nothing yet. */
    public static ExecutionProfile named(String name) {
        return new ExecutionProfile(name, null, null, null, StatementOptions.NOT_SET, null, null);
    }

    public ExecutionProfile withConsistency(ConsistencyLevel level) {
        return new ExecutionProfile(name, level, serialConsistency, timeout, pageSize, retryPolicy,
                speculativeExecutionPolicy);
    }

    public ExecutionProfile withSerialConsistency(ConsistencyLevel level) {
        return new ExecutionProfile(name, consistency, level, timeout, pageSize, retryPolicy,
                speculativeExecutionPolicy);
    }

    public ExecutionProfile withTimeout(Duration value) {
        return new ExecutionProfile(name, consistency, serialConsistency, value, pageSize, retryPolicy,
                speculativeExecutionPolicy);
    }

    public ExecutionProfile withPageSize(int rows) {
        return new ExecutionProfile(name, consistency, serialConsistency, timeout, rows, retryPolicy,
                speculativeExecutionPolicy);
    }

    public ExecutionProfile withRetryPolicy(RetryPolicy policy) {
        return new ExecutionProfile(name, consistency, serialConsistency, timeout, pageSize, policy,
                speculativeExecutionPolicy);
    }

    public ExecutionProfile withSpeculativeExecutionPolicy(SpeculativeExecutionPolicy policy) {
        return new ExecutionProfile(name, consistency, serialConsistency, timeout, pageSize, retryPolicy, policy);
    }
}
