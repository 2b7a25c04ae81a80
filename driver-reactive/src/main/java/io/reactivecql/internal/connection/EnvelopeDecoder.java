package io.reactivecql.internal.connection;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolException;

import java.util.List;

/**
 * Turns the bytes of a connection into {@link Envelope}s: bare envelopes first, then, on v5, outer
 * frames from the envelope after the one that answers STARTUP (READY or AUTHENTICATE, spec section
 * 2.3.1). The switch happens between two envelopes of the same read, so bytes that follow the
 * STARTUP answer are already read as frames.
 *
 * <p>After a {@link ProtocolException} the byte stream cannot be trusted: the rest is discarded and
 * the exception travels to {@link InFlightHandler}, which closes the connection.
 */
final class EnvelopeDecoder extends ByteToMessageDecoder {

    private final WireFormat wire;
    private final TrafficCounter traffic;
    private boolean failed;

    EnvelopeDecoder(WireFormat wire) {
        this(wire, TrafficCounter.NONE);
    }

    EnvelopeDecoder(WireFormat wire, TrafficCounter traffic) {
        this.wire = wire;
        this.traffic = traffic;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf bytes) {
            traffic.received(bytes.readableBytes());
        }
        super.channelRead(ctx, msg);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            if (wire.framed()) {
                wire.decodeFrames(in, ctx.alloc(), out);
                return;
            }
            int length = wire.codec().envelopeLength(in);
            if (length < 0 || in.readableBytes() < length) {
                return;
            }
            Envelope envelope = wire.codec().decode(in, ctx.alloc());
            if (wire.startsFramingAfter(envelope)) {
                wire.startFraming();
            }
            out.add(envelope);
        } catch (ProtocolException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        wire.release();
    }
}
