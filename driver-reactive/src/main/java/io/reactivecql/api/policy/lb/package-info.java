/**
 * Public API: load balancing. A {@link io.reactivecql.api.policy.lb.LoadBalancingPolicy} ranks
 * nodes ({@link io.reactivecql.api.metadata.NodeDistance}) and produces a lazy query plan per
 * request; {@link io.reactivecql.api.policy.lb.LoadBalancingPolicies} has the built-in ones
 * (round robin, datacenter- and rack-aware, token-aware with busy-node avoidance).
 */
package io.reactivecql.api.policy.lb;
