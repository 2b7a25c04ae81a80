package io.reactivecql.it;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.errors.AlreadyExistsException;
import io.reactivecql.api.errors.InvalidQueryException;
import io.reactivecql.api.errors.SyntaxErrorException;
import io.reactivecql.api.result.QueryTrace;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.statement.BatchStatement;
import io.reactivecql.api.statement.PreparedStatement;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.request.BatchType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batches, lightweight transactions, tracing and typed server errors against a real node. */
@RealCassandra
class StatementsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static ReactiveSession session;

    @BeforeAll
    static void schema(CassandraCluster cluster) {
        session = ItSessions.builder(cluster).connect().block(WAIT);
        run("CREATE KEYSPACE IF NOT EXISTS it_stmt WITH replication = "
                + "{'class': 'SimpleStrategy', 'replication_factor': 1}");
        run("CREATE TABLE IF NOT EXISTS it_stmt.kv (k text PRIMARY KEY, v int)");
        run("CREATE TABLE IF NOT EXISTS it_stmt.counts (k text PRIMARY KEY, n counter)");
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close().block(WAIT);
        }
    }

    private static void run(String cql) {
        session.execute(cql).blockLast(WAIT);
    }

    @Test
    void loggedBatchOfSimpleAndBoundStatements() {
        PreparedStatement insert = session.prepare("INSERT INTO it_stmt.kv (k, v) VALUES (?, ?)").block(WAIT);
        BatchStatement batch = BatchStatement.logged()
                .add(insert.bind("b1", 1))
                .add(SimpleStatement.of("INSERT INTO it_stmt.kv (k, v) VALUES (?, ?)", "b2", 2))
                .add(insert.bind("b3", 3))
                .withConsistency(ConsistencyLevel.ONE);
        ResultPage page = session.executePage(batch).block(WAIT);
        assertTrue(page.wasApplied());
        List<Integer> values = session.execute("SELECT v FROM it_stmt.kv WHERE k IN ('b1', 'b2', 'b3')")
                .map(r -> r.getInt("v")).collectList().block(WAIT);
        assertEquals(List.of(1, 2, 3), values.stream().sorted().toList());
    }

    @Test
    void counterBatch() {
        long before = currentCount();
        PreparedStatement add = session.prepare("UPDATE it_stmt.counts SET n = n + ? WHERE k = 'c'").block(WAIT);
        session.executePage(BatchStatement.of(BatchType.COUNTER, add.bind(2L), add.bind(3L))).block(WAIT);
        assertEquals(before + 5, currentCount());
    }

    private static long currentCount() {
        Row row = session.execute("SELECT n FROM it_stmt.counts WHERE k = 'c'").blockFirst(WAIT);
        return row == null ? 0 : row.getLong("n");
    }

    @Test
    void lightweightTransactionsSayWhetherTheyApplied() {
        String key = "lwt-" + System.nanoTime();
        String cql = "INSERT INTO it_stmt.kv (k, v) VALUES (?, ?) IF NOT EXISTS";
        ResultPage first = session.executePage(SimpleStatement.of(cql, key, 1)).block(WAIT);
        assertTrue(first.wasApplied());
        ResultPage second = session.executePage(SimpleStatement.of(cql, key, 2)).block(WAIT);
        assertFalse(second.wasApplied());
        assertEquals(1, second.one().getInt("v"));
        PreparedStatement update = session.prepare("UPDATE it_stmt.kv SET v = ? WHERE k = ? IF v = ?").block(WAIT);
        assertTrue(session.executePage(update.bind(5, key, 1)).block(WAIT).wasApplied());
        assertFalse(session.executePage(update.bind(6, key, 1)).block(WAIT).wasApplied());
    }

    @Test
    void aTracedRequestHasItsTrace() {
        ResultPage page = session.executePage(SimpleStatement.of("SELECT * FROM it_stmt.kv WHERE k = 'b1'")
                .withTracing(true)).block(WAIT);
        assertNotNull(page.executionInfo().tracingId());
        QueryTrace trace = page.executionInfo().queryTrace().block(WAIT);
        assertEquals(page.executionInfo().tracingId(), trace.tracingId());
        assertTrue(trace.durationMicros() > 0);
        assertNotNull(trace.coordinator());
        assertNotNull(trace.startedAt());
        assertFalse(trace.events().isEmpty());
        assertTrue(trace.parameters().containsKey("query"), trace.parameters().toString());
    }

    @Test
    void serverErrorsAreTyped() {
        assertThrows(SyntaxErrorException.class, () -> session.execute("SELEKT * FROM it_stmt.kv").blockLast(WAIT));
        InvalidQueryException invalid = assertThrows(InvalidQueryException.class,
                () -> session.execute("SELECT * FROM it_stmt.no_such_table").blockLast(WAIT));
        assertNotNull(invalid.coordinator());
        AlreadyExistsException keyspace = assertThrows(AlreadyExistsException.class, () -> session.execute(
                "CREATE KEYSPACE it_stmt WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}")
                .blockLast(WAIT));
        assertEquals("it_stmt", keyspace.keyspace());
        assertTrue(keyspace.isKeyspace());
        AlreadyExistsException table = assertThrows(AlreadyExistsException.class,
                () -> session.execute("CREATE TABLE it_stmt.kv (k text PRIMARY KEY)").blockLast(WAIT));
        assertEquals("kv", table.table());
        assertThrows(InvalidQueryException.class, () -> session.prepare("SELECT nope FROM it_stmt.kv").block(WAIT));
    }

    @Test
    void useSwitchesTheSessionKeyspace() {
        ReactiveSession own = session;
        own.execute("USE it_stmt").blockLast(WAIT);
        assertEquals("it_stmt", own.keyspace().orElseThrow());
        assertNotNull(own.execute("SELECT * FROM kv LIMIT 1").collectList().block(WAIT));
    }
}
