package io.reactivecql.stub;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.EnvelopeCodec;
import io.reactivecql.protocol.MessageCodecRegistry;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.Request;
import io.reactivecql.protocol.Response;
import io.reactivecql.protocol.compression.Lz4Compressor;
import io.reactivecql.protocol.compression.SnappyCompressor;
import io.reactivecql.protocol.frame.FrameDecoder;
import io.reactivecql.protocol.frame.FrameEncoder;
import io.reactivecql.protocol.frame.FrameFormat;
import io.reactivecql.protocol.request.AuthResponse;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.request.Startup;
import io.reactivecql.protocol.response.Authenticate;
import io.reactivecql.protocol.response.Ready;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A minimal blocking CQL client over a plain {@link Socket}, built from the protocol module alone:
 * what the tests use to see the stub from the client's side. Runs on the test thread. Unpooled
 * heap buffers throughout, all released, so the leak detector stays quiet.
 */
final class TestClient implements AutoCloseable {

    static final UnpooledByteBufAllocator ALLOC = UnpooledByteBufAllocator.DEFAULT;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final ProtocolVersion version;
    private EnvelopeCodec codec = new EnvelopeCodec(MessageCodecRegistry.defaults());
    private FrameFormat framing;
    private FrameDecoder frameDecoder;
    private final Deque<ByteBuf> pending = new ArrayDeque<>();
    private final List<Envelope> events = new ArrayList<>();
    private int nextStreamId = 1;
    private boolean beta;

    TestClient(InetSocketAddress address, ProtocolVersion version) throws IOException {
        this.socket = new Socket();
        socket.connect(address, 2_000);
        socket.setSoTimeout(5_000);
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.version = version;
    }

    /** A connected client that completed STARTUP (READY) with {@code compression} (null: none). */
    static TestClient ready(InetSocketAddress address, ProtocolVersion version, String compression) throws IOException {
        TestClient client = new TestClient(address, version);
        Response response = client.startup(compression);
        if (!(response instanceof Ready)) {
            client.close();
            throw new AssertionError("expected READY, got " + response);
        }
        return client;
    }

    static TestClient ready(InetSocketAddress address, ProtocolVersion version) throws IOException {
        return ready(address, version, null);
    }

    ProtocolVersion version() {
        return version;
    }

    void soTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    /** Sets the USE_BETA flag on every request from now on. */
    void useBeta() {
        beta = true;
    }

    /**
     * Sends STARTUP and returns the answer, setting up what it negotiates: v4 body compression at
     * once (the answer itself may be compressed), v5 frames after READY or AUTHENTICATE.
     */
    Response startup(String compression) throws IOException {
        if (compression != null && version == ProtocolVersion.V4) {
            codec = codec.withCompressor("lz4".equals(compression) ? Lz4Compressor.INSTANCE : SnappyCompressor.INSTANCE);
        }
        Response response = request(Startup.of(compression));
        if (version == ProtocolVersion.V5 && (response instanceof Ready || response instanceof Authenticate)) {
            framing = FrameFormat.forCompression(compression);
            frameDecoder = new FrameDecoder(framing, ALLOC);
        }
        return response;
    }

    /** SASL PLAIN with these credentials; returns AUTH_SUCCESS or the error. */
    Response authenticate(String user, String password) throws IOException {
        byte[] token = ("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8);
        return request(new AuthResponse(ByteBuffer.wrap(token)));
    }

    /** Sends a request and returns the answer on its stream (events met meanwhile are kept). */
    Response request(Request request) throws IOException {
        return exchange(request).message() instanceof Response r ? r : null;
    }

    /** Like {@link #request} but returns the whole envelope. */
    Envelope exchange(Request request) throws IOException {
        int stream = send(request);
        while (true) {
            Envelope envelope = readEnvelope();
            if (envelope.streamId() == stream) {
                return envelope;
            }
            if (envelope.streamId() < 0) {
                events.add(envelope);
            } else {
                throw new AssertionError("answer on stream " + envelope.streamId() + " while waiting for " + stream);
            }
        }
    }

    Response query(String cql) throws IOException {
        return request(new Query(cql));
    }

    /** Sends a request on the next stream id, which it returns. */
    int send(Request request) throws IOException {
        return send(request, nextStreamId++, false);
    }

    int send(Request request, int streamId, boolean tracing) throws IOException {
        Envelope envelope = new Envelope(version, streamId, tracing, null, List.of(), Map.of(), beta, request);
        ByteBuf bytes = codec.encode(envelope, ALLOC);
        writeRaw(framing == null ? bytes : new FrameEncoder(framing).encode(bytes, ALLOC));
        return streamId;
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

    /** The next envelope (through the frame decoder once framing started), decoded. */
    Envelope readEnvelope() throws IOException {
        ByteBuf raw = framing == null ? readBareEnvelope() : readFramedEnvelope();
        try {
            return codec.decode(raw, ALLOC);
        } finally {
            raw.release();
        }
    }

    /** The next envelope's raw bytes, bare (v4, or before v5 framing starts). */
    ByteBuf readBareEnvelope() throws IOException {
        byte[] header = readFully(EnvelopeCodec.HEADER_LENGTH);
        ByteBuf headerBuf = Unpooled.wrappedBuffer(header);
        int length = codec.envelopeLength(headerBuf);
        byte[] whole = new byte[length];
        System.arraycopy(header, 0, whole, 0, header.length);
        in.readFully(whole, header.length, length - header.length);
        return Unpooled.wrappedBuffer(whole);
    }

    private ByteBuf readFramedEnvelope() throws IOException {
        byte[] chunk = new byte[8192];
        while (pending.isEmpty()) {
            int n = in.read(chunk);
            if (n < 0) {
                throw new EOFException("connection closed by the server");
            }
            frameDecoder.feed(Unpooled.copiedBuffer(chunk, 0, n), pending::add);
        }
        return pending.poll();
    }

    /** Exactly {@code n} bytes from the socket. */
    byte[] readFully(int n) throws IOException {
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return bytes;
    }

    /** Whatever arrives until the server closes the connection (or the read times out). */
    byte[] readToEnd() throws IOException {
        return in.readAllBytes();
    }

    /** Reads until an event arrives (or returns one already received). */
    Envelope nextEvent() throws IOException {
        while (events.isEmpty()) {
            Envelope envelope = readEnvelope();
            if (envelope.streamId() >= 0) {
                throw new AssertionError("unexpected answer while waiting for an event: " + envelope);
            }
            events.add(envelope);
        }
        return events.remove(0);
    }

    /** Whether the server closed the connection (EOF within the socket timeout). */
    boolean isClosedByServer() throws IOException {
        return in.read() < 0;
    }

    @Override
    public void close() throws IOException {
        pending.forEach(ByteBuf::release);
        pending.clear();
        if (frameDecoder != null) {
            frameDecoder.close();
        }
        socket.close();
    }
}
