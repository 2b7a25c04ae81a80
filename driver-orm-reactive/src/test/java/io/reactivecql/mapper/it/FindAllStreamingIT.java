package io.reactivecql.mapper.it;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import io.reactivecql.mapper.api.ClusteringColumn;
import io.reactivecql.mapper.api.EntityBatch;
import io.reactivecql.mapper.api.Key;
import io.reactivecql.mapper.api.PartitionKey;
import io.reactivecql.mapper.api.QueryOptions;
import io.reactivecql.mapper.api.ReactiveMapper;
import io.reactivecql.mapper.api.ReactiveRepository;
import io.reactivecql.mapper.api.Table;
import io.reactivecql.protocol.request.BatchType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.reactivecql.mapper.it.MapperIts.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 50,000-entity findAll streams page by page as a slow subscriber asks: the pages fetched stay
 * within two of the rows consumed (in pages), however far the table goes.
 */
@RealCassandra
class FindAllStreamingIT {

    static final String KS = "orm_stream";
    static final int ROWS = 50_000;
    static final int PARTITIONS = 50;
    static final int PAGE = 500;

    @Table(keyspace = KS, name = "items")
    record Item(@PartitionKey int bucket, @ClusteringColumn int seq, String payload) {
    }

    private static final MapperIts.Recorder RECORDER = new MapperIts.Recorder();
    private static ReactiveSession session;
    private static ReactiveMapper mapper;
    private static ReactiveRepository<Item, Key> items;

    @BeforeAll
    static void setUp(CassandraCluster cluster) {
        session = MapperIts.session(cluster, RECORDER);
        mapper = ReactiveMapper.create(session);
        mapper.schema().dropKeyspace(KS).block(WAIT);
        mapper.schema().createKeyspaceSimple(KS, 1).block(WAIT);
        mapper.schema().syncTable(Item.class).block(WAIT);
        items = mapper.repository(Item.class, Key.class).block(WAIT);
        String payload = "x".repeat(64);
        int perPartition = ROWS / PARTITIONS;
        // unlogged batches of 100 rows of one partition each: 500 round trips instead of 50,000
        Flux.range(0, ROWS / 100)
                .flatMap(b -> {
                    int bucket = b % PARTITIONS;
                    int first = (b / PARTITIONS) * 100;
                    EntityBatch batch = mapper.batch(BatchType.UNLOGGED);
                    for (int i = 0; i < 100; i++) {
                        batch = batch.save(items, new Item(bucket, first + i, payload));
                    }
                    return batch.execute();
                }, 8)
                .blockLast(Duration.ofMinutes(5));
        assertEquals(perPartition, items.query().where(io.reactivecql.mapper.api.Relation.eq("bucket", 0)).count()
                .block(WAIT));
    }

    @AfterAll
    static void tearDown() {
        if (session != null) {
            mapper.schema().dropKeyspace(KS).block(WAIT);
            mapper.close().block(WAIT);
            session.close().block(WAIT);
        }
    }

    /** Takes what it is given; asks for more only when the test says so. */
    private static final class SlowSubscriber extends BaseSubscriber<Item> {
        final AtomicInteger received = new AtomicInteger();
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicReference<Throwable> error = new AtomicReference<>();

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            // no demand until the test asks
        }

        @Override
        protected void hookOnNext(Item value) {
            received.incrementAndGet();
        }

        @Override
        protected void hookOnError(Throwable throwable) {
            error.set(throwable);
        }

        @Override
        protected void hookFinally(reactor.core.publisher.SignalType type) {
            done.countDown();
        }

        void awaitReceived(int n) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (received.get() < n && error.get() == null && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertNull(error.get());
            assertEquals(n, received.get());
        }
    }

    @Test
    void fiftyThousandEntitiesStreamWithBoundedPages() throws Exception {
        String selectAll = "SELECT bucket, seq, payload FROM orm_stream.items";
        int before = RECORDER.pages(selectAll);
        SlowSubscriber slow = new SlowSubscriber();
        items.findAll(QueryOptions.defaults().withPageSize(PAGE)).subscribe(slow);

        int consumed = 0;
        int maxAhead = 0;
        // a slow consumer: 1,000 rows at a time, pausing between batches so any eager prefetch would show
        for (int round = 0; round < 10; round++) {
            slow.request(1000);
            consumed += 1000;
            slow.awaitReceived(consumed);
            Thread.sleep(200);
            int pages = RECORDER.pages(selectAll) - before;
            int pagesConsumed = consumed / PAGE;
            maxAhead = Math.max(maxAhead, pages - pagesConsumed);
            assertTrue(pages <= pagesConsumed + 2, "after " + consumed + " rows (" + pagesConsumed + " pages) "
                    + pages + " pages were fetched");
        }
        assertTrue(RECORDER.pages(selectAll) - before < 30, "a fifth of the table consumed, far from all 100 pages");

        slow.request(Long.MAX_VALUE);
        assertTrue(slow.done.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertNull(slow.error.get());
        assertEquals(ROWS, slow.received.get());
        int total = RECORDER.pages(selectAll) - before;
        assertTrue(total >= ROWS / PAGE && total <= ROWS / PAGE + 1, total + " pages for " + ROWS + " rows");
        System.out.printf("findAll of %d rows: %d pages of %d; at most %d page(s) ahead of a slow subscriber%n",
                ROWS, total, PAGE, maxAhead);
    }
}
