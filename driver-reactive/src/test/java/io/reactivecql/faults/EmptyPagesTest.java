package io.reactivecql.faults;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.stub.RequestMatcher;
import io.reactivecql.stub.Rows;
import io.reactivecql.stub.StubNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static io.reactivecql.faults.StubSessions.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page with no rows that says more pages follow (Cassandra sends them when tombstones or
 * filtering empty a page): the row stream neither ends there nor hangs, it fetches on.
 */
class EmptyPagesTest {

    private static final String QUERY = "SELECT v FROM faults.sparse";
    /**
     * The same answers, for the test that cancels: the row stream asks for the next page before it
     * emits the rows in hand, so a page request of the cancelled stream may reach the node after
     * another test started counting QUERY's requests.
     */
    private static final String CANCELLED_QUERY = "SELECT v FROM faults.sparse_cancelled";
    private static StubNode node;
    private static ReactiveSession session;

    @BeforeAll
    static void start() {
        node = StubNode.start();
        Rows.Builder rows = Rows.builder().column("v", PrimitiveType.INT);
        IntStream.range(0, 25).forEach(rows::row);
        node.when(QUERY).thenEmptyPageThen(rows.build());
        node.when(CANCELLED_QUERY).thenEmptyPageThen(rows.build());
        session = StubSessions.connect(StubSessions.builder(node));
    }

    @AfterAll
    static void stop() {
        StubSessions.close(session);
        node.close();
    }

    @Test
    void theRowStreamGoesOnPastAnEmptyPage() {
        node.activity().clearRequests();
        List<Integer> values = session.execute(SimpleStatement.of(QUERY).withPageSize(10))
                .map(row -> row.getInt("v"))
                .collectList()
                .block(WAIT);
        assertEquals(IntStream.range(0, 25).boxed().toList(), values);
        // the empty page, then 10 + 10 + 5
        assertEquals(4, node.activity().count(RequestMatcher.query(QUERY)));
    }

    @Test
    void aSmallDemandIsServedPastTheEmptyPageToo() {
        List<Row> first = session.execute(SimpleStatement.of(CANCELLED_QUERY).withPageSize(10)).take(3).collectList().block(WAIT);
        assertEquals(3, first.size());
        assertEquals(0, first.get(0).getInt("v"));
    }

    @Test
    void pageByPageTheEmptyPageSaysMoreFollow() {
        ResultPage empty = session.executePage(SimpleStatement.of(QUERY).withPageSize(10)).block(WAIT);
        assertNotNull(empty);
        assertTrue(empty.rows().isEmpty());
        assertTrue(empty.hasMorePages());
        ResultPage next = empty.next().block(WAIT);
        assertEquals(10, next.rows().size());
        assertTrue(next.hasMorePages());
        ResultPage last = next.next().block(WAIT).next().block(WAIT);
        assertEquals(5, last.rows().size());
        assertFalse(last.hasMorePages());
    }
}
