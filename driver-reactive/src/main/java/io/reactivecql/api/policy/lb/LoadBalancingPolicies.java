package io.reactivecql.api.policy.lb;

import io.reactivecql.internal.policy.lb.DcAwarePolicy;
import io.reactivecql.internal.policy.lb.RoundRobinPolicy;
import io.reactivecql.internal.policy.lb.TokenAwarePolicy;

import java.util.Objects;

/** The built-in load-balancing policies. Each call returns a new instance (one per session). */
public final class LoadBalancingPolicies {

    /** Busy threshold of {@link #defaultPolicy()}: replicas with this many requests in flight go last. */
    public static final int DEFAULT_BUSY_THRESHOLD = 256;

    private LoadBalancingPolicies() {
    }

    /** Every UP node in turn; every node is {@code LOCAL}. */
    public static LoadBalancingPolicy roundRobin() {
        return new RoundRobinPolicy();
    }

    /**
     * Nodes of the local datacenter first (round robin), those of {@code localRack} before the rest
     * of the datacenter when {@code localRack} is not null, then the other datacenters' nodes
     * ({@code REMOTE}) when {@code useRemoteNodes}, else those are {@code IGNORED}.
     *
     * @param localDatacenter the local datacenter, or null for the builder's
     *                        ({@code withLocalDatacenter}) or else the contact points' datacenter
     */
    public static LoadBalancingPolicy datacenterAware(String localDatacenter, String localRack,
                                                      boolean useRemoteNodes) {
        return new DcAwarePolicy(localDatacenter, localRack, useRemoteNodes);
    }

    /**
     * The statement's replicas first (from the session's {@link io.reactivecql.api.routing.ReplicaLocator}),
     * those the child ranks {@code LOCAL} and UP, busy ones ({@code busyThreshold} or more requests
     * in flight) after the others; then the child's plan without them.
     */
    public static LoadBalancingPolicy tokenAware(LoadBalancingPolicy child, int busyThreshold) {
        return new TokenAwarePolicy(Objects.requireNonNull(child, "child"), busyThreshold);
    }

    /**
     * Token-aware over datacenter-aware (local datacenter from the builder or the contact points,
     * no rack preference, remote nodes ignored), busy threshold {@value #DEFAULT_BUSY_THRESHOLD}.
     */
    public static LoadBalancingPolicy defaultPolicy() {
        return tokenAware(datacenterAware(null, null, false), DEFAULT_BUSY_THRESHOLD);
    }
}
