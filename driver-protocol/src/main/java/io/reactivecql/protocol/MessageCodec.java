package io.reactivecql.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Encodes and decodes one kind of message body (without the envelope header or the tracing,
 * warning and custom payload prefixes, which {@link EnvelopeCodec} handles).
 *
 * <p>{@link #decode} reads from untrusted bytes: it checks every length against what remains and
 * throws {@link ProtocolException} on anything malformed. It must consume exactly the message; the
 * envelope codec rejects bytes left over.
 *
 * @param <M> the message type
 */
public interface MessageCodec<M extends Message> {

    /** The opcode this codec handles. */
    int opcode();

    /** Writes the message body at {@code out}'s writer index. */
    void encode(M message, ByteBuf out, ProtocolVersion version);

    /** Reads a message body from {@code in}'s reader index. */
    M decode(ByteBuf in, ProtocolVersion version);
}
