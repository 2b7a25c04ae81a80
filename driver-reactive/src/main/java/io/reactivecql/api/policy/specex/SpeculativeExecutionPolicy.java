package io.reactivecql.api.policy.specex;

import io.reactivecql.api.statement.Statement;
import io.reactivecql.internal.policy.specex.ConstantSpeculativeExecutionPolicy;
import io.reactivecql.internal.policy.specex.NoSpeculativeExecutionPolicy;

import java.time.Duration;

/**
 * Decides whether, and when, the request handler sends an idempotent request to the next node of
 * the query plan while earlier executions still wait for their answer. The first answer wins; the
 * other executions are cancelled. Non-idempotent statements never execute speculatively.
 * Implementations must be thread-safe, fast and non-blocking.
 */
public interface SpeculativeExecutionPolicy {

    /**
     * The delay before the next execution starts, counted from the start of the latest one, or
     * null for no further execution.
     *
     * @param keyspace          the keyspace the statement runs in, or null
     * @param runningExecutions the executions started so far (1 when deciding the first
     *                          speculative one)
     */
    Duration nextExecution(Statement<?> statement, String keyspace, int runningExecutions);

    /** No speculative execution (the default). */
    static SpeculativeExecutionPolicy none() {
        return NoSpeculativeExecutionPolicy.INSTANCE;
    }

    /**
     * Up to {@code maxSpeculativeExecutions} executions besides the first, each {@code delay} after
     * the previous one started.
     */
    static SpeculativeExecutionPolicy constant(Duration delay, int maxSpeculativeExecutions) {
        return new ConstantSpeculativeExecutionPolicy(delay, maxSpeculativeExecutions);
    }
}
