/**
 * Public API: the retry policy SPI ({@link io.reactivecql.api.policy.retry.RetryPolicy},
 * {@link io.reactivecql.api.policy.retry.RetryDecision}) and the built-in policies (default,
 * fallthrough, downgrading consistency) through its static factories.
 */
package io.reactivecql.api.policy.retry;
