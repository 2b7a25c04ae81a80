package io.reactivecql.internal.request;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.policy.retry.RetryPolicy;
import io.reactivecql.api.policy.specex.SpeculativeExecutionPolicy;
import io.reactivecql.api.profile.ExecutionProfile;
import io.reactivecql.api.profile.RequestPolicies;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.api.statement.StatementOptions;
import io.reactivecql.protocol.ConsistencyLevel;

import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;

/**
 * The settings one statement executes with: each from the statement when it sets it, else from
 * its execution profile, else from the session.
 *
 * @param profile the execution profile, or null
 */
record RequestSettings(ExecutionProfile profile, ConsistencyLevel consistency, ConsistencyLevel serialConsistency,
                       int pageSize, Duration timeout, RetryPolicy retryPolicy,
                       SpeculativeExecutionPolicy speculativeExecutionPolicy) {

    /**
     * Resolves the settings of {@code statement}.
     *
     * @throws IllegalArgumentException when the statement names a profile the session does not have
     */
    static RequestSettings resolve(DriverConfig config, RequestPolicies policies, Statement<?> statement) {
        return resolve(config, policies, statement.executionProfileName(), statement.consistency(),
                statement.serialConsistency(), statement.timeout(), statement.pageSize());
    }

    /** The settings of a statement that sets none of its own (the same object for every such statement). */
    static RequestSettings defaults(DriverConfig config, RequestPolicies policies) {
        return resolve(config, policies, null, null, null, null, StatementOptions.NOT_SET);
    }

    /** Whether {@code statement} sets nothing {@link #resolve} reads: its settings are the session's defaults. */
    static boolean setsNone(Statement<?> statement) {
        return statement.executionProfileName() == null && statement.consistency() == null
                && statement.serialConsistency() == null && statement.timeout() == null
                && statement.pageSize() == StatementOptions.NOT_SET;
    }

    private static RequestSettings resolve(DriverConfig config, RequestPolicies policies, String profileName,
                                           ConsistencyLevel statementConsistency, ConsistencyLevel statementSerial,
                                           Duration statementTimeout, int statementPageSize) {
        ExecutionProfile profile = profile(policies, profileName);
        ConsistencyLevel consistency = first(statementConsistency,
                profile == null ? null : profile.consistency(), config.consistency());
        ConsistencyLevel serial = first(statementSerial,
                profile == null ? null : profile.serialConsistency(), config.serialConsistency());
        Duration timeout = first(statementTimeout, profile == null ? null : profile.timeout(),
                config.requestTimeout());
        int pageSize = statementPageSize != StatementOptions.NOT_SET ? statementPageSize
                : profile != null && profile.pageSize() != StatementOptions.NOT_SET ? profile.pageSize()
                : config.pageSize();
        RetryPolicy retry = first(null, profile == null ? null : profile.retryPolicy(), policies.retryPolicy());
        SpeculativeExecutionPolicy specex = first(null,
                profile == null ? null : profile.speculativeExecutionPolicy(), policies.speculativeExecutionPolicy());
        return new RequestSettings(profile, consistency, serial, pageSize, timeout, retry, specex);
    }

    /** The profile called {@code name} (null: none). */
    static ExecutionProfile profile(RequestPolicies policies, String name) {
        if (name == null) {
            return null;
        }
        Map<String, ExecutionProfile> profiles = policies.profiles();
        ExecutionProfile profile = profiles.get(name);
        if (profile == null) {
            throw new IllegalArgumentException("unknown execution profile '" + name + "': the session has "
                    + (profiles.isEmpty() ? "no execution profile (SessionBuilder.withExecutionProfile)"
                    : "the profiles " + new TreeSet<>(profiles.keySet())));
        }
        return profile;
    }

    private static <T> T first(T statement, T profile, T session) {
        return statement != null ? statement : profile != null ? profile : session;
    }
}
