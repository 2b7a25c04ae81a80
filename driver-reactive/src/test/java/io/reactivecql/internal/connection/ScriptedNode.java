package io.reactivecql.internal.connection;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.EnvelopeCodec;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.Response;
import io.reactivecql.protocol.frame.FrameDecoder;
import io.reactivecql.protocol.frame.FrameEncoder;
import io.reactivecql.protocol.frame.FrameFormat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection's pipeline on an {@link EmbeddedChannel} with the node's side scripted by the test:
 * {@link #requests()} decodes what the driver wrote, {@link #respond} feeds answers back. No socket,
 * and every task (submits, flushes) runs when the test says so.
 */
final class ScriptedNode implements AutoCloseable {

    static final InetSocketAddress ENDPOINT = InetSocketAddress.createUnresolved("scripted-node", 9042);

    final EmbeddedChannel channel = new EmbeddedChannel();
    final WireFormat wire;
    final InFlightHandler handler;
    final CqlConnection connection;
    /** Flushes that reached the head of the pipeline. */
    int flushes;
    /** Buffers that reached the head of the pipeline. */
    int writes;

    private final EnvelopeCodec nodeCodec;
    private final FrameFormat frameFormat;
    private FrameDecoder nodeFrames;

    ScriptedNode(ProtocolVersion version, String compression, int maxStreamIds, int maxQueued) {
        wire = WireFormat.of(version, compression);
        nodeCodec = wire.codec();
        frameFormat = version.usesFraming() ? FrameFormat.forCompression(compression) : null;
        handler = new InFlightHandler(ENDPOINT, wire, maxStreamIds, maxQueued);
        channel.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, io.netty.channel.ChannelPromise promise) {
                writes++;
                ctx.write(msg, promise);
            }

            @Override
            public void flush(ChannelHandlerContext ctx) {
                flushes++;
                ctx.flush();
            }
        });
        channel.pipeline().addLast(ReactorNettyConnectionFactory.DECODER, new EnvelopeDecoder(wire));
        channel.pipeline().addLast(ReactorNettyConnectionFactory.IN_FLIGHT, handler);
        connection = new CqlConnection(channel, ENDPOINT, version, handler);
    }

    static ScriptedNode v4(int maxStreamIds, int maxQueued) {
        return new ScriptedNode(ProtocolVersion.V4, null, maxStreamIds, maxQueued);
    }

    /** Runs pending tasks (flushes) and decodes every request written since the last call. */
    List<Envelope> requests() {
        channel.runPendingTasks();
        List<Envelope> out = new ArrayList<>();
        for (ByteBuf buf; (buf = channel.readOutbound()) != null; ) {
            try {
                if (wire.framed()) {
                    if (nodeFrames == null) {
                        nodeFrames = new FrameDecoder(frameFormat, ByteBufAllocator.DEFAULT);
                    }
                    nodeFrames.decode(buf, envelope -> {
                        try {
                            out.add(nodeCodec.decode(envelope, ByteBufAllocator.DEFAULT));
                        } finally {
                            envelope.release();
                        }
                    });
                } else {
                    while (buf.isReadable()) {
                        out.add(nodeCodec.decode(buf, ByteBufAllocator.DEFAULT));
                    }
                }
            } finally {
                buf.release();
            }
        }
        return out;
    }

    /** The single request written since the last call. */
    Envelope request() {
        List<Envelope> requests = requests();
        if (requests.size() != 1) {
            throw new AssertionError("expected one request, got " + requests);
        }
        return requests.get(0);
    }

    /** Answers on {@code stream} as the node would (framed once the connection is). */
    void respond(int stream, Response message) {
        respond(List.of(Envelope.response(wire.version(), stream, message)));
    }

    /** Several answers in one read, framed together once the connection is framed. */
    void respond(List<Envelope> responses) {
        ByteBuf bytes = wire.framed()
                ? new FrameEncoder(frameFormat).newPayloadBuffer(ByteBufAllocator.DEFAULT, 256)
                : ByteBufAllocator.DEFAULT.buffer();
        for (Envelope response : responses) {
            nodeCodec.encode(response, bytes, ByteBufAllocator.DEFAULT);
        }
        if (wire.framed()) {
            bytes = new FrameEncoder(frameFormat).encodeInPlace(bytes, ByteBufAllocator.DEFAULT);
        }
        channel.writeInbound(bytes);
        channel.runPendingTasks();
    }

    /** Raw bytes from the node. */
    void receive(ByteBuf bytes) {
        channel.writeInbound(bytes);
        channel.runPendingTasks();
    }

    @Override
    public void close() {
        if (nodeFrames != null) {
            nodeFrames.close();
        }
        channel.finishAndReleaseAll();
    }
}
