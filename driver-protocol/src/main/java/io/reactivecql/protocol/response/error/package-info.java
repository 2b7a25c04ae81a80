/**
 * ERROR responses (section 4.2.1, error codes in section 8 of v5 / 9 of v4): one immutable class per
 * {@link io.reactivecql.protocol.response.error.ErrorCode}, all implementing the sealed
 * {@link io.reactivecql.protocol.response.error.ErrorResponse}, and
 * {@link io.reactivecql.protocol.response.error.ErrorCodec}, which reads and writes them for
 * protocol v4 and v5.
 */
package io.reactivecql.protocol.response.error;
