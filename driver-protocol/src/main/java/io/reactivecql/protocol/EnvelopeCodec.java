package io.reactivecql.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.reactivecql.protocol.compression.Compressor;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes envelopes straight into a (pooled) buffer and reads them back. The header is 9 bytes:
 * version with direction bit, flags, stream id, opcode, body length; the body starts with the
 * prefixes the flags announce (tracing id, warnings, custom payload) in that order.
 *
 * <p>With a {@link Compressor} on protocol v4, bodies are compressed (never STARTUP or OPTIONS,
 * which precede the negotiation). On v5 compression belongs to the outer frames and the envelope
 * compression flag is ignored, as the spec says.
 */
public final class EnvelopeCodec {

    public static final int HEADER_LENGTH = 9;
    /** The spec's limit on an envelope body: 256 MB. */
    public static final int MAX_BODY_LENGTH = 256 * 1024 * 1024;

    private final MessageCodecRegistry registry;
    private final Compressor compressor;
    private final int maxBodyLength;

    /** A codec without compression and the spec's maximum body length. */
    public EnvelopeCodec(MessageCodecRegistry registry) {
        this(registry, null, MAX_BODY_LENGTH);
    }

    /**
     * @param compressor    compresses v4 bodies when non-null
     * @param maxBodyLength the largest body accepted when decoding (at most 256 MB)
     */
    public EnvelopeCodec(MessageCodecRegistry registry, Compressor compressor, int maxBodyLength) {
        if (maxBodyLength <= 0 || maxBodyLength > MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("maxBodyLength must be in 1.." + MAX_BODY_LENGTH + ", was " + maxBodyLength);
        }
        this.registry = registry;
        this.compressor = compressor;
        this.maxBodyLength = maxBodyLength;
    }

    public MessageCodecRegistry registry() {
        return registry;
    }

    /** The same codec with another compressor (null for none). */
    public EnvelopeCodec withCompressor(Compressor newCompressor) {
        return new EnvelopeCodec(registry, newCompressor, maxBodyLength);
    }

    // ---------------------------------------------------------------- encoding

    /** Encodes into a new buffer from {@code allocator}. */
    public ByteBuf encode(Envelope envelope, ByteBufAllocator allocator) {
        ByteBuf out = allocator.ioBuffer();
        try {
            encode(envelope, out, allocator);
            return out;
        } catch (Throwable e) {
            // errors too (e.g. BlockHound's from inside a compressor): the buffer must not leak
            out.release();
            throw e;
        }
    }

    /** Appends the envelope at {@code out}'s writer index. */
    public void encode(Envelope envelope, ByteBuf out, ByteBufAllocator allocator) {
        Message message = envelope.message();
        boolean response = envelope.isResponse();
        @SuppressWarnings("unchecked")
        MessageCodec<Message> codec = (MessageCodec<Message>) (response
                ? registry.responseCodec(message.opcode())
                : registry.requestCodec(message.opcode()));
        if (codec == null) {
            throw new IllegalArgumentException("no codec for " + (response ? "response " : "request ")
                    + Opcode.name(message.opcode()));
        }
        int start = out.writerIndex();
        try {
            encodeAt(envelope, message, response, codec, out, start, allocator);
        } catch (RuntimeException e) {
            out.writerIndex(start); // several envelopes may share this buffer: leave no partial bytes
            throw e;
        }
    }

    private void encodeAt(Envelope envelope, Message message, boolean response, MessageCodec<Message> codec,
                          ByteBuf out, int start, ByteBufAllocator allocator) {
        ProtocolVersion version = envelope.version();
        int flags = envelope.flags();
        out.writeByte(response ? 0x80 | version.code() : version.code());
        out.writeByte(flags);
        out.writeShort(envelope.streamId());
        out.writeByte(message.opcode());
        out.writeInt(0); // body length, patched below
        int bodyStart = out.writerIndex();

        if (response && envelope.tracingId() != null) {
            Primitives.writeUuid(envelope.tracingId(), out);
        }
        if (!envelope.warnings().isEmpty()) {
            Primitives.writeStringList(envelope.warnings(), out);
        }
        if (!envelope.customPayload().isEmpty()) {
            Primitives.writeBytesMap(envelope.customPayload(), out);
        }
        codec.encode(message, out, version);

        int bodyLength = out.writerIndex() - bodyStart;
        if (compressor != null && version == ProtocolVersion.V4 && compressible(message.opcode())) {
            ByteBuf compressed = compressor.compress(out.slice(bodyStart, bodyLength), allocator);
            try {
                out.writerIndex(bodyStart);
                bodyLength = compressed.readableBytes();
                out.writeBytes(compressed);
            } finally {
                compressed.release();
            }
            out.setByte(start + 1, flags | Envelope.FLAG_COMPRESSED);
        }
        if (bodyLength > MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("envelope body of " + bodyLength + " bytes exceeds the 256 MB limit");
        }
        out.setInt(start + 5, bodyLength);
    }

