/**
 * Internal: the built-in load-balancing policies (reach them through
 * {@link io.reactivecql.api.policy.lb.LoadBalancingPolicies}) and {@link io.reactivecql.internal.policy.lb.RoutingKeys}.
 * Public only for the API's factories and the session; not public API.
 */
package io.reactivecql.internal.policy.lb;
