package io.reactivecql.stub;

import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.Batch;
import io.reactivecql.protocol.request.BatchType;
import io.reactivecql.protocol.request.Execute;
import io.reactivecql.protocol.request.Prepare;
import io.reactivecql.protocol.request.QueryOptions;
import io.reactivecql.protocol.response.error.Overloaded;
import io.reactivecql.protocol.response.error.Unprepared;
import io.reactivecql.protocol.response.result.ColumnSpec;
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
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PREPARE with stable ids and primed metadata, EXECUTE by id, and Unprepared on demand. */
class PreparedTest {

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
        return Rows.builder().table("ks", "t").column("v", PrimitiveType.VARCHAR).row("a").row("b").row("c").build();
    }

    private static Execute execute(PreparedResult prepared, ProtocolVersion version, QueryOptions options) {
        ByteBuffer id = ByteBuffer.wrap(prepared.id());
        return version == ProtocolVersion.V5
                ? new Execute(id, ByteBuffer.wrap(prepared.resultMetadataId()), options)
                : new Execute(id, options);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void prepareThenExecuteWithPrimedMetadata(ProtocolVersion version) throws IOException {
        node.when(SELECT).bindMarker("k", PrimitiveType.INT).partitionKey(0).thenRows(values());
        try (TestClient client = TestClient.ready(node.address(), version)) {
            PreparedResult prepared = (PreparedResult) client.request(new Prepare(SELECT));
            assertArrayEquals(StubNode.preparedId(SELECT), prepared.id());
            assertEquals(List.of(new ColumnSpec("stub", "stub", "k", PrimitiveType.INT)), prepared.variables().variables());
            assertEquals(List.of(0), prepared.variables().partitionKeyIndexes());
            assertEquals(values().columns(), prepared.resultMetadata().columns());
            assertEquals(version == ProtocolVersion.V5, prepared.resultMetadataId() != null);

            QueryOptions options = QueryOptions.builder().values(TypeCodecs.INT.encode(7)).skipMetadata(true).pageSize(2)
                    .build();
            RowsResult first = (RowsResult) client.request(execute(prepared, version, options));
            assertFalse(first.metadata().hasColumns(), "skip_metadata honored on EXECUTE");
            assertEquals(List.of(List.of("a"), List.of("b")), TestRows.values(first, prepared.resultMetadata().columns()));
            RowsResult second = (RowsResult) client.request(execute(prepared, version,
                    options.toBuilder().pagingState(first.metadata().pagingState()).build()));
            assertEquals(List.of(List.of("c")), TestRows.values(second, prepared.resultMetadata().columns()));
        }
        ReceivedRequest executed = node.activity().requests(RequestMatcher.kind(RequestKind.EXECUTE)).get(0);
        assertEquals(SELECT, executed.cql(), "an EXECUTE is recorded with its statement's text");
        assertEquals(List.of(TypeCodecs.INT.encode(7)), executed.values());
        assertEquals(2, node.activity().count(SELECT));
    }

    @Test
    void idDependsOnTheKeyspaceAsInCassandra() throws IOException {
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            PreparedResult inKs = (PreparedResult) client.request(new Prepare("SELECT 1", "ks"));
            assertArrayEquals(StubNode.preparedId("ks", "SELECT 1"), inKs.id());
            assertFalse(Arrays.equals(StubNode.preparedId("SELECT 1"), inKs.id()));
        }
    }

    @Test
    void unprimedPrepareInfersBlobMarkers() throws IOException {
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V4)) {
            PreparedResult prepared = (PreparedResult) client.request(
                    new Prepare("UPDATE ks.t SET v = ? WHERE k = :key AND s = '?'"));
            assertEquals(List.of(new ColumnSpec("stub", "stub", "p0", PrimitiveType.BLOB),
                            new ColumnSpec("stub", "stub", "key", PrimitiveType.BLOB)),
                    prepared.variables().variables());
            assertEquals(0, prepared.resultMetadata().columnCount());
        }
    }

    @Test
    void preparingSystemTablesAnnouncesTheirColumns() throws IOException {
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            PreparedResult prepared = (PreparedResult) client.request(new Prepare("SELECT * FROM system.peers_v2"));
            assertEquals("peer", prepared.resultMetadata().column(0).name());
            RowsResult rows = (RowsResult) client.request(execute(prepared, ProtocolVersion.V5, QueryOptions.DEFAULT));
            assertEquals(0, rows.rowCount(), "a single node has no peers");
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void forgetPreparedProvokesUnprepared(ProtocolVersion version) throws IOException {
        node.when(SELECT).thenRows(values());
        try (TestClient client = TestClient.ready(node.address(), version)) {
            PreparedResult prepared = (PreparedResult) client.request(new Prepare(SELECT));
            assertInstanceOf(RowsResult.class, client.request(execute(prepared, version, QueryOptions.DEFAULT)));

            node.forgetPrepared();
            Unprepared unprepared = assertInstanceOf(Unprepared.class,
                    client.request(execute(prepared, version, QueryOptions.DEFAULT)));
            assertTrue(unprepared.isId(prepared.id()));
            assertNull(node.activity().requests().get(3).cql(), "the node no longer knows the text");

            // the driver's recovery: prepare again, then execute
            assertArrayEquals(prepared.id(), ((PreparedResult) client.request(new Prepare(SELECT))).id());
            assertInstanceOf(RowsResult.class, client.request(execute(prepared, version, QueryOptions.DEFAULT)));
        }
    }

    @Test
    void unknownIdsInUnprimedBatchesAreUnprepared() throws IOException {
        ByteBuffer unknown = ByteBuffer.wrap(new byte[] {9, 9});
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            Unprepared unprepared = assertInstanceOf(Unprepared.class,
                    client.request(Batch.builder(BatchType.LOGGED).addQuery("INSERT 1").addPrepared(unknown).build()));
            assertTrue(unprepared.isId(new byte[] {9, 9}));

            // a prime always wins, even over ids the node does not know
            node.when(RequestMatcher.batch()).thenVoid();
            assertEquals(VoidResult.INSTANCE, client.request(Batch.builder(BatchType.LOGGED).addPrepared(unknown).build()));
        }
    }

    @Test
    void preparingCanFailOrBeSlow() throws IOException {
        node.when(RequestMatcher.prepare(SELECT)).once().thenError(new Overloaded("busy"));
        node.when(RequestMatcher.execute(StubNode.preparedId(SELECT))).thenVoid();
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V4)) {
            assertInstanceOf(Overloaded.class, client.request(new Prepare(SELECT)));
            PreparedResult prepared = (PreparedResult) client.request(new Prepare(SELECT));
            assertEquals(VoidResult.INSTANCE, client.request(execute(prepared, ProtocolVersion.V4, QueryOptions.DEFAULT)));
        }
    }
}
