package io.reactivecql.internal.policy.specex;

import io.reactivecql.api.policy.specex.SpeculativeExecutionPolicy;
import io.reactivecql.api.statement.Statement;

import java.time.Duration;

/** Never starts a speculative execution. */
public final class NoSpeculativeExecutionPolicy implements SpeculativeExecutionPolicy {

    public static final NoSpeculativeExecutionPolicy INSTANCE = new NoSpeculativeExecutionPolicy();

    private NoSpeculativeExecutionPolicy() {
    }

    @Override
    public Duration nextExecution(Statement<?> statement, String keyspace, int runningExecutions) {
        return null;
    }

    @Override
    public String toString() {
        return "NoSpeculativeExecutionPolicy";
    }
}
