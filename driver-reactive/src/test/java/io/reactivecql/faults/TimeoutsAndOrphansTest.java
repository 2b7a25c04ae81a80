package io.reactivecql.faults;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.errors.OperationTimedOutException;
import io.reactivecql.api.metadata.PoolStatistics;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.stub.ReceivedRequest;
import io.reactivecql.stub.RequestMatcher;
import io.reactivecql.stub.Rows;
import io.reactivecql.stub.StubNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static io.reactivecql.faults.StubSessions.WAIT;
import static io.reactivecql.faults.StubSessions.await;
import static io.reactivecql.faults.StubSessions.error;
import static io.reactivecql.faults.StubSessions.stats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Timeouts fire on time and free nothing too early: a timed-out request's stream id stays taken
 * (orphaned) until its late answer comes, that answer is dropped and counted, never delivered to
 * the request that reuses the id; a node that never answers cannot hoard ids forever.
 */
class TimeoutsAndOrphansTest {

    private static final String SLOW = "SELECT v FROM faults.slow";
    private static final String SILENT = "SELECT v FROM faults.silent";
    private static final int ECHOES = 64;
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private StubNode node;
    private ReactiveSession session;

    @BeforeEach
    void start() {
        node = StubNode.start();
        node.when(SLOW).delay(Duration.ofMillis(1_200)).thenRows(Rows.builder().column("v", PrimitiveType.INT)
                .row(-1).build());
        node.when(SILENT).thenNoAnswer();
        for (int k = 0; k < ECHOES; k++) {
            node.when(echo(k)).thenRows(Rows.builder().column("v", PrimitiveType.INT).row(k).build());
        }
    }

    @AfterEach
    void stop() {
        StubSessions.close(session);
        node.close();
    }

    /** A statement answered at once with its own number: any other value means a misdelivered answer. */
    private static String echo(int k) {
        return "SELECT v FROM faults.echo WHERE k = " + k;
    }

    private Mono<Integer> runEcho(int k) {
        return session.executePage(SimpleStatement.of(echo(k))).map(page -> page.one().getInt("v"));
    }

    @Test
    void aTimedOutRequestKeepsItsIdUntilTheLateAnswerWhichIsDroppedAndCounted() {
        session = StubSessions.connect(StubSessions.builder(node));
        long start = System.nanoTime();
        Throwable timedOut = error(session.executePage(SimpleStatement.of(SLOW).withTimeout(TIMEOUT)));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        OperationTimedOutException e = assertInstanceOf(OperationTimedOutException.class, timedOut);
        assertEquals(node.address(), e.node());
        assertEquals(TIMEOUT, e.timeout());
        assertTrue(tookMillis >= TIMEOUT.toMillis() && tookMillis < TIMEOUT.toMillis() + 1_000,
                "fired after " + tookMillis + " ms");

        // the timeout cancels on the caller's side at once; the connection learns of it on its event loop
        await(() -> stats(session, node.address()).orphanedStreamIds() == 1, WAIT,
                () -> "the orphan: " + stats(session, node.address()));
        PoolStatistics orphaned = stats(session, node.address());
        assertEquals(1, orphaned.orphanedStreamIds(), orphaned.toString());
        assertEquals(1, orphaned.inFlight(), "the orphan still holds its id: " + orphaned);
        int slowId = node.activity().awaitRequest(RequestMatcher.query(SLOW), WAIT).streamId();

        // keep the connection busy across the late answer: were the id freed at the timeout, the next
        // request would take it (ids are reused last-in first-out) and receive the slow answer
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicInteger answered = new AtomicInteger();
        long lateAnswerBy = start + Duration.ofMillis(1_200 + 300).toNanos();
        while (System.nanoTime() < lateAnswerBy || stats(session, node.address()).orphanedStreamIds() > 0) {
            int k = answered.get() % ECHOES;
            int v = runEcho(k).block(WAIT);
            if (v != k) {
                wrong.add("echo " + k + " got " + v);
            }
            answered.incrementAndGet();
            assertTrue(System.nanoTime() - start < WAIT.toNanos(), "the late answer never came");
        }
        assertEquals(List.of(), List.copyOf(wrong));
        List<ReceivedRequest> echoes = node.activity().requests(RequestMatcher.queryMatching(q -> q.contains("echo")));
        long sameIdBeforeAnswer = echoes.stream()
                .filter(r -> r.streamId() == slowId && r.receivedAtNanos() < start + Duration.ofMillis(1_200).toNanos())
                .count();
        assertEquals(0, sameIdBeforeAnswer, "the orphaned id " + slowId + " was reused before its answer came");

        PoolStatistics after = stats(session, node.address());
        assertEquals(0, after.orphanedStreamIds(), after.toString());
        assertEquals(1, after.orphanedAnswers(), after.toString());
        assertEquals(0, after.inFlight(), after.toString());
        assertTrue(answered.get() > 10, "requests ran meanwhile: " + answered);
    }

