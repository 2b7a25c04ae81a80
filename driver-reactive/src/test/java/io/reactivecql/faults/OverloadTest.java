package io.reactivecql.faults;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.errors.BusyConnectionException;
import io.reactivecql.api.errors.NoNodeAvailableException;
import io.reactivecql.api.errors.RequestThrottlingException;
import io.reactivecql.api.metadata.PoolStatistics;
import io.reactivecql.api.policy.throttling.RequestThrottling;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.stub.RequestMatcher;
import io.reactivecql.stub.Rows;
import io.reactivecql.stub.StubNode;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;

import static io.reactivecql.faults.StubSessions.stats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 100,000 requests at once on one connection: each one completes or fails at once with the
 * documented busy (or throttled) error, none hangs, the connection never holds more than its
 * stream ids and queue allow, and the memory they took is given back.
 */
class OverloadTest {

    private static final int REQUESTS = 100_000;
    private static final String QUERY = "SELECT v FROM faults.load";
    private static final Duration ALL_DONE = Duration.ofSeconds(90);
    /** Heap a finished run may keep (after GC) beyond where it started: caches, JIT, pools; not 100,000 requests. */
    private static final long HEAP_SLACK = 48L * 1024 * 1024;

    /** What became of the requests, and the peaks the pool reached meanwhile. */
    private static final class Run {
        final AtomicInteger answered = new AtomicInteger();
        final ConcurrentHashMap<Class<?>, AtomicInteger> errors = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        final LongAccumulator peakInFlight = new LongAccumulator(Math::max, 0);
        final LongAccumulator peakQueued = new LongAccumulator(Math::max, 0);

        int errors(Class<?> type) {
            AtomicInteger n = errors.get(type);
            return n == null ? 0 : n.get();
        }
    }

    private static Run run(ReactiveSession session, StubNode node, java.util.function.Predicate<Throwable> allowed) {
        Run run = new Run();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                PoolStatistics s = stats(session, node.address());
                run.peakInFlight.accumulate(s.inFlight());
                run.peakQueued.accumulate(s.queued());
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        try {
            // one subscription per request (a flatMap over 100,000 inners would itself be the bottleneck)
            CountDownLatch done = new CountDownLatch(REQUESTS);
            SimpleStatement statement = SimpleStatement.of(QUERY);
            for (int i = 0; i < REQUESTS; i++) {
                session.executePage(statement).subscribe(page -> {
                    run.answered.incrementAndGet();
                    done.countDown();
                }, e -> {
                    run.errors.computeIfAbsent(e.getClass(), c -> new AtomicInteger()).incrementAndGet();
                    if (!allowed.test(e)) {
                        run.unexpected.add(e);
                    }
                    done.countDown();
                });
            }
            assertTrue(done.await(ALL_DONE.toMillis(), TimeUnit.MILLISECONDS),
                    () -> done.getCount() + " requests still pending after " + ALL_DONE);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            sampler.interrupt();
        }
        return run;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static StubNode node() {
        StubNode node = StubNode.start();
        node.when(QUERY).delay(Duration.ofMillis(50)).thenRows(Rows.builder().column("v", PrimitiveType.INT).row(1).build());
        return node;
    }

    @Test
    void withoutThrottlingEveryRequestIsAnsweredOrRefusedAsBusy() {
        try (StubNode node = node()) {
            ReactiveSession session = StubSessions.connect(StubSessions.builder(node)
                    .withConfig(StubSessions.config().withRequestTimeout(Duration.ofSeconds(60))));
            try {
                long before = usedHeapAfterGc();
                long start = System.nanoTime();
                long cpu = cpuNanos();
                Run run = run(session, node, e -> e instanceof NoNodeAvailableException n
                        && n.errors().values().stream().allMatch(BusyConnectionException.class::isInstance));
                System.out.printf("overload: %d requests in %d ms (%d ms CPU): %d answered, errors %s, peaks %d in "
                                + "flight, %d queued%n", REQUESTS, (System.nanoTime() - start) / 1_000_000,
                        (cpuNanos() - cpu) / 1_000_000, run.answered.get(), run.errors, run.peakInFlight.get(),
                        run.peakQueued.get());
                assertEquals(0, run.unexpected.size(), () -> "unexpected errors, the first: " + run.unexpected.peek());
                int busy = run.errors(NoNodeAvailableException.class);
                assertEquals(REQUESTS, run.answered.get() + busy, run.errors::toString);
                assertTrue(run.answered.get() >= 32_768, "a full set of stream ids was answered: " + run.answered);
                assertEquals(run.answered.get(), node.activity().count(RequestMatcher.query(QUERY)),
                        "a refused request never reached the node");
                assertTrue(run.peakInFlight.get() <= 32_768, "in flight at most " + run.peakInFlight);
                assertTrue(run.peakQueued.get() <= 10_000, "queued at most " + run.peakQueued);
                checkDrainedAndHeap(session, node, before);
            } finally {
                StubSessions.close(session);
            }
        }
    }

    @Test
    void withThrottlingEveryRequestIsAnsweredOrThrottled() {
        try (StubNode node = node()) {
            ReactiveSession session = StubSessions.connect(StubSessions.builder(node)
                    .withRequestThrottling(RequestThrottling.concurrencyLimit(2_048, 30_000))
                    .withConfig(StubSessions.config().withRequestTimeout(Duration.ofSeconds(60))));
            try {
                long before = usedHeapAfterGc();
                long start = System.nanoTime();
                long cpu = cpuNanos();
                Run run = run(session, node, e -> e instanceof RequestThrottlingException);
                System.out.printf("overload: %d requests in %d ms (%d ms CPU): %d answered, errors %s, peaks %d in "
                                + "flight, %d queued%n", REQUESTS, (System.nanoTime() - start) / 1_000_000,
                        (cpuNanos() - cpu) / 1_000_000, run.answered.get(), run.errors, run.peakInFlight.get(),
                        run.peakQueued.get());
                assertEquals(0, run.unexpected.size(), () -> "unexpected errors, the first: " + run.unexpected.peek());
                int throttled = run.errors(RequestThrottlingException.class);
                assertEquals(REQUESTS, run.answered.get() + throttled, run.errors::toString);
                assertTrue(run.answered.get() >= 2_048 + 30_000, "the limit and the queue were served: " + run.answered);
                assertEquals(run.answered.get(), node.activity().count(RequestMatcher.query(QUERY)));
                assertTrue(run.peakInFlight.get() <= 2_048, "in flight at most " + run.peakInFlight);
                assertEquals(0, run.peakQueued.get(), "the throttler holds the waiting requests, not the connection");
                checkDrainedAndHeap(session, node, before);
            } finally {
                StubSessions.close(session);
            }
        }
    }

    private static void checkDrainedAndHeap(ReactiveSession session, StubNode node, long before) {
        PoolStatistics after = stats(session, node.address());
        assertEquals(0, after.inFlight(), after.toString());
        assertEquals(0, after.queued(), after.toString());
        assertEquals(1, after.openConnections(), after.toString());
        node.activity().clearRequests(); // the stub's own record of 100,000 requests is not the driver's
        long retained = usedHeapAfterGc() - before;
        System.out.printf("overload: heap retained after the run %.1f MiB%n", retained / 1048576.0);
        assertTrue(retained < HEAP_SLACK, "heap kept after the run: " + retained / 1024 / 1024 + " MiB");
    }
}
