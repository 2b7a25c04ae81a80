/**
 * Internal: the built-in speculative execution policies, reached through the static factories of
 * {@link io.reactivecql.api.policy.specex.SpeculativeExecutionPolicy}. Not public API.
 */
package io.reactivecql.internal.policy.specex;
