package io.reactivecql.samples;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.EnvelopeCodec;
import io.reactivecql.protocol.MessageCodecRegistry;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.Request;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.request.Startup;
import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.protocol.types.TypeCodecs;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The quickstart, for now at the protocol level: finds (or starts) a Cassandra node and prints
 * its {@code release_version}, read with the protocol module over a plain socket. It becomes the
 * reactive session quickstart when the session lands.
 */
public final class Quickstart {

    private Quickstart() {
    }

    public static void main(String[] args) throws IOException {
        try (ContactPoints contactPoints = ContactPoints.findOrStart()) {
            InetSocketAddress node = contactPoints.addresses().get(0);
            EnvelopeCodec codec = new EnvelopeCodec(MessageCodecRegistry.defaults());
            try (Socket socket = new Socket()) {
                socket.connect(node, 5_000);
                socket.setSoTimeout(10_000);
                DataInputStream in = new DataInputStream(socket.getInputStream());
                roundTrip(codec, socket, in, Startup.of(null));
                Envelope response = roundTrip(codec, socket, in,
                        new Query("SELECT release_version, cluster_name FROM system.local"));
                RowsResult rows = (RowsResult) response.message();
                String release = TypeCodecs.TEXT.decode(rows.data(), rows.cellOffset(0, 0), rows.cellLength(0, 0));
                String cluster = TypeCodecs.TEXT.decode(rows.data(), rows.cellOffset(0, 1), rows.cellLength(0, 1));
                System.out.println("Connected to " + node + " (cluster '" + cluster + "'): release_version " + release);
            }
        }
    }

    private static Envelope roundTrip(EnvelopeCodec codec, Socket socket, DataInputStream in, Request request)
            throws IOException {
        ByteBuf out = codec.encode(Envelope.request(ProtocolVersion.V4, 1, request), UnpooledByteBufAllocator.DEFAULT);
        try {
            socket.getOutputStream().write(ByteBufUtil.getBytes(out));
        } finally {
            out.release();
        }
        byte[] header = new byte[EnvelopeCodec.HEADER_LENGTH];
        in.readFully(header);
        byte[] envelope = new byte[header.length + Unpooled.wrappedBuffer(header).getInt(5)];
        System.arraycopy(header, 0, envelope, 0, header.length);
        in.readFully(envelope, header.length, envelope.length - header.length);
        return codec.decode(Unpooled.wrappedBuffer(envelope), UnpooledByteBufAllocator.DEFAULT);
    }
}
