package io.reactivecql.faults;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.errors.OverloadedException;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.protocol.response.error.Overloaded;
import io.reactivecql.stub.Prime;
import io.reactivecql.stub.RequestMatcher;
import io.reactivecql.stub.StubCluster;
import io.reactivecql.stub.StubNode;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

import static io.reactivecql.faults.StubSessions.WAIT;
import static io.reactivecql.faults.StubSessions.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node that answers OVERLOADED gets fewer requests, not more. The connection halves the requests
 * it lets out after each round trip of OVERLOADED answers (the others wait in its queue, time out
 * there, or beyond the queue go to another node) and lets more out again as normal answers come
 * back; the retry policy retries an OVERLOADED answer at most once, elsewhere.
 *
 * <p>The window is measured by a probe, independent of the machine's speed: a burst of requests
 * that the node holds for a second before answering; how many reach it before the first answer is
 * how many the connection let out.
 */
class OverloadedBackoffTest {

    private static final String WRITE = "INSERT INTO faults.hot (k) VALUES (1)";
    private static final String PROBE = "SELECT v FROM faults.probe";
    private static final int BURST = 400;
    private static final Duration HOLD = Duration.ofSeconds(1);

    /** Sends {@link #BURST} probes and returns how many reached the node while it held them all. */
    private static int probe(ReactiveSession session, StubNode node) {
        int before = node.activity().count(PROBE);
        // the ones still queued when the probe's timeout strikes give up there, never sent
        SimpleStatement probe = SimpleStatement.of(PROBE).withTimeout(HOLD.plusMillis(500));
        Mono<Void> all = Flux.range(0, BURST)
                .flatMap(i -> session.executePage(probe).then().onErrorResume(e -> Mono.empty()), BURST)
                .then();
        var done = all.toFuture();
        node.activity().awaitRequests(RequestMatcher.query(PROBE), before + 1, WAIT);
        // a window's worth arrives at once; nothing more can come until the held answers do
        sleep(HOLD.dividedBy(2));
        int reached = node.activity().count(PROBE) - before;
        done.join();
        return reached;
    }

    /** Runs {@code count} idempotent writes at once, waits for all of them, and returns their errors. */
    private static List<Throwable> writes(ReactiveSession session, int count) {
        SimpleStatement write = SimpleStatement.of(WRITE).withIdempotent(true).withTimeout(Duration.ofSeconds(10));
        return Flux.range(0, count)
                .flatMap(i -> session.executePage(write).then(Mono.<Throwable>empty())
                        .onErrorResume(Mono::just), count)
                .collectList()
                .block(WAIT);
    }

    @Test
    void overloadedAnswersNarrowTheConnectionAndNormalAnswersWidenItAgain() {
        try (StubNode node = StubNode.start()) {
            node.when(PROBE).delay(HOLD).thenVoid();
            Prime overloaded = node.when(WRITE).thenError(new Overloaded("overloaded"));
            ReactiveSession session = StubSessions.connect(StubSessions.builder(node));
            try {
                int open = probe(session, node);
                assertEquals(BURST, open, "a healthy connection lets the whole burst out");

                // rounds of OVERLOADED answers
                for (int round = 0; round < 3; round++) {
                    List<Throwable> errors = writes(session, BURST);
                    assertEquals(BURST, errors.size());
                    errors.forEach(e -> assertInstanceOf(OverloadedException.class, e));
                }
                assertEquals(3 * BURST, node.activity().count(WRITE),
                        "one node: each write was sent once, no retry amplified the load");
                int narrowed = probe(session, node);
                System.out.printf("OVERLOADED: %d of %d probes reached the node before, %d after%n", open, BURST,
                        narrowed);
                assertTrue(narrowed >= 1 && narrowed <= 8, narrowed + " probes reached the overloaded node");

                // the node recovers: answers widen the window back
                overloaded.remove();
                node.when(WRITE).thenVoid();
                for (int round = 0; round < 10; round++) {
                    assertEquals(List.of(), writes(session, BURST));
                }
                int widened = probe(session, node);
                System.out.printf("OVERLOADED: %d probes reached the node after it recovered%n", widened);
                assertEquals(BURST, widened, "the window is wide open again");
            } finally {
                StubSessions.close(session);
            }
        }
    }

    @Test
    void aRetriedOverloadedRequestTriesOneOtherNodeAndNoMore() {
        try (StubCluster cluster = StubCluster.start(3)) {
            cluster.forEachNode(n -> n.when(WRITE).thenError(new Overloaded("overloaded")));
            ReactiveSession session = StubSessions.connect(StubSessions.builder(cluster));
            try {
                await(() -> session.poolStatistics().size() == 3, WAIT, () -> "three pools");
                List<Throwable> errors = writes(session, 300);
                assertEquals(300, errors.size());
                errors.forEach(e -> assertInstanceOf(OverloadedException.class, e));
                assertEquals(600, cluster.count(RequestMatcher.query(WRITE)), "each write: one try, one retry");
            } finally {
                StubSessions.close(session);
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
