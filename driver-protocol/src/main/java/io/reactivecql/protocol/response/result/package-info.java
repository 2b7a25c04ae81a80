/**
 * RESULT responses (section 4.2.5), read and written by
 * {@link io.reactivecql.protocol.response.result.ResultCodec}:
 * {@link io.reactivecql.protocol.response.result.VoidResult},
 * {@link io.reactivecql.protocol.response.result.RowsResult} (with
 * {@link io.reactivecql.protocol.response.result.RowsMetadata} and
 * {@link io.reactivecql.protocol.response.result.ColumnSpec}),
 * {@link io.reactivecql.protocol.response.result.SetKeyspaceResult},
 * {@link io.reactivecql.protocol.response.result.PreparedResult} (with
 * {@link io.reactivecql.protocol.response.result.PreparedMetadata}) and
 * {@link io.reactivecql.protocol.response.result.SchemaChangeResult}, under the sealed
 * {@link io.reactivecql.protocol.response.result.Result}.
 *
 * <p>{@code RowsResult} is the hot path: a page is held as one {@code byte[]} and one {@code int[]}
 * of cell offsets, not as an object per cell.
 */
package io.reactivecql.protocol.response.result;
