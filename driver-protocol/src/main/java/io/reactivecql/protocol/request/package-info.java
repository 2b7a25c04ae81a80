/**
 * The request messages of native protocol v4 and v5 (section 4.1 of the specs), each an
 * immutable record with its {@link io.reactivecql.protocol.MessageCodec} beside it:
 * {@link io.reactivecql.protocol.request.Startup}, {@link io.reactivecql.protocol.request.AuthResponse},
 * {@link io.reactivecql.protocol.request.Options}, {@link io.reactivecql.protocol.request.Query},
 * {@link io.reactivecql.protocol.request.Prepare}, {@link io.reactivecql.protocol.request.Execute},
 * {@link io.reactivecql.protocol.request.Batch} and {@link io.reactivecql.protocol.request.Register}.
 *
 * <p>{@link io.reactivecql.protocol.request.QueryOptions} holds the {@code <query_parameters>}
 * shared by QUERY and EXECUTE; {@link io.reactivecql.protocol.request.QueryFlags} names their
 * flag bits.
 *
 * <p>Binary fields are {@link java.nio.ByteBuffer}s: records then compare by content. They are
 * held as given, not copied (a copy per bound value would cost the hot path): callers must not
 * change a buffer after handing it over, and the codecs never move a buffer's position. In value
 * lists a {@code null} element is a CQL NULL and {@link io.reactivecql.protocol.Primitives#UNSET}
 * (compared by identity) an unset value.
 *
 * <p>Encoding QUERY, EXECUTE and BATCH writes straight into the target buffer. An encoder that
 * rejects its message (an option the protocol version lacks, a string too long for its length
 * prefix) throws {@link java.lang.IllegalArgumentException} and leaves the buffer's writer index
 * where it was. Decoders read untrusted bytes and throw only
 * {@link io.reactivecql.protocol.ProtocolException}.
 */
package io.reactivecql.protocol.request;
