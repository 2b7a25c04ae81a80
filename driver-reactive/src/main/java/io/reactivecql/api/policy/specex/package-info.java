/**
 * Public API: the speculative execution policy SPI
 * ({@link io.reactivecql.api.policy.specex.SpeculativeExecutionPolicy}) and its built-in
 * policies (none, constant delay).
 */
package io.reactivecql.api.policy.specex;
