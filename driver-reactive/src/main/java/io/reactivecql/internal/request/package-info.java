/**
 * Internal: the request path. {@link io.reactivecql.internal.request.RequestHandler} (query plan,
 * connection choice, error mapping, re-prepare on UNPREPARED, retry policy decisions, speculative
 * executions, request throttling, timeouts): requests without speculative executions or
 * throttling run as one {@link io.reactivecql.internal.request.DirectExchange} state machine,
 * the others through Reactor operators, both over the shared
 * {@link io.reactivecql.internal.request.PlanExchange};
 * {@link io.reactivecql.internal.request.StatementExecution}
 * (a statement encoded once with the settings of its execution profile, and fetched page by page),
 * {@link io.reactivecql.internal.request.RowPublisher} (the demand-driven row {@code Flux}) and the
 * {@link io.reactivecql.internal.request.QueryPlanner} seam for load balancing. Not public API.
 */
package io.reactivecql.internal.request;
