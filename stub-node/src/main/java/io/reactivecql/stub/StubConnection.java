package io.reactivecql.stub;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.EnvelopeCodec;
import io.reactivecql.protocol.MessageCodecRegistry;
import io.reactivecql.protocol.ProtocolException;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.Request;
import io.reactivecql.protocol.compression.Compressor;
import io.reactivecql.protocol.frame.FrameDecoder;
import io.reactivecql.protocol.frame.FrameEncoder;
import io.reactivecql.protocol.frame.FrameFormat;
import io.reactivecql.protocol.response.error.ProtocolError;
import io.reactivecql.protocol.response.event.Event;
import io.reactivecql.protocol.response.event.EventType;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One client connection: turns its bytes into envelopes (bare, then v5 frames once negotiated),
 * hands them to the {@link Responder}, and writes answers back with their faults. All state is
 * owned by the channel's event loop; the node reaches in only through {@link #pushEvent} and
 * {@link #close}, which hop onto it.
 */
final class StubConnection extends ChannelInboundHandlerAdapter {

    /** Where the connection is in its life, which decides the messages it accepts. */
    enum Phase { PRE_STARTUP, AUTHENTICATING, READY }

    final NodeContext node;
    final int id;
    private Channel channel;
    private InetSocketAddress client;
    private ByteBufAllocator alloc;

    Phase phase = Phase.PRE_STARTUP;
    /** The version STARTUP fixed, or null before. */
    ProtocolVersion version;
    /** The keyspace of the last USE. */
    String keyspace;
    final EnumSet<EventType> registered = EnumSet.noneOf(EventType.class);

    private EnvelopeCodec codec = new EnvelopeCodec(MessageCodecRegistry.defaults());
    private FrameEncoder frameEncoder;
    private FrameDecoder frameDecoder;
    private FrameFormat framingAfterNextSend;
    /** Bytes not yet a whole bare envelope. */
    private ByteBuf cumulation;
    /** Set once the connection is being closed: input is dropped, nothing more is sent. */
    private boolean closing;
    /** Whether v4 bodies are compressed (instant answers are stored uncompressed). */
    private boolean compressedBodies;
    /** Instant answers of the current read, written at its end; null when none. */
    private ByteBuf instantBatch;

    StubConnection(NodeContext node, int id) {
        this.node = node;
        this.id = id;
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        client = (InetSocketAddress) channel.remoteAddress();
        alloc = ctx.alloc();
        node.connections.put(id, this);
        node.activity.recordOpened();
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
        if (frameDecoder != null) {
            frameDecoder.close();
        }
        if (instantBatch != null) {
            instantBatch.release();
            instantBatch = null;
        }
        node.connections.remove(id);
        node.activity.recordClosed();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) { // a client resetting the connection is its right
            node.problem(new IllegalStateException("connection " + id + " failed", cause));
        }
        close(false);
    }

    InetSocketAddress client() {
        return client;
    }

    boolean isOpen() {
        return !closing && channel.isActive();
    }

    /** Closes the connection, with an RST instead of a FIN when {@code reset}. Any thread. */
    void close(boolean reset) {
        if (!channel.eventLoop().inEventLoop()) {
            channel.eventLoop().execute(() -> close(reset));
            return;
        }
        closing = true;
        if (reset && channel.isOpen()) {
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
        }
        channel.close();
    }

    void schedule(Runnable task, Duration delay) {
        channel.eventLoop().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    // ---------------------------------------------------------------- negotiated settings

    /** The version answers go out in: the connection's once fixed, else the request's. */
    ProtocolVersion replyVersion(ProtocolVersion requestVersion) {
        return version != null ? version : requestVersion;
    }

    void compressBodies(Compressor compressor) {
        codec = codec.withCompressor(compressor);
        compressedBodies = compressor != null;
    }

    /** v5: everything after the next answer (READY or AUTHENTICATE) travels in frames, both ways. */
    void startFramingAfterNextSend(FrameFormat format) {
        framingAfterNextSend = format;
    }

    /** The message Cassandra would reject {@code kind} with at this point, or null when allowed. */
    String phaseViolation(RequestKind kind) {
        switch (phase) {
            case PRE_STARTUP:
                return kind == RequestKind.STARTUP || kind == RequestKind.OPTIONS ? null
                        : "Unexpected message " + kind + ", expecting STARTUP or OPTIONS";
            case AUTHENTICATING:
                return kind == RequestKind.AUTH_RESPONSE || kind == RequestKind.OPTIONS ? null
                        : "Unexpected message " + kind + ", expecting SASL_RESPONSE";
            default:
                if (kind == RequestKind.STARTUP) {
                    return "Unexpected message STARTUP, the connection is already initialized";
                }
                return kind == RequestKind.AUTH_RESPONSE ? "Unexpected message AUTH_RESPONSE, the connection is "
                        + "already authenticated" : null;
        }
    }

    // ---------------------------------------------------------------- inbound

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        if (closing) {
            in.release();
            return;
        }
        try {
            if (frameDecoder != null) {
                feedFrames(in);
                return;
            }
            cumulation = cumulation == null ? in : ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(alloc, cumulation, in);
            while (frameDecoder == null && !closing && decodeBareEnvelope()) {
                // one envelope per round: STARTUP may switch this connection to frames
            }
            if (cumulation != null && (closing || !cumulation.isReadable())) {
                cumulation.release();
                cumulation = null;
            } else if (cumulation != null && frameDecoder != null) {
                ByteBuf rest = cumulation;
                cumulation = null;
                feedFrames(rest);
            }
        } catch (RuntimeException e) {
            node.problem(new IllegalStateException("connection " + id + " failed on inbound bytes", e));
            close(false);
        }
    }

    /** Writes the instant answers of this read at once: one write and one flush per read. */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ByteBuf batch = instantBatch;
        if (batch != null) {
            instantBatch = null;
            if (closing) {
                batch.release();
            } else {
                try {
                    channel.writeAndFlush(frameEncoder != null ? frameEncoder.encode(batch, alloc) : batch);
                } catch (RuntimeException e) {
                    node.problem(new IllegalStateException("stub could not frame instant answers", e));
                    close(false);
                }
            }
        }
        ctx.fireChannelReadComplete();
    }

    /**
     * Takes the next whole bare envelope out of the cumulation and handles it; false when more
     * bytes are needed. The version byte is judged as soon as it is there, as Cassandra does: an
     * unsupported version is answered (in the client's version, or the newest supported one for
     * a version newer than that) and the connection closed.
     */
    private boolean decodeBareEnvelope() {
        ByteBuf in = cumulation;
        int readable = in.readableBytes();
        if (readable == 0) {
            return false;
        }
        int at = in.readerIndex();
        int first = in.getUnsignedByte(at);
        int versionCode = first & 0x7F;
        if (!node.config.supports(versionCode)) {
            int streamBytes = versionCode <= 2 ? 1 : 2;
            if (readable < 2 + streamBytes) {
                return false;
            }
            int stream = streamBytes == 1 ? in.getByte(at + 2) : in.getShort(at + 2);
            rejectVersion(versionCode, stream);
            return false;
        }
        if (readable < EnvelopeCodec.HEADER_LENGTH) {
            return false;
        }
        int bodyLength = in.getInt(at + 5);
        if (bodyLength < 0 || bodyLength > EnvelopeCodec.MAX_BODY_LENGTH) {
            fatal(ProtocolVersion.fromCode(versionCode), in.getShort(at + 2), "Invalid envelope body length "
                    + bodyLength, true);
            return false;
        }
        if (readable < EnvelopeCodec.HEADER_LENGTH + bodyLength) {
            return false;
        }
        onEnvelope(in.readRetainedSlice(EnvelopeCodec.HEADER_LENGTH + bodyLength));
        return true;
    }

    private void rejectVersion(int versionCode, int stream) {
        node.activity.recordRejectedVersion(versionCode);
        StringBuilder supported = new StringBuilder();
        for (ProtocolVersion v : node.config.versions()) {
            supported.append(supported.length() == 0 ? "" : ", ").append(node.config.describe(v));
        }
        String message = "Invalid or unsupported protocol version (" + versionCode + "); supported versions are ("
                + supported + ")";
        // older than we speak: answer in the client's version; newer: in our newest (Cassandra's rule)
        int replyVersion = versionCode < node.config.minVersion() ? versionCode : node.config.maxVersion();
        closing = true;
        channel.writeAndFlush(Outbound.rawProtocolError(replyVersion, stream, message, alloc))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private void feedFrames(ByteBuf in) {
        try {
            frameDecoder.feed(in, this::onEnvelope);
        } catch (ProtocolException e) {
            if (!closing) {
                fatal(version, 0, "Corrupt frame: " + e.getMessage(), true);
            }
        }
    }

    /** Handles the bytes of one whole envelope, which it releases. Never throws. */
    private void onEnvelope(ByteBuf raw) {
        try {
            if (closing) {
                return;
            }
            int at = raw.readerIndex();
            int versionCode = raw.getUnsignedByte(at) & 0x7F;
            int flags = raw.getUnsignedByte(at + 1);
            int stream = raw.getShort(at + 2);
            if (version != null && versionCode != version.code()) {
                fatal(version, stream, "Invalid message version. Got " + versionCode + " but previous messages on "
                        + "this connection had version " + version.code(), true);
                return;
            }
            if (phase == Phase.READY && !compressedBodies && !node.instant.isEmpty()) {
                ByteBuf answered = node.instant.answer(raw, version, instantBatch, alloc);
                if (answered != null) {
                    instantBatch = answered;
                    return;
                }
            }
            ProtocolVersion envelopeVersion = ProtocolVersion.fromCode(versionCode);
            if (envelopeVersion == node.config.betaVersion() && (flags & Envelope.FLAG_USE_BETA) == 0) {
                fatal(envelopeVersion, stream, "Beta version of the protocol used (" + node.config.describe(envelopeVersion)
                        + "), but USE_BETA flag is unset", false);
                return;
            }
            Envelope envelope;
            try {
                envelope = codec.decode(raw, alloc);
            } catch (ProtocolException e) {
                node.problem(new IllegalStateException("connection " + id + " sent an undecodable envelope", e));
                send(Envelope.response(replyVersion(envelopeVersion), stream, new ProtocolError(e.getMessage())), null);
                return;
            }
            if (!(envelope.message() instanceof Request)) {
                node.problem(new IllegalStateException("connection " + id + " sent a response: " + envelope));
                send(Envelope.response(replyVersion(envelopeVersion), stream,
                        new ProtocolError("Unexpected response message from a client")), null);
                return;
            }
            node.responder.handle(this, envelope);
        } catch (RuntimeException e) {
            node.problem(new IllegalStateException("connection " + id + " failed handling an envelope", e));
            close(false);
        } finally {
            raw.release();
        }
    }

    /**
     * Answers with a PROTOCOL_ERROR and closes once it is written. {@code problem}: the client
     * broke the protocol (as opposed to negotiating, as a beta version refusal is).
     */
    private void fatal(ProtocolVersion in, int stream, String message, boolean problem) {
        if (problem) {
            node.problem(new ProtocolException("connection " + id + ": " + message));
        }
        ProtocolVersion v = in != null ? in : ProtocolVersion.V4;
        send(Envelope.response(replyVersion(v), stream, new ProtocolError(message)), null);
        close(false);
    }

    // ---------------------------------------------------------------- outbound

    /** Encodes and writes an answer, applying {@code fault} (null for none). */
    void send(Envelope envelope, Fault fault) {
        send(envelope, fault, 0);
    }

    /** Encodes and writes an answer, applying {@code fault} (null for none) with {@code seed} where it needs one. */
    void send(Envelope envelope, Fault fault, long seed) {
        if (closing) {
            return;
        }
        ByteBuf wire;
        try {
            wire = Outbound.encode(codec, frameEncoder, envelope, fault, seed, alloc);
        } catch (RuntimeException e) {
            node.problem(new IllegalStateException("stub could not encode " + envelope, e));
            close(false);
            return;
        } finally {
            if (framingAfterNextSend != null) {
                startFraming(framingAfterNextSend);
            }
        }
        if (fault == Fault.HALF_WRITTEN || fault == Fault.HALF_WRITTEN_THEN_CLOSE) {
            ByteBuf half = wire.retainedSlice(wire.readerIndex(), Math.max(1, wire.readableBytes() / 2));
            wire.release();
            if (fault == Fault.HALF_WRITTEN_THEN_CLOSE) {
                closing = true;
                channel.writeAndFlush(half).addListener(ChannelFutureListener.CLOSE);
            } else {
                channel.writeAndFlush(half);
            }
            return;
        }
        channel.writeAndFlush(wire);
    }

    private void startFraming(FrameFormat format) {
        framingAfterNextSend = null;
        frameEncoder = new FrameEncoder(format);
        frameDecoder = new FrameDecoder(format, alloc);
    }

    /** Writes pseudo-random bytes, outside any envelope or frame. */
    void writeRandom(int count, long seed) {
        byte[] bytes = new byte[count];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        channel.writeAndFlush(Unpooled.wrappedBuffer(bytes));
    }

    /**
     * Sends {@code event} on stream -1 if this connection REGISTERed for its type. Hops onto the
     * event loop; the future says whether it was sent.
     */
    CompletableFuture<Boolean> pushEvent(Event event) {
        CompletableFuture<Boolean> sent = new CompletableFuture<>();
        try {
            channel.eventLoop().execute(() -> {
                boolean wanted = isOpen() && registered.contains(event.type());
                if (wanted) {
                    send(Envelope.response(replyVersion(ProtocolVersion.V4), -1, event), null);
                }
                sent.complete(wanted);
            });
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            sent.complete(false);
        }
        return sent;
    }
}
