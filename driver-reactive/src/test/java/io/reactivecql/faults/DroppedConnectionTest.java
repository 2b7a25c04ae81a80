package io.reactivecql.faults;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.errors.ConnectionClosedException;
import io.reactivecql.api.errors.NoNodeAvailableException;
import io.reactivecql.api.metadata.PoolStatistics;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.stub.Fault;
import io.reactivecql.stub.Reply;
import io.reactivecql.stub.RequestMatcher;
import io.reactivecql.stub.Rows;
import io.reactivecql.stub.StubCluster;
import io.reactivecql.stub.StubNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static io.reactivecql.faults.StubSessions.WAIT;
import static io.reactivecql.faults.StubSessions.await;
import static io.reactivecql.faults.StubSessions.stats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A connection lost with 1,000 requests in flight: every one of them fails at once with a typed
 * error (long before its timeout), nothing stays pending, and the pool reconnects; on a cluster,
 * the idempotent ones are retried elsewhere and none is lost.
 */
class DroppedConnectionTest {

    private static final String HANG = "SELECT v FROM faults.hang";
    private static final String TRIGGER = "SELECT v FROM faults.trigger";
    private static final String READ = "SELECT v FROM faults.read";
    private static final int IN_FLIGHT = 1_000;
    /** Far above how long failing should take: the failures must come from the drop, not the timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Rows ONE_ROW = Rows.builder().column("v", PrimitiveType.INT).row(1).build();

    /** How the node loses the connection. */
    enum Loss {
        /** Orderly close (FIN). */
        CLOSE(Reply.dropConnection()),
        /** Reset (RST). */
        RESET(Reply.resetConnection()),
        /** Half an answer, then EOF mid-message. */
        HALF_WRITTEN_THEN_CLOSE(Reply.voidResult().with(Fault.HALF_WRITTEN_THEN_CLOSE));

        final Reply reply;

        Loss(Reply reply) {
            this.reply = reply;
        }
    }

