/**
 * Public API: results. {@link io.reactivecql.api.result.Row} (lazily decoded),
 * {@link io.reactivecql.api.result.ResultPage} with its
 * {@link io.reactivecql.api.result.ExecutionInfo} and {@link io.reactivecql.api.result.QueryTrace},
 * {@link io.reactivecql.api.result.ColumnDefinitions} and the per-statement outcome of
 * {@code executeAllSettled}, {@link io.reactivecql.api.result.StatementResult}.
 */
package io.reactivecql.api.result;
