package io.reactivecql.internal.connection;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.EnvelopeCodec;
import io.reactivecql.protocol.MessageCodecRegistry;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.Options;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.request.Startup;
import io.reactivecql.protocol.response.Ready;
import io.reactivecql.protocol.response.Supported;
import io.reactivecql.protocol.response.error.ProtocolError;
import io.reactivecql.protocol.response.result.SetKeyspaceResult;
import io.reactivecql.protocol.response.result.VoidResult;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny blocking CQL node on 127.0.0.1 for negotiation and timeout tests: speaks protocol v4 only
 * (refusing v5 as Cassandra 3.x/4.0 do, then closing), unframed, uncompressed; a QUERY is answered
 * with a SET_KEYSPACE result naming the query text. With {@code mute} it
 * accepts connections and never answers. Its threads are plain threads: blocking is fine there.
 */
final class StubNode implements AutoCloseable {

    private final ServerSocket server;
    private final boolean mute;
    private final EnvelopeCodec codec = new EnvelopeCodec(MessageCodecRegistry.defaults());
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    /** Connections accepted so far. */
    final AtomicInteger connections = new AtomicInteger();
    /** Connections the client closed (end of stream seen). */
    final AtomicInteger closedByClient = new AtomicInteger();

    StubNode(boolean mute) throws IOException {
        this.mute = mute;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "stub-node-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                connections.incrementAndGet();
                Thread serve = new Thread(() -> serve(socket), "stub-node-connection");
                serve.setDaemon(true);
                serve.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                byte[] header = new byte[EnvelopeCodec.HEADER_LENGTH];
                in.readFully(header);
                int bodyLength = Unpooled.wrappedBuffer(header).getInt(5);
                byte[] body = new byte[bodyLength];
                in.readFully(body);
                if (mute) {
                    continue;
                }
                ByteBuf request = Unpooled.wrappedBuffer(header, body);
                int version = header[0] & 0x7F;
                int stream = request.getShort(2);
                if (version != 4) {
                    // what Cassandra 4.0 says to a v5 client, then it closes the connection
                    write(out, Envelope.response(ProtocolVersion.V4, stream, new ProtocolError(
                            "Invalid or unsupported protocol version (" + version + "); supported versions are (3/v3, 4/v4)")));
                    return;
                }
                Envelope envelope;
                try {
                    envelope = codec.decode(request, UnpooledByteBufAllocator.DEFAULT);
                } finally {
                    request.release();
                }
                if (envelope.message() instanceof Options) {
                    write(out, Envelope.response(ProtocolVersion.V4, stream, new Supported(Map.of(
                            Supported.PROTOCOL_VERSIONS, List.of("3/v3", "4/v4"),
                            Supported.COMPRESSION, List.of()))));
                } else if (envelope.message() instanceof Startup) {
                    write(out, Envelope.response(ProtocolVersion.V4, stream, Ready.INSTANCE));
                } else if (envelope.message() instanceof Query query) {
                    // echoes the query text: tests check that every answer reached its own request
                    write(out, Envelope.response(ProtocolVersion.V4, stream, new SetKeyspaceResult(query.query())));
                } else {
                    write(out, Envelope.response(ProtocolVersion.V4, stream, VoidResult.INSTANCE));
                }
            }
        } catch (IOException e) {
            closedByClient.incrementAndGet();
        }
    }

    private void write(OutputStream out, Envelope response) throws IOException {
        ByteBuf bytes = codec.encode(response, UnpooledByteBufAllocator.DEFAULT);
        try {
            byte[] array = new byte[bytes.readableBytes()];
            bytes.readBytes(array);
            out.write(array);
            out.flush();
        } finally {
            bytes.release();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
