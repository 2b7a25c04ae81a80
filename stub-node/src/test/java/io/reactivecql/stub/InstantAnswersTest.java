package io.reactivecql.stub;

import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.Execute;
import io.reactivecql.protocol.request.Prepare;
import io.reactivecql.protocol.request.QueryOptions;
import io.reactivecql.protocol.response.error.Unprepared;
import io.reactivecql.protocol.response.result.PreparedResult;
import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.protocol.response.result.VoidResult;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.protocol.types.TypeCodecs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The null-node mode: EXECUTEs of a registered id answered from pre-encoded bytes, unrecorded. */
class InstantAnswersTest {

    private static final String INSERT = "INSERT INTO ks.t (k, v) VALUES (?, ?)";
    private static final String SELECT = "SELECT v FROM ks.t WHERE k = ?";

    private StubNode node;

    @BeforeEach
    void start() {
        node = StubNode.start();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private static Rows values() {
        return Rows.builder().table("ks", "t").column("v", PrimitiveType.VARCHAR).row("a").row("b").build();
    }

    private static Execute execute(PreparedResult prepared, ProtocolVersion version, QueryOptions options) {
        ByteBuffer id = ByteBuffer.wrap(prepared.id());
        return version == ProtocolVersion.V5
                ? new Execute(id, ByteBuffer.wrap(prepared.resultMetadataId()), options)
                : new Execute(id, options);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void pipelinedExecutesGetTheirOwnStreamIdsAndAreNotRecorded(ProtocolVersion version) throws IOException {
        node.when(INSERT).bindMarker("k", PrimitiveType.INT).bindMarker("v", PrimitiveType.VARCHAR).thenVoid();
        node.when(SELECT).bindMarker("k", PrimitiveType.INT).thenRows(values());
        node.answerInstantly(null, INSERT, Reply.voidResult());
        node.answerInstantly(null, SELECT, Reply.rows(values()));
        try (TestClient client = TestClient.ready(node.address(), version)) {
            PreparedResult insert = (PreparedResult) client.request(new Prepare(INSERT));
            PreparedResult select = (PreparedResult) client.request(new Prepare(SELECT));
            int before = node.activity().requests().size();

            QueryOptions insertOptions = QueryOptions.builder()
                    .values(TypeCodecs.INT.encode(1), TypeCodecs.TEXT.encode("x")).build();
            Map<Integer, String> streams = new HashMap<>(); // stream -> what was sent on it
            for (int i = 0; i < 40; i++) {
                boolean isSelect = i % 2 == 1;
                boolean skip = i % 4 == 1;
                Execute request = isSelect
                        ? execute(select, version, QueryOptions.builder().values(TypeCodecs.INT.encode(i))
                                .skipMetadata(skip).build())
                        : execute(insert, version, insertOptions);
                streams.put(client.send(request), !isSelect ? "insert" : skip ? "select skipping metadata" : "select");
            }
            Map<Integer, Envelope> answers = new HashMap<>();
            while (answers.size() < 40) {
                Envelope envelope = client.readEnvelope();
                answers.put(envelope.streamId(), envelope);
            }
            assertEquals(streams.keySet(), answers.keySet(), "one answer per request, on its stream");
            for (Map.Entry<Integer, Envelope> e : answers.entrySet()) {
                int stream = e.getKey();
                Envelope answer = e.getValue();
                assertEquals(version, answer.version());
                String sent = streams.get(stream);
                if (sent.equals("insert")) {
                    assertEquals(VoidResult.INSTANCE, answer.message());
                } else {
                    RowsResult rows = assertInstanceOf(RowsResult.class, answer.message());
                    assertEquals(2, rows.rowCount());
                    assertEquals(sent.equals("select"), rows.metadata().hasColumns(), "skip_metadata honored");
                    assertEquals(List.of(List.of("a"), List.of("b")),
                            TestRows.values(rows, values().columns()));
                }
            }
            assertEquals(before, node.activity().requests().size(), "instant answers are not recorded");
        }
    }

    @Test
    void otherStatementsTakeTheNormalPath() throws IOException {
        node.answerInstantly(null, INSERT, Reply.voidResult());
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            Execute unknown = new Execute(ByteBuffer.wrap(new byte[] {1, 2, 3}), ByteBuffer.wrap(new byte[] {4}),
                    QueryOptions.DEFAULT);
            assertInstanceOf(Unprepared.class, client.request(unknown));
            assertEquals(1, node.activity().count(RequestKind.EXECUTE), "a normal EXECUTE is recorded");
        }
    }

    @Test
    void onlyVoidOrRowsWithoutFaultsQualify() {
        assertThrows(IllegalArgumentException.class, () -> node.answerInstantly(null, INSERT, Reply.noAnswer()));
        assertThrows(IllegalArgumentException.class,
                () -> node.answerInstantly(null, INSERT, Reply.voidResult().with(Fault.CORRUPT_PAYLOAD_CRC)));
        assertTrue(node.problems().isEmpty());
    }
}