    @Test
    void concurrentTimeoutsAllFireAndTheirLateAnswersAreAllDropped() {
        session = StubSessions.connect(StubSessions.builder(node));
        int count = 300;
        List<Throwable> errors = Flux.range(0, count)
                .flatMap(i -> session.executePage(SimpleStatement.of(SLOW).withTimeout(TIMEOUT))
                        .map(page -> (Throwable) new AssertionError("answered: " + page))
                        .onErrorResume(Mono::just), count)
                .collectList()
                .block(WAIT);
        assertEquals(count, errors.size());
        errors.forEach(t -> assertInstanceOf(OperationTimedOutException.class, t));
        // each becomes an orphan (the cancel reaches the event loop just after the error reached us), or
        // is already a dropped late answer on a slow machine
        await(() -> {
            PoolStatistics timedOut = stats(session, node.address());
            return timedOut.orphanedStreamIds() + timedOut.orphanedAnswers() == count;
        }, WAIT, () -> "every timed-out request orphaned: " + stats(session, node.address()));

        // answers for other requests keep flowing meanwhile, each to its own request
        for (int k = 0; k < ECHOES; k++) {
            assertEquals(k, runEcho(k).block(WAIT));
        }
        await(() -> stats(session, node.address()).orphanedStreamIds() == 0, WAIT,
                () -> "the late answers: " + stats(session, node.address()));
        PoolStatistics after = stats(session, node.address());
        assertEquals(count, after.orphanedAnswers(), after.toString());
        assertEquals(0, after.inFlight(), after.toString());
        assertEquals(1, after.openConnections(), "orphans that get answered never close the connection");
    }

    @Test
    void anOrphanedRequestNoLongerHoldsItsSubscriber() throws Exception {
        session = StubSessions.connect(StubSessions.builder(node));
        WeakReference<Object> subscriber = subscribeAndCancel(session.executePage(SimpleStatement.of(SILENT)));
        await(() -> stats(session, node.address()).orphanedStreamIds() == 1, WAIT, () -> "the orphan");
        // the id stays taken until an answer that never comes; what waited for it must not
        for (int i = 0; i < 50 && subscriber.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(subscriber.get(), "the cancelled subscriber is still reachable from its orphaned stream id");
        assertEquals(1, stats(session, node.address()).orphanedStreamIds());
    }

    /** Subscribes a subscriber that requests, cancels once the request is on the node, and forgets it. */
    private WeakReference<Object> subscribeAndCancel(Mono<?> mono) {
        BaseSubscriber<Object> s = new BaseSubscriber<>() {
        };
        mono.subscribe(s);
        node.activity().awaitRequest(RequestMatcher.query(SILENT), WAIT);
        s.cancel();
        return new WeakReference<>(s);
    }

    @Test
    void aNodeThatNeverAnswersCannotHoardStreamIds() {
        // 8 ids per connection: the connection gives up after 8 / 4 = 2 orphans that never get an answer
        session = StubSessions.connect(StubSessions.builder(node)
                .withConfig(StubSessions.config().withMaxRequestsPerConnection(8)));
        int opened = node.activity().connectionsOpened();
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(OperationTimedOutException.class,
                    error(session.executePage(SimpleStatement.of(SILENT).withTimeout(Duration.ofMillis(100)))));
        }
        // the third orphan closed the connection; the pool opens a new one, which works
        node.activity().awaitConnectionsClosed(1, WAIT);
        await(() -> node.activity().connectionsOpened() > opened, WAIT, () -> "a new connection");
        await(() -> {
            try {
                return runEcho(7).block(WAIT) == 7;
            } catch (RuntimeException e) {
                return false;
            }
        }, WAIT, () -> "a working connection");
        PoolStatistics after = stats(session, node.address());
        assertEquals(0, after.orphanedStreamIds(), after.toString());
        assertEquals(1, after.openConnections(), after.toString());
        ResultPage page = session.executePage(SimpleStatement.of(echo(3))).block(WAIT);
        assertEquals(3, page.one().getInt("v"));
    }
}
