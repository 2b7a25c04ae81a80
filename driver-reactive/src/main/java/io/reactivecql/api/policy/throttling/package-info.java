/**
 * Public API: request throttling settings
 * ({@link io.reactivecql.api.policy.throttling.RequestThrottling}); the limiter itself is internal.
 */
package io.reactivecql.api.policy.throttling;
