/**
 * Internal: the built-in retry policies, reached through the static factories of
 * {@link io.reactivecql.api.policy.retry.RetryPolicy}. Not public API.
 */
package io.reactivecql.internal.policy.retry;
