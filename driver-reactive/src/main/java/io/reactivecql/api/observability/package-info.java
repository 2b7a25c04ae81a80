/**
 * Operability settings: which metrics a session publishes ({@link io.reactivecql.api.observability.MetricsOptions},
 * with the names of {@link io.reactivecql.api.observability.SessionMetric} and
 * {@link io.reactivecql.api.observability.NodeMetric}) and what the built-in request logger writes
 * ({@link io.reactivecql.api.observability.RequestLogOptions}). Nothing here refers to Micrometer:
 * the driver runs without it; the registries are given to
 * {@link io.reactivecql.api.SessionBuilder#withMeterRegistry(Object)} and
 * {@link io.reactivecql.api.SessionBuilder#withObservationRegistry(Object)}. See
 * {@code docs/observability.md} for every metric and the observation's keys.
 */
package io.reactivecql.api.observability;
