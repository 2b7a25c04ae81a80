package io.reactivecql.it;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.errors.OperationTimedOutException;
import io.reactivecql.api.errors.UnavailableException;
import io.reactivecql.api.errors.UnsupportedFeatureException;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.result.StatementResult;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.ProtocolVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-statement options against the real node: each one observably changes what the server does
 * (write time, TTL clock, keyspace, consistency, paging, timeout), and concurrent execution keeps
 * its order and its per-statement errors.
 */
@RealCassandra
class StatementOptionsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static ReactiveSession session;
    private static CassandraCluster cluster;

    @BeforeAll
    static void schema(CassandraCluster realCluster) {
        cluster = realCluster;
        session = ItSessions.builder(cluster).connect().block(WAIT);
        run("CREATE KEYSPACE IF NOT EXISTS opts WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        run("CREATE TABLE IF NOT EXISTS opts.kv (k int, c int, v text, PRIMARY KEY (k, c))");
        run("TRUNCATE opts.kv");
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close().block(WAIT);
        }
    }

    private static void run(String cql) {
        session.execute(cql).then().block(WAIT);
    }

    @Test
    void statementTimestampBecomesTheWriteTime() {
        long micros = 1_600_000_000_000_000L;
        session.execute(SimpleStatement.of("INSERT INTO opts.kv (k, c, v) VALUES (1, 1, 'a')").withTimestamp(micros))
                .then().block(WAIT);
        Row row = session.execute("SELECT WRITETIME(v) AS wt FROM opts.kv WHERE k = 1 AND c = 1").blockFirst(WAIT);
        assertEquals(micros, row.getLong("wt"));
    }

    @Test
    void defaultTimestampsAreClientSideAndIncreasing() {
        long before = System.currentTimeMillis() * 1000;
        List<Long> writeTimes = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            session.execute("INSERT INTO opts.kv (k, c, v) VALUES (2, ?, 'x')", c).then().block(WAIT);
            writeTimes.add(session.execute("SELECT WRITETIME(v) AS wt FROM opts.kv WHERE k = 2 AND c = ?", c)
                    .blockFirst(WAIT).getLong("wt"));
        }
        for (int i = 1; i < writeTimes.size(); i++) {
            assertTrue(writeTimes.get(i) > writeTimes.get(i - 1), writeTimes.toString());
        }
        assertTrue(writeTimes.get(0) >= before, writeTimes + " vs " + before);
    }

    @Test
    void keyspacePerStatementOnV5() {
        assertEquals(ProtocolVersion.V5, session.protocolVersion());
        session.execute(SimpleStatement.of("INSERT INTO kv (k, c, v) VALUES (3, 1, 'ks')").withKeyspace("opts"))
                .then().block(WAIT);
        Row row = session.execute(SimpleStatement.of("SELECT v FROM kv WHERE k = 3").withKeyspace("opts"))
                .blockFirst(WAIT);
        assertEquals("ks", row.getString("v"));
    }

    @Test
    void keyspacePerStatementIsRefusedOnV4BeforeSending() {
        ReactiveSession v4 = ItSessions.builder(cluster).withProtocolVersion(ProtocolVersion.V4).connect().block(WAIT);
        try {
            Throwable error = assertThrows(Throwable.class, () -> v4.execute(
                    SimpleStatement.of("SELECT v FROM kv WHERE k = 3").withKeyspace("opts")).blockFirst(WAIT));
            assertInstanceOf(UnsupportedFeatureException.class, error, error.toString());
        } finally {
            v4.close().block(WAIT);
        }
    }

    @Test
    void nowInSecondsMovesTheServersClockForTtl() {
        session.execute("INSERT INTO opts.kv (k, c, v) VALUES (4, 1, 'ttl') USING TTL 1000").then().block(WAIT);
        int now = (int) (System.currentTimeMillis() / 1000);
        Row later = session.execute(SimpleStatement.of("SELECT TTL(v) AS ttl FROM opts.kv WHERE k = 4 AND c = 1")
                .withNowInSeconds(now + 600)).blockFirst(WAIT);
        int ttl = later.getInt("ttl");
        assertTrue(ttl > 350 && ttl <= 400, "TTL seen 600 s in the future: " + ttl);
    }

    @Test
    void consistencyIsSentToTheServer() {
        // one node, RF 1: TWO cannot be met, and the server says so
        Throwable error = assertThrows(Throwable.class, () -> session.execute(
                SimpleStatement.of("SELECT v FROM opts.kv WHERE k = 1").withConsistency(ConsistencyLevel.TWO))
                .blockFirst(WAIT));
        UnavailableException unavailable = assertInstanceOf(UnavailableException.class, error, error.toString());
        assertEquals(ConsistencyLevel.TWO, unavailable.consistency());
        assertEquals(2, unavailable.required());
        assertEquals(1, unavailable.alive());
    }

    @Test
    void pagingStateResumesWherePageOneEnded() {
        for (int c = 0; c < 25; c++) {
            session.execute("INSERT INTO opts.kv (k, c, v) VALUES (5, ?, 'p')", c).then().block(WAIT);
        }
        SimpleStatement select = SimpleStatement.of("SELECT c FROM opts.kv WHERE k = 5").withPageSize(10);
        ResultPage first = session.executePage(select).block(WAIT);
        assertEquals(10, first.rows().size());
        assertTrue(first.hasMorePages());
        ByteBuffer state = first.executionInfo().pagingState();
        assertNotNull(state);
        ResultPage resumed = session.executePage(select.withPagingState(state)).block(WAIT);
        assertEquals(10, resumed.rows().get(0).getInt("c"));
        assertEquals(List.of(10, 11, 12, 13, 14, 15, 16, 17, 18, 19),
                resumed.rows().stream().map(r -> r.getInt("c")).toList());
        ResultPage third = resumed.next().block(WAIT);
        assertEquals(5, third.rows().size());
        assertFalse(third.hasMorePages());
        assertNull(third.executionInfo().pagingState());
    }

    @Test
    void aStatementTimeoutFailsWithOperationTimedOut() {
        Throwable error = assertThrows(Throwable.class, () -> session.execute(
                SimpleStatement.of("SELECT * FROM system_schema.columns").withTimeout(Duration.ofNanos(1)))
                .blockLast(WAIT));
        assertInstanceOf(OperationTimedOutException.class, error, error.toString());
        // the session is still healthy afterwards
        assertNotNull(session.execute("SELECT release_version FROM system.local").blockFirst(WAIT));
    }

    @Test
    void executeAllKeepsOrderAndSettledKeepsGoingPastErrors() {
        List<SimpleStatement> statements = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            statements.add(SimpleStatement.of("INSERT INTO opts.kv (k, c, v) VALUES (6, ?, ?)", c, "v" + c));
        }
        assertEquals(20, session.executeAll(Flux.fromIterable(statements), 8).count().block(WAIT));

        List<SimpleStatement> mixed = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            mixed.add(c % 5 == 3
                    ? SimpleStatement.of("SELECT nope FROM opts.kv WHERE k = 6")
                    : SimpleStatement.of("SELECT v FROM opts.kv WHERE k = 6 AND c = ?", c));
        }
        List<StatementResult> results = session.executeAllSettled(Flux.fromIterable(mixed), 8).collectList().block(WAIT);
        assertEquals(20, results.size());
        for (int c = 0; c < 20; c++) {
            StatementResult result = results.get(c);
            if (c % 5 == 3) {
                assertFalse(result.isSuccess(), "statement " + c + " should have failed: " + result);
                assertNotNull(result.error());
            } else {
                assertEquals("v" + c, result.page().rows().get(0).getString("v"), "statement " + c);
            }
        }
    }
}
