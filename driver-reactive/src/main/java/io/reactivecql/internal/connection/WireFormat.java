package io.reactivecql.internal.connection;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.EnvelopeCodec;
import io.reactivecql.protocol.MessageCodecRegistry;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.compression.Compressor;
import io.reactivecql.protocol.compression.Lz4Compressor;
import io.reactivecql.protocol.compression.SnappyCompressor;
import io.reactivecql.protocol.frame.FrameDecoder;
import io.reactivecql.protocol.frame.FrameEncoder;
import io.reactivecql.protocol.frame.FrameFormat;

import java.util.List;

/**
 * How one connection puts envelopes on the wire: its protocol version, its envelope codec (with
 * the v4 body compressor, if any) and, on v5, the outer frames that start once STARTUP is answered
 * (spec 2.3.1). Shared by the {@link EnvelopeDecoder} and the {@link InFlightHandler} of one
 * channel; event loop only.
 */
final class WireFormat {

    private static final int INITIAL_BATCH_BYTES = 1024;

    private final ProtocolVersion version;
    private final EnvelopeCodec codec;
    /** v5 only; null on v4. */
    private final FrameEncoder frameEncoder;
    private FrameDecoder frameDecoder;
    private boolean framed;

    private WireFormat(ProtocolVersion version, EnvelopeCodec codec, FrameEncoder frameEncoder) {
        this.version = version;
        this.codec = codec;
        this.frameEncoder = frameEncoder;
    }

    /**
     * The wire format of a new connection: v4 with the body compressor for {@code compression}
     * ({@link EnvelopeCodec} never compresses OPTIONS or STARTUP), or v5 with frames, LZ4-compressed
     * when asked.
     *
     * @throws IllegalArgumentException for snappy on v5, which only knows lz4
     */
    static WireFormat of(ProtocolVersion version, String compression) {
        EnvelopeCodec codec = new EnvelopeCodec(MessageCodecRegistry.defaults());
        if (version.usesFraming()) {
            return new WireFormat(version, codec, new FrameEncoder(FrameFormat.forCompression(compression)));
        }
        return new WireFormat(version, codec.withCompressor(compressor(compression)), null);
    }

    private static Compressor compressor(String compression) {
        if (compression == null) {
            return null;
        }
        switch (compression) {
            case "lz4":
                return Lz4Compressor.INSTANCE;
            case "snappy":
                return SnappyCompressor.INSTANCE;
            default:
                throw new IllegalArgumentException("unknown compression " + compression);
        }
    }

    ProtocolVersion version() {
        return version;
    }

    EnvelopeCodec codec() {
        return codec;
    }

    /** Whether envelopes now travel in outer frames. */
    boolean framed() {
        return framed;
    }

    /** On v5, the answer to STARTUP (READY or AUTHENTICATE) is the last unframed envelope. */
    boolean startsFramingAfter(Envelope envelope) {
        int opcode = envelope.message().opcode();
        return frameEncoder != null && !framed && (opcode == Opcode.READY || opcode == Opcode.AUTHENTICATE);
    }

    void startFraming() {
        framed = true;
    }

    /**
     * A pooled buffer to encode the envelopes of one flush into. On v5 it reserves room for a frame
     * header in front (even before framing starts, which costs nothing), so that a batch that fits
     * one frame is framed in place, without a copy.
     */
    ByteBuf newBatch(ByteBufAllocator allocator) {
        return frameEncoder != null
                ? frameEncoder.newPayloadBuffer(allocator, INITIAL_BATCH_BYTES)
                : allocator.ioBuffer(INITIAL_BATCH_BYTES);
    }

    /** What to write for a batch: the batch itself, or once framed, its frames. Takes ownership of {@code batch}. */
    ByteBuf toWire(ByteBuf batch, ByteBufAllocator allocator) {
        return framed ? frameEncoder.encodeInPlace(batch, allocator) : batch;
    }

    /** Reads every complete frame in {@code in} and adds the envelopes they complete to {@code out}. */
    void decodeFrames(ByteBuf in, ByteBufAllocator allocator, List<Object> out) {
        if (frameDecoder == null) {
            frameDecoder = new FrameDecoder(frameEncoder.format(), allocator);
        }
        frameDecoder.decode(in, envelope -> {
            try {
                out.add(codec.decode(envelope, allocator));
            } finally {
                envelope.release();
            }
        });
    }

    /** Releases what the frame decoder holds (part of a frame or of a split envelope). */
    void release() {
        if (frameDecoder != null) {
            frameDecoder.close();
        }
    }
}
