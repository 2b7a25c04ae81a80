package io.reactivecql.it;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.statement.BatchStatement;
import io.reactivecql.api.statement.PreparedStatement;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The paging proof against a real node: a 100,000-row partition read with 100-row pages by a
 * subscriber that asks for 250 rows and cancels; the session's request tracker counts the pages
 * the server was asked for.
 */
@RealCassandra
class PagingIT {

    private static final int ROWS = 100_000;
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String SELECT = "SELECT ck, v FROM it_paging.wide WHERE pk = 1";

    private static final AtomicInteger SELECT_PAGES = new AtomicInteger();
    private static ReactiveSession session;

    @BeforeAll
    static void fill(CassandraCluster cluster) {
        RequestTracker tracker = new RequestTracker() {
            @Override
            public void onRequestSent(Kind kind, Statement<?> statement, InetSocketAddress node, int page) {
                if (kind == Kind.EXECUTE && statement instanceof SimpleStatement s && s.query().equals(SELECT)) {
                    SELECT_PAGES.incrementAndGet();
                }
            }
        };
        session = ItSessions.builder(cluster).withRequestTracker(tracker).connect().block(WAIT);
        session.execute("CREATE KEYSPACE IF NOT EXISTS it_paging WITH replication = "
                + "{'class': 'SimpleStrategy', 'replication_factor': 1}").blockLast(WAIT);
        session.execute("CREATE TABLE IF NOT EXISTS it_paging.wide (pk int, ck int, v text, PRIMARY KEY (pk, ck))")
                .blockLast(WAIT);
        long present = session.execute("SELECT count(*) FROM it_paging.wide WHERE pk = 1").blockFirst(WAIT)
                .getLong(0);
        if (present < ROWS) {
            PreparedStatement insert = session.prepare("INSERT INTO it_paging.wide (pk, ck, v) VALUES (1, ?, ?)")
                    .block(WAIT);
            // one partition: unlogged batches of 500 rows are single-mutation writes
            Flux<Statement<?>> batches = Flux.range(0, ROWS / 500).map(b -> {
                BatchStatement batch = BatchStatement.unlogged();
                java.util.List<Statement<?>> rows = new java.util.ArrayList<>(500);
                for (int i = b * 500; i < (b + 1) * 500; i++) {
                    rows.add(insert.bind(i, "value-" + i));
                }
                return batch.addAll(rows);
            });
            session.executeAll(batches, 4).blockLast(WAIT);
        }
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close().block(WAIT);
        }
    }

    @Test
    void aSubscriberThatTakes250RowsAndCancelsCostsAtMostFourPages() throws Exception {
        SELECT_PAGES.set(0);
        CountDownLatch cancelled = new CountDownLatch(1);
        AtomicInteger received = new AtomicInteger();
        session.execute(SimpleStatement.of(SELECT).withPageSize(100)).subscribe(new BaseSubscriber<Row>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                request(250);
            }

            @Override
            protected void hookOnNext(Row row) {
                assertEquals(received.get(), row.getInt("ck"));
                if (received.incrementAndGet() == 250) {
                    cancel();
                    cancelled.countDown();
                }
            }
        });
        assertTrue(cancelled.await(60, TimeUnit.SECONDS), "received " + received.get());
        Thread.sleep(500); // a page request still in flight would have been counted when sent
        assertEquals(250, received.get());
        int pages = SELECT_PAGES.get();
        assertTrue(pages >= 3 && pages <= 4, "pages requested: " + pages);
    }

    @Test
    void theWholePartitionStreamsInOrder() {
        SELECT_PAGES.set(0);
        AtomicInteger expected = new AtomicInteger();
        long count = session.execute(SimpleStatement.of(SELECT).withPageSize(5000))
                .doOnNext(row -> assertEquals(expected.getAndIncrement(), row.getInt(0)))
                .count().block(WAIT);
        assertEquals(ROWS, count);
        assertEquals(ROWS / 5000 + 1, SELECT_PAGES.get(), "the last page is empty or it is one more");
    }
}
