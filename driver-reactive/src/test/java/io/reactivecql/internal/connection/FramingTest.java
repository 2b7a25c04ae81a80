package io.reactivecql.internal.connection;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.reactivecql.api.errors.ProtocolViolationException;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolException;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.frame.FrameEncoder;
import io.reactivecql.protocol.frame.FrameFormat;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.request.Startup;
import io.reactivecql.protocol.response.Ready;
import io.reactivecql.protocol.response.result.ColumnSpec;
import io.reactivecql.protocol.response.result.RowsMetadata;
import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.protocol.response.result.VoidResult;
import io.reactivecql.protocol.types.PrimitiveType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static io.reactivecql.internal.connection.InFlightHandlerTest.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** v5 outer frames after STARTUP: coalesced batches, split envelopes both ways, LZ4, corrupt frames. */
class FramingTest {

    private ScriptedNode node;

    @AfterEach
    void release() {
        if (node != null) {
            node.close();
        }
    }

    /** A v5 connection past STARTUP, framed from now on. */
    private ScriptedNode framed(String compression) {
        node = new ScriptedNode(ProtocolVersion.V5, compression, 1024, 16);
        InFlightHandlerTest.Outcome startup = new InFlightHandlerTest.Outcome();
        node.connection.send(Startup.of(compression)).subscribe(v -> startup.value = v);
        node.request();
        node.respond(0, Ready.INSTANCE);
        assertTrue(node.wire.framed());
        return node;
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {"none", "lz4"})
    void oneFlushOfManyRequestsIsOneWriteOfPackedFrames(String compression) {
        framed(compression);
        int writesBefore = node.writes;
        List<InFlightHandlerTest.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            outcomes.add(send(node.connection, "SELECT " + i));
        }
        List<Envelope> written = node.requests();
        assertEquals(200, written.size());
        assertEquals(writesBefore + 1, node.writes);
        List<Envelope> answers = new ArrayList<>();
        for (Envelope request : written) {
            answers.add(Envelope.response(ProtocolVersion.V5, request.streamId(), VoidResult.INSTANCE));
        }
        node.respond(answers);
        for (InFlightHandlerTest.Outcome outcome : outcomes) {
            assertEquals(VoidResult.INSTANCE, outcome.value.message());
        }
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {"none", "lz4"})
    void largeRequestsAndAnswersAreSplitAcrossFrames(String compression) {
        framed(compression);
        String large = "SELECT '" + "x".repeat(300_000) + "'";
        InFlightHandlerTest.Outcome outcome = send(node.connection, large);
        InFlightHandlerTest.Outcome small = send(node.connection, "SELECT 1");
        List<Envelope> written = node.requests();
        assertEquals(2, written.size());
        assertEquals(large, ((Query) written.get(0).message()).query());

        byte[] cell = new byte[400_000];
        for (int i = 0; i < cell.length; i++) {
            cell[i] = (byte) (i * 31);
        }
        RowsMetadata metadata = RowsMetadata.of(List.of(new ColumnSpec("ks", "t", "b", PrimitiveType.BLOB)));
        RowsResult rows = RowsResult.of(metadata, List.of(List.of(ByteBuffer.wrap(cell))));
        node.respond(List.of(Envelope.response(ProtocolVersion.V5, written.get(0).streamId(), rows),
                Envelope.response(ProtocolVersion.V5, written.get(1).streamId(), VoidResult.INSTANCE)));
        assertEquals(rows, outcome.value.message());
        assertEquals(VoidResult.INSTANCE, small.value.message());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {"none", "lz4"})
    void corruptFrameIsAProtocolViolation(String compression) {
        framed(compression);
        InFlightHandlerTest.Outcome outcome = send(node.connection, "SELECT 1");
        Envelope request = node.request();
        ByteBuf payload = new FrameEncoder(FrameFormat.forCompression(compression))
                .newPayloadBuffer(ByteBufAllocator.DEFAULT, 64);
        node.wire.codec().encode(Envelope.response(ProtocolVersion.V5, request.streamId(), VoidResult.INSTANCE),
                payload, ByteBufAllocator.DEFAULT);
        ByteBuf frame = new FrameEncoder(FrameFormat.forCompression(compression))
                .encodeInPlace(payload, ByteBufAllocator.DEFAULT);
        frame.setByte(frame.writerIndex() - 1, frame.getByte(frame.writerIndex() - 1) ^ 0x55); // break the CRC32
        node.receive(frame);
        ProtocolViolationException error = assertInstanceOf(ProtocolViolationException.class, outcome.error);
        assertInstanceOf(ProtocolException.class, error.getCause());
        assertTrue(error.getMessage().contains("CRC32"), error.getMessage());
        assertFalse(node.channel.isOpen());
    }
}
