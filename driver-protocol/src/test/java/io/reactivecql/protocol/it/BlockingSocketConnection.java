package io.reactivecql.protocol.it;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.EnvelopeCodec;
import io.reactivecql.protocol.MessageCodecRegistry;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.Request;
import io.reactivecql.protocol.compression.Compressor;
import io.reactivecql.protocol.frame.FrameDecoder;
import io.reactivecql.protocol.frame.FrameEncoder;
import io.reactivecql.protocol.frame.FrameFormat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The protocol module alone over a plain blocking {@link Socket}: proof that the codec talks to a
 * real server without any of the driver's I/O. Test code on the test thread, never an event loop.
 */
final class BlockingSocketConnection implements AutoCloseable {

    private static final PooledByteBufAllocator ALLOC = PooledByteBufAllocator.DEFAULT;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final ProtocolVersion version;
    private EnvelopeCodec codec = new EnvelopeCodec(MessageCodecRegistry.defaults());
    private FrameFormat framing; // null until v5 framing starts
    private FrameDecoder frameDecoder;
    private final Deque<ByteBuf> pendingEnvelopes = new ArrayDeque<>();
    private int nextStreamId = 1;

    BlockingSocketConnection(InetSocketAddress address, ProtocolVersion version) throws IOException {
        this.socket = new Socket();
        socket.connect(address, 5_000);
        socket.setSoTimeout(15_000);
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.version = version;
    }

    /** v4: compress every body from now on (STARTUP itself is never compressed). */
    void compressBodies(Compressor compressor) {
        codec = codec.withCompressor(compressor);
    }

    /** v5: wrap envelopes in frames from now on (after READY). */
    void startFraming(FrameFormat format) {
        framing = format;
        frameDecoder = new FrameDecoder(format, ALLOC);
    }

    /** Sends a request and returns the response to it. */
    Envelope request(Request request) throws IOException {
        int streamId = nextStreamId++;
        ByteBuf envelope = codec.encode(Envelope.request(version, streamId, request), ALLOC);
        writeRaw(framing == null ? envelope : new FrameEncoder(framing).encode(envelope, ALLOC));
        return readEnvelope();
    }

    /** Writes bytes as they are (and releases them). */
    void writeRaw(ByteBuf bytes) throws IOException {
        try {
            out.write(ByteBufUtil.getBytes(bytes));
            out.flush();
        } finally {
            bytes.release();
        }
    }

    /** Reads the next envelope from the socket (through the frame decoder once framing started). */
    Envelope readEnvelope() throws IOException {
        ByteBuf raw = framing == null ? readBareEnvelope() : readFramedEnvelope();
        try {
            return codec.decode(raw, ALLOC);
        } finally {
            raw.release();
        }
    }

    private ByteBuf readBareEnvelope() throws IOException {
        byte[] header = new byte[EnvelopeCodec.HEADER_LENGTH];
        in.readFully(header);
        int bodyLength = Unpooled.wrappedBuffer(header).getInt(5);
        byte[] whole = new byte[header.length + bodyLength];
        System.arraycopy(header, 0, whole, 0, header.length);
        in.readFully(whole, header.length, bodyLength);
        return Unpooled.wrappedBuffer(whole);
    }

    private ByteBuf readFramedEnvelope() throws IOException {
        byte[] chunk = new byte[8192];
        while (pendingEnvelopes.isEmpty()) {
            int n = in.read(chunk);
            if (n < 0) {
                throw new IOException("connection closed by the server");
            }
            frameDecoder.feed(Unpooled.copiedBuffer(chunk, 0, n), pendingEnvelopes::add);
        }
        return pendingEnvelopes.poll();
    }

    @Override
    public void close() throws IOException {
        pendingEnvelopes.forEach(ByteBuf::release);
        pendingEnvelopes.clear();
        if (frameDecoder != null) {
            frameDecoder.close();
        }
        socket.close();
    }
}
