package io.reactivecql.internal.policy.specex;

import io.reactivecql.api.policy.specex.SpeculativeExecutionPolicy;
import io.reactivecql.api.statement.Statement;

import java.time.Duration;
import java.util.Objects;

/** Up to {@code maxSpeculativeExecutions} extra executions, each {@code delay} after the previous start. */
public final class ConstantSpeculativeExecutionPolicy implements SpeculativeExecutionPolicy {

    private final Duration delay;
    private final int maxSpeculativeExecutions;

    public ConstantSpeculativeExecutionPolicy(Duration delay, int maxSpeculativeExecutions) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        if (maxSpeculativeExecutions < 1) {
            throw new IllegalArgumentException("maxSpeculativeExecutions must be positive, was "
                    + maxSpeculativeExecutions);
        }
        this.delay = delay;
        this.maxSpeculativeExecutions = maxSpeculativeExecutions;
    }

    @Override
    public Duration nextExecution(Statement<?> statement, String keyspace, int runningExecutions) {
        // runningExecutions counts the first one: at most 1 + maxSpeculativeExecutions in all
        return runningExecutions <= maxSpeculativeExecutions ? delay : null;
    }

    @Override
    public String toString() {
        return "ConstantSpeculativeExecutionPolicy[delay=" + delay + ", max=" + maxSpeculativeExecutions + "]";
    }
}
