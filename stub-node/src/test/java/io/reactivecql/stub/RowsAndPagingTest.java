package io.reactivecql.stub;

import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.request.QueryOptions;
import io.reactivecql.protocol.response.error.ProtocolError;
import io.reactivecql.protocol.response.result.ColumnSpec;
import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.protocol.types.ListType;
import io.reactivecql.protocol.types.PrimitiveType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Primed rows: typed values, paging by the request's page size and paging state, empty pages. */
class RowsAndPagingTest {

    private static final String SELECT = "SELECT id, name, tags FROM ks.users";
    private static final UUID ID = UUID.fromString("6ab09bec-e68e-48d9-a5f8-97e6fb4c9b47");

    private StubNode node;

    @BeforeEach
    void start() {
        node = StubNode.start();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private static Rows users(int count) {
        Rows.Builder rows = Rows.builder().table("ks", "users")
                .column("id", PrimitiveType.INT)
                .column("name", PrimitiveType.VARCHAR)
                .column("tags", new ListType(PrimitiveType.VARCHAR, false));
        for (int i = 1; i <= count; i++) {
            rows.row(i, "user" + i, i % 2 == 0 ? null : List.of("t" + i));
        }
        return rows.build();
    }

    private static Query page(String cql, int pageSize, ByteBuffer pagingState) {
        return new Query(cql, QueryOptions.builder().pageSize(pageSize).pagingState(pagingState).build());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void threePagesFollowThePagingState(ProtocolVersion version) throws IOException {
        node.when(SELECT).thenRows(users(5));
        try (TestClient client = TestClient.ready(node.address(), version)) {
            List<List<Object>> all = new ArrayList<>();
            List<Integer> pageSizes = new ArrayList<>();
            ByteBuffer state = null;
            do {
                RowsResult result = (RowsResult) client.request(page(SELECT, 2, state));
                pageSizes.add(result.rowCount());
                all.addAll(TestRows.values(result));
                state = result.metadata().pagingState();
            } while (state != null);
            assertEquals(List.of(2, 2, 1), pageSizes);
            assertEquals(Arrays.asList(1, "user1", List.of("t1")), all.get(0));
            assertEquals(Arrays.asList(4, "user4", null), all.get(3));
            assertEquals(5, all.size());
        }
        assertEquals(3, node.activity().count(SELECT));
        assertEquals(2, node.activity().count(RequestMatcher.query(SELECT).onLaterPages()));
    }

    @Test
    void withoutPageSizeEverythingComesAtOnce() throws IOException {
        node.when(SELECT).thenRows(users(7));
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            RowsResult result = (RowsResult) client.query(SELECT);
            assertEquals(7, result.rowCount());
            assertFalse(result.metadata().hasMorePages());
            assertEquals("ks", result.metadata().column(0).keyspace());
        }
    }

    @Test
    void emptyPageThatSaysMoreFollow() throws IOException {
        node.when(SELECT).thenEmptyPageThen(users(3));
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            RowsResult first = (RowsResult) client.request(page(SELECT, 2, null));
            assertEquals(0, first.rowCount());
            assertTrue(first.metadata().hasMorePages());
            RowsResult second = (RowsResult) client.request(page(SELECT, 2, first.metadata().pagingState()));
            assertEquals(2, second.rowCount());
            RowsResult third = (RowsResult) client.request(page(SELECT, 2, second.metadata().pagingState()));
            assertEquals(1, third.rowCount());
            assertNull(third.metadata().pagingState());
        }
    }

    @Test
    void foreignPagingStateIsRejected() throws IOException {
        node.when(SELECT).thenRows(users(3));
        node.when("SELECT other FROM ks.t").thenRows(users(3));
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V4)) {
            ByteBuffer state = ((RowsResult) client.request(page(SELECT, 1, null))).metadata().pagingState();
            assertNotNull(state);
            assertEquals(new ProtocolError("Invalid value for the paging state"),
                    client.request(page("SELECT other FROM ks.t", 1, state)));
            assertEquals(new ProtocolError("Invalid value for the paging state"),
                    client.request(page(SELECT, 1, ByteBuffer.wrap(new byte[] {1, 2, 3}))));
        }
    }

    @Test
    void everyValueTypeIsSerializedByTheTypeCodecs() throws IOException {
        Rows rows = Rows.builder()
                .column("u", PrimitiveType.UUID).column("b", PrimitiveType.BIGINT).column("f", PrimitiveType.BOOLEAN)
                .column("raw", PrimitiveType.INT)
                .row(ID, 42L, true, ByteBuffer.wrap(new byte[] {0, 0, 0, 9}))
                .build();
        node.when(RequestMatcher.queryMatching(text -> text.startsWith("SELECT u, b"))).thenRows(rows);
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            RowsResult result = (RowsResult) client.query("SELECT u, b, f, raw FROM ks.types");
            assertEquals(List.of(List.of(ID, 42L, true, 9)), TestRows.values(result));
        }
    }

    @Test
    void valuesOfTheWrongTypeFailWhenPriming() {
        IllegalArgumentException wrongClass = assertThrows(IllegalArgumentException.class,
                () -> Rows.builder().column("b", PrimitiveType.BIGINT).row(1).build());
        assertTrue(wrongClass.getMessage().contains("expected Long"), wrongClass.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Rows.builder().column("b", PrimitiveType.INT).row(1, 2).build());
    }

    @Test
    void columnSpecsAreKeptAsGiven() {
        Rows rows = Rows.builder().column(new ColumnSpec("a", "b", "c", PrimitiveType.ASCII)).row("x").build();
        assertEquals(List.of(new ColumnSpec("a", "b", "c", PrimitiveType.ASCII)), rows.columns());
        assertEquals(1, rows.size());
    }
}
