package io.reactivecql.internal.connection;

import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.response.result.SetKeyspaceResult;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.reactivecql.internal.connection.Connections.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many threads sending and cancelling on one real connection (a stub node that echoes each query
 * text): every answer reaches its own request, nothing is lost or delivered twice, ids queue and
 * come back, and no lock is needed for any of it.
 */
class ConcurrencyTest {

    private static final int THREADS = 4;
    private static final int PER_THREAD = 1_500;

    @Test
    void sendersAndCancellersOnManyThreads() throws Exception {
        ReactorNettyConnectionFactory factory = new ReactorNettyConnectionFactory();
        try (StubNode node = new StubNode(false)) {
            CqlConnection connection = (CqlConnection) factory.connect(node.address(),
                    Connections.builder().streams(256, 20_000).build()).block(TIMEOUT);
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger cancelled = new AtomicInteger();
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            CountDownLatch done = new CountDownLatch(THREADS * PER_THREAD);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(new Thread(() -> {
                    for (int i = 0; i < PER_THREAD; i++) {
                        String text = "q-" + thread + "-" + i;
                        AtomicBoolean settled = new AtomicBoolean();
                        Disposable request = connection.send(new Query(text)).subscribe(answer -> {
                            if (!new SetKeyspaceResult(text).equals(answer.message())) {
                                wrong.add(text + " got " + answer.message());
                            }
                            if (settled.compareAndSet(false, true)) {
                                answered.incrementAndGet();
                                done.countDown();
                            }
                        }, error -> {
                            wrong.add(text + " failed: " + error);
                            done.countDown();
                        });
                        if (ThreadLocalRandom.current().nextInt(20) == 0 && settled.compareAndSet(false, true)) {
                            request.dispose();
                            cancelled.incrementAndGet();
                            done.countDown();
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            assertTrue(done.await(60, TimeUnit.SECONDS), answered + " answered, " + cancelled + " cancelled");
            assertEquals(List.of(), new ArrayList<>(wrong));
            assertEquals(THREADS * PER_THREAD, answered.get() + cancelled.get());
            assertTrue(cancelled.get() > 0);

            // every id comes back: orphans are answered by the stub and freed
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (connection.inFlight() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(0, connection.inFlight());
            assertEquals(0, connection.queued());
            assertFalse(connection.isClosed());
            Envelope last = connection.send(new Query("last")).block(TIMEOUT);
            assertEquals(new SetKeyspaceResult("last"), last.message());
            connection.close().block(TIMEOUT);
        } finally {
            factory.close().block(TIMEOUT);
        }
    }
}
