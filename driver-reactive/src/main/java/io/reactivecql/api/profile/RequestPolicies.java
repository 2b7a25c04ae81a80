package io.reactivecql.api.profile;

import io.reactivecql.api.policy.retry.RetryPolicy;
import io.reactivecql.api.policy.specex.SpeculativeExecutionPolicy;
import io.reactivecql.api.policy.throttling.RequestThrottling;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The request policies of a session: its default retry and speculative execution policies, its
 * request throttling and its named execution profiles. Immutable; set through
 * {@code SessionBuilder} ({@code withRetryPolicy}, {@code withSpeculativeExecutionPolicy},
 * {@code withRequestThrottling}, {@code withExecutionProfile}).
 *
 * @param retryPolicy                the retry policy of statements whose profile sets none
 * @param speculativeExecutionPolicy the speculative execution policy of statements whose profile sets none
 * @param throttling                 the request throttling
 * @param profiles                   the execution profiles by name
 */
public record RequestPolicies(RetryPolicy retryPolicy, SpeculativeExecutionPolicy speculativeExecutionPolicy,
                              RequestThrottling throttling, Map<String, ExecutionProfile> profiles) {

    private static final RequestPolicies DEFAULTS = new RequestPolicies(RetryPolicy.defaultPolicy(),
            SpeculativeExecutionPolicy.none(), RequestThrottling.disabled(), Map.of());

    /** Checks and copies. */
    public RequestPolicies {
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(speculativeExecutionPolicy, "speculativeExecutionPolicy");
        Objects.requireNonNull(throttling, "throttling");
        profiles = Map.copyOf(profiles);
        profiles.forEach((name, profile) -> {
            if (!name.equals(profile.name())) {
                throw new IllegalArgumentException("profile " + profile.name() + " registered as " + name);
            }
        });
    }

    /** The default retry policy, no speculative execution, no throttling, no profiles. */
    public static RequestPolicies defaults() {
        return DEFAULTS;
    }

    public RequestPolicies withRetryPolicy(RetryPolicy policy) {
        return new RequestPolicies(policy, speculativeExecutionPolicy, throttling, profiles);
    }

    public RequestPolicies withSpeculativeExecutionPolicy(SpeculativeExecutionPolicy policy) {
        return new RequestPolicies(retryPolicy, policy, throttling, profiles);
    }

    public RequestPolicies withThrottling(RequestThrottling value) {
        return new RequestPolicies(retryPolicy, speculativeExecutionPolicy, value, profiles);
    }

    /** Adds (or replaces) the profile of {@code profile.name()}. */
    public RequestPolicies withProfile(ExecutionProfile profile) {
        Map<String, ExecutionProfile> all = new LinkedHashMap<>(profiles);
        all.put(profile.name(), profile);
        return new RequestPolicies(retryPolicy, speculativeExecutionPolicy, throttling, all);
    }
}
