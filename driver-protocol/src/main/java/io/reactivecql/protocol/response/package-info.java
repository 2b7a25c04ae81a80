/**
 * The response messages of native protocol v4 and v5 (section 4.2 of the specs), each an
 * immutable record with its {@link io.reactivecql.protocol.MessageCodec} beside it. This package
 * holds the simple ones of the connection and authentication handshake:
 * {@link io.reactivecql.protocol.response.Ready}, {@link io.reactivecql.protocol.response.Authenticate},
 * {@link io.reactivecql.protocol.response.Supported}, {@link io.reactivecql.protocol.response.AuthChallenge}
 * and {@link io.reactivecql.protocol.response.AuthSuccess}. ERROR, RESULT and EVENT live in the
 * {@code error}, {@code result} and {@code event} sub-packages.
 *
 * <p>Decoders read untrusted bytes and throw only {@link io.reactivecql.protocol.ProtocolException};
 * binary fields are {@link java.nio.ByteBuffer}s, so records compare by content.
 */
package io.reactivecql.protocol.response;
