/**
 * Public API: execution profiles ({@link io.reactivecql.api.profile.ExecutionProfile}) and the
 * bundle of a session's request policies ({@link io.reactivecql.api.profile.RequestPolicies}).
 */
package io.reactivecql.api.profile;