    /** Sends {@code count} statements at once; the future completes with each one's error (or answer). */
    private static CompletableFuture<List<Object>> sendAll(ReactiveSession session, SimpleStatement statement,
                                                           int count) {
        return Flux.range(0, count)
                .flatMap(i -> session.executePage(statement).<Object>map(page -> page)
                        .onErrorResume(Mono::just), count)
                .collectList()
                .toFuture();
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void everyRequestInFlightFailsTypedAtOnceAndThePoolReconnects(Loss loss) throws Exception {
        try (StubNode node = StubNode.start()) {
            node.when(HANG).thenNoAnswer();
            node.when(TRIGGER).then(loss.reply);
            node.when(READ).thenRows(ONE_ROW);
            ReactiveSession session = StubSessions.connect(StubSessions.builder(node)
                    .withConfig(StubSessions.config().withRequestTimeout(TIMEOUT)));
            try {
                CompletableFuture<List<Object>> results = sendAll(session, SimpleStatement.of(HANG), IN_FLIGHT);
                node.activity().awaitRequests(RequestMatcher.query(HANG), IN_FLIGHT, WAIT);
                assertEquals(IN_FLIGHT, stats(session, node.address()).inFlight());
                int opened = node.activity().connectionsOpened();

                long lost = System.nanoTime();
                Object trigger = session.executePage(SimpleStatement.of(TRIGGER)).<Object>map(p -> p)
                        .onErrorResume(Mono::just).block(WAIT);
                List<Object> all = results.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                long tookMillis = (System.nanoTime() - lost) / 1_000_000;

                assertInstanceOf(ConnectionClosedException.class, trigger);
                assertEquals(IN_FLIGHT, all.size());
                for (Object result : all) {
                    ConnectionClosedException e = assertInstanceOf(ConnectionClosedException.class, result);
                    assertEquals(node.address(), e.endpoint());
                }
                assertTrue(tookMillis < TIMEOUT.toMillis() / 3, "failing took " + tookMillis + " ms");

                // the pool opens a new connection, which serves requests, and nothing was left behind
                await(() -> node.activity().connectionsOpened() > opened, WAIT, () -> "a new connection");
                ResultPage page = retryUntilServed(session, SimpleStatement.of(READ));
                assertEquals(1, page.one().getInt("v"));
                PoolStatistics after = stats(session, node.address());
                assertEquals(1, after.openConnections(), after.toString());
                assertEquals(0, after.inFlight(), after.toString());
                assertEquals(0, after.queued(), after.toString());
            } finally {
                StubSessions.close(session);
            }
        }
    }

    @Test
    void idempotentRequestsOfADroppedConnectionMoveToTheOtherNodesAndNoneIsLost() throws Exception {
        try (StubCluster cluster = StubCluster.start(3)) {
            StubNode first = cluster.node(1);
            first.when(HANG).thenNoAnswer();
            cluster.node(2).when(HANG).thenRows(ONE_ROW);
            cluster.node(3).when(HANG).thenRows(ONE_ROW);
            ReactiveSession session = StubSessions.connect(StubSessions.builder(cluster)
                    .withConfig(StubSessions.config().withRequestTimeout(TIMEOUT)));
            try {
                // round robin: a third of them hang on node 1, the others are answered
                CompletableFuture<List<Object>> results = sendAll(session,
                        SimpleStatement.of(HANG).withIdempotent(true), IN_FLIGHT);
                await(() -> cluster.count(RequestMatcher.query(HANG)) >= IN_FLIGHT, WAIT,
                        () -> cluster.count(RequestMatcher.query(HANG)) + " requests seen");
                int hanging = first.activity().count(HANG);
                assertTrue(hanging > IN_FLIGHT / 5, hanging + " on node 1");

                // node 1 stopped answering, so plans put it last: drop its connections from its side
                first.disconnectAll();
                List<Object> all = results.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                for (Object result : all) {
                    ResultPage page = assertInstanceOf(ResultPage.class, result);
                    assertEquals(1, page.one().getInt("v"));
                }
                assertEquals(IN_FLIGHT, all.size());
                assertEquals(IN_FLIGHT + hanging, cluster.count(RequestMatcher.query(HANG)),
                        "each hanging request was sent once more, to another node");
            } finally {
                StubSessions.close(session);
            }
        }
    }

    @Test
    void nonIdempotentRequestsOfADroppedConnectionFailAndAreNotResent() throws Exception {
        try (StubCluster cluster = StubCluster.start(3)) {
            String write = "INSERT INTO faults.t (k) VALUES (1)";
            StubNode first = cluster.node(1);
            cluster.forEachNode(n -> n.when(write).thenNoAnswer());
            ReactiveSession session = StubSessions.connect(StubSessions.builder(cluster)
                    .withConfig(StubSessions.config().withRequestTimeout(TIMEOUT)));
            try {
                ConcurrentLinkedQueue<Throwable> failed = new ConcurrentLinkedQueue<>();
                Flux.range(0, 30)
                        .flatMap(i -> session.executePage(SimpleStatement.of(write)).doOnError(failed::add)
                                .onErrorResume(e -> Mono.empty()))
                        .subscribe();
                await(() -> cluster.count(RequestMatcher.query(write)) >= 30, WAIT, () -> "30 writes");
                int onFirst = first.activity().count(write);
                assertTrue(onFirst > 0);
                first.disconnectAll();
                await(() -> failed.size() >= onFirst, WAIT, () -> failed.size() + " of " + onFirst + " failed");
                for (Throwable e : failed) {
                    ConnectionClosedException closed = assertInstanceOf(ConnectionClosedException.class, e);
                    assertEquals(first.address(), closed.endpoint());
                }
                // a resend would follow the failure at once: give it time to show up, then check there was none
                Thread.sleep(200);
                assertEquals(onFirst, failed.size(), "the writes on nodes 2 and 3 still wait for their answer");
                assertEquals(30, cluster.count(RequestMatcher.query(write)), "no write was sent twice");
            } finally {
                StubSessions.close(session);
            }
        }
    }

    /** The first answer of {@code statement}, retrying while the pool is still reconnecting. */
    private static ResultPage retryUntilServed(ReactiveSession session, SimpleStatement statement) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                return session.executePage(statement).block(WAIT);
            } catch (RuntimeException e) {
                if (!(reactor.core.Exceptions.unwrap(e) instanceof NoNodeAvailableException)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }
}