    private static boolean compressible(int opcode) {
        return opcode != Opcode.STARTUP && opcode != Opcode.OPTIONS;
    }

    // ---------------------------------------------------------------- decoding

    /**
     * Looks at the header at {@code in}'s reader index without consuming anything: -1 when fewer
     * than 9 bytes are readable, else the whole envelope's length (header included). A negative or
     * oversized body length throws {@link ProtocolException}.
     */
    public int envelopeLength(ByteBuf in) {
        if (in.readableBytes() < HEADER_LENGTH) {
            return -1;
        }
        int bodyLength = in.getInt(in.readerIndex() + 5);
        if (bodyLength < 0 || bodyLength > maxBodyLength) {
            throw ProtocolException.at(in, "envelope body length " + bodyLength + " is outside 0.." + maxBodyLength);
        }
        return HEADER_LENGTH + bodyLength;
    }

    /**
     * Decodes one complete envelope from {@code in}, consuming exactly its bytes. Throws
     * {@link ProtocolException} when the bytes are not a valid envelope; {@code in} is never
     * retained, so the caller releases it as usual.
     */
    public Envelope decode(ByteBuf in, ByteBufAllocator allocator) {
        int length = envelopeLength(in);
        if (length < 0 || in.readableBytes() < length) {
            throw ProtocolException.at(in, "truncated envelope: " + in.readableBytes() + " bytes readable, "
                    + (length < 0 ? "a 9-byte header" : length + " bytes") + " needed");
        }
        int versionByte = in.readUnsignedByte();
        boolean response = (versionByte & 0x80) != 0;
        int versionCode = versionByte & 0x7F;
        if (versionCode != 4 && versionCode != 5) {
            throw ProtocolException.at(in, "unsupported protocol version " + versionCode + " in envelope header");
        }
        ProtocolVersion version = ProtocolVersion.fromCode(versionCode);
        int flags = in.readUnsignedByte();
        int streamId = in.readShort();
        int opcode = in.readUnsignedByte();
        int bodyLength = in.readInt();
        ByteBuf body = in.readSlice(bodyLength);

        MessageCodec<?> codec = response ? registry.responseCodec(opcode) : registry.requestCodec(opcode);
        if (codec == null) {
            throw ProtocolException.at(in, "unknown " + (response ? "response" : "request") + " opcode "
                    + Opcode.name(opcode));
        }
        ByteBuf decompressed = null;
        if ((flags & Envelope.FLAG_COMPRESSED) != 0 && version == ProtocolVersion.V4) {
            if (compressor == null) {
                throw ProtocolException.at(in, "compressed envelope on a connection without compression");
            }
            decompressed = compressor.decompress(body, allocator, maxBodyLength);
            body = decompressed;
        }
        try {
            return decodeBody(body, version, response, flags, streamId, codec);
        } finally {
            if (decompressed != null) {
                decompressed.release();
            }
        }
    }

    private static Envelope decodeBody(ByteBuf body, ProtocolVersion version, boolean response, int flags,
                                       int streamId, MessageCodec<?> codec) {
        boolean tracing = (flags & Envelope.FLAG_TRACING) != 0;
        UUID tracingId = null;
        if (response && tracing) {
            tracingId = Primitives.readUuid(body, "tracing id");
        }
        List<String> warnings = List.of();
        if ((flags & Envelope.FLAG_WARNING) != 0) {
            if (!response) {
                throw ProtocolException.at(body, "warning flag set on a request");
            }
            warnings = Primitives.readStringList(body, "warnings");
        }
        Map<String, java.nio.ByteBuffer> payload = Map.of();
        if ((flags & Envelope.FLAG_CUSTOM_PAYLOAD) != 0) {
            payload = Primitives.readBytesMap(body, "custom payload");
        }
        Message message;
        try {
            message = codec.decode(body, version);
        } catch (ProtocolException e) {
            throw e;
        } catch (RuntimeException e) {
            // a codec bug must not escape as an unchecked exception from untrusted input
            throw new ProtocolException("malformed " + Opcode.name(codec.opcode()) + " body: " + e, e);
        }
        if (body.isReadable()) {
            throw ProtocolException.at(body, body.readableBytes() + " unexpected trailing bytes after "
                    + Opcode.name(codec.opcode()) + " body");
        }
        return new Envelope(version, streamId, tracing, tracingId, warnings, payload,
                (flags & Envelope.FLAG_USE_BETA) != 0, message);
    }
}
