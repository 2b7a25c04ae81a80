/**
 * Public API: how long the driver waits between attempts to reconnect to a node that went down
 * (and to re-open the control connection). {@link io.reactivecql.api.policy.reconnection.ReconnectionPolicy}
 * has the built-in exponential (with jitter; the default) and constant policies.
 */
package io.reactivecql.api.policy.reconnection;
