/**
 * Internal: the request path. {@link io.reactivecql.internal.request.RequestHandler} (query plan,
 * connection choice, error mapping, re-prepare on UNPREPARED, timeouts),
 * {@link io.reactivecql.internal.request.StatementExecution} (a statement encoded once and fetched
 * page by page), {@link io.reactivecql.internal.request.RowPublisher} (the demand-driven row
 * {@code Flux}) and the {@link io.reactivecql.internal.request.QueryPlanner} seam for load
 * balancing. Not public API.
 */
package io.reactivecql.internal.request;
