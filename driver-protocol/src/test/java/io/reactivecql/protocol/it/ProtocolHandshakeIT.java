package io.reactivecql.protocol.it;

import io.netty.buffer.Unpooled;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.compression.Compressor;
import io.reactivecql.protocol.compression.Lz4Compressor;
import io.reactivecql.protocol.compression.SnappyCompressor;
import io.reactivecql.protocol.frame.FrameFormat;
import io.reactivecql.protocol.request.Options;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.request.Startup;
import io.reactivecql.protocol.response.Ready;
import io.reactivecql.protocol.response.Supported;
import io.reactivecql.protocol.response.error.ErrorCode;
import io.reactivecql.protocol.response.error.ErrorResponse;
import io.reactivecql.protocol.response.error.ProtocolError;
import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.protocol.types.TypeCodecs;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The protocol module alone, over a plain {@link java.net.Socket}, against the real Cassandra 5.0
 * node the build starts: handshakes on v4 and v5 (framing after READY, with and without LZ4), v4
 * body compression, a real query decoded, and a malformed request answered with PROTOCOL_ERROR.
 */
@RealCassandra
class ProtocolHandshakeIT {

    private static final Logger LOG = LoggerFactory.getLogger(ProtocolHandshakeIT.class);

    private final InetSocketAddress node;

    ProtocolHandshakeIT(CassandraCluster cluster) {
        this.node = cluster.contactPoints().get(0);
    }

    @Test
    void optionsGetsSupported() throws IOException {
        for (ProtocolVersion version : ProtocolVersion.values()) {
            try (BlockingSocketConnection connection = new BlockingSocketConnection(node, version)) {
                Envelope response = connection.request(Options.INSTANCE);
                Supported supported = assertInstanceOf(Supported.class, response.message());
                LOG.info("{} SUPPORTED: {}", version, supported.options());
                assertTrue(supported.values("CQL_VERSION").stream().anyMatch(v -> v.startsWith("3.")),
                        supported.toString());
                assertTrue(supported.values("COMPRESSION").contains("lz4"), supported.toString());
                assertTrue(supported.values("PROTOCOL_VERSIONS").stream().anyMatch(v -> v.startsWith("5/")),
                        supported.toString());
            }
        }
    }

    @Test
    void v4StartupThenQuery() throws IOException {
        try (BlockingSocketConnection connection = new BlockingSocketConnection(node, ProtocolVersion.V4)) {
            assertInstanceOf(Ready.class, connection.request(Startup.of(null)).message());
            assertReleaseVersion(connection, ProtocolVersion.V4);
        }
    }

    @Test
    void v4WithCompressedBodies() throws IOException {
        for (Compressor compressor : new Compressor[] {Lz4Compressor.INSTANCE, SnappyCompressor.INSTANCE}) {
            try (BlockingSocketConnection connection = new BlockingSocketConnection(node, ProtocolVersion.V4)) {
                // STARTUP itself goes uncompressed, but the server already compresses READY
                connection.compressBodies(compressor);
                assertInstanceOf(Ready.class, connection.request(Startup.of(compressor.algorithm())).message());
                assertReleaseVersion(connection, ProtocolVersion.V4);
            }
        }
    }

    @Test
    void v5StartupSwitchesToFramingAfterReady() throws IOException {
        try (BlockingSocketConnection connection = new BlockingSocketConnection(node, ProtocolVersion.V5)) {
            assertInstanceOf(Ready.class, connection.request(Startup.of(null)).message());
            connection.startFraming(FrameFormat.UNCOMPRESSED);
            assertReleaseVersion(connection, ProtocolVersion.V5);
        }
    }

    @Test
    void v5WithLz4Frames() throws IOException {
        try (BlockingSocketConnection connection = new BlockingSocketConnection(node, ProtocolVersion.V5)) {
            assertInstanceOf(Ready.class, connection.request(Startup.of("lz4")).message());
            connection.startFraming(FrameFormat.LZ4);
            assertReleaseVersion(connection, ProtocolVersion.V5);
            // a result large enough to be worth compressing
            Envelope peers = connection.request(new Query("SELECT * FROM system_schema.columns"));
            RowsResult rows = assertInstanceOf(RowsResult.class, peers.message());
            assertTrue(rows.rowCount() > 100, "system_schema.columns has " + rows.rowCount() + " rows");
        }
    }

    @Test
    void malformedRequestGetsProtocolError() throws IOException {
        try (BlockingSocketConnection connection = new BlockingSocketConnection(node, ProtocolVersion.V4)) {
            assertInstanceOf(Ready.class, connection.request(Startup.of(null)).message());
            // a QUERY whose [long string] claims 16 bytes but the body ends after the length
            connection.writeRaw(Unpooled.wrappedBuffer(new byte[] {
                0x04, 0x00, 0x00, 0x05, 0x07, 0x00, 0x00, 0x00, 0x04, // header: v4 request, stream 5, QUERY, length 4
                0x00, 0x00, 0x00, 0x10                                 // query length 16, no bytes follow
            }));
            Envelope response = connection.readEnvelope();
            ErrorResponse error = assertInstanceOf(ErrorResponse.class, response.message());
            LOG.info("malformed QUERY answered with {}", error);
            assertEquals(ErrorCode.PROTOCOL_ERROR, error.code(), error.toString());
            assertInstanceOf(ProtocolError.class, error);
            assertEquals(5, response.streamId());
        }
    }

    private static void assertReleaseVersion(BlockingSocketConnection connection, ProtocolVersion version)
            throws IOException {
        Envelope response = connection.request(new Query("SELECT release_version FROM system.local"));
        assertEquals(version, response.version());
        RowsResult rows = assertInstanceOf(RowsResult.class, response.message());
        assertEquals(1, rows.rowCount());
        assertEquals(PrimitiveType.VARCHAR, rows.metadata().column(0).type());
        String release = TypeCodecs.TEXT.decode(rows.data(), rows.cellOffset(0, 0), rows.cellLength(0, 0));
        LOG.info("{}: release_version {}", version, release);
        assertTrue(release.startsWith("5.0."), release);
    }
}
