package io.reactivecql.internal.policy.throttling;

import io.reactivecql.api.errors.RequestThrottlingException;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limiter's limit, queue, refusal, order, cancellation, and that it never loses a permit. */
class ConcurrencyLimiterTest {

    /** Acquires and records the outcome: "granted", or the error. */
    private static final class Probe {
        final ConcurrencyLimiter.Permit permit;
        final AtomicReference<Object> outcome = new AtomicReference<>();
        final Disposable subscription;

        Probe(ConcurrencyLimiter limiter) {
            permit = limiter.newPermit();
            subscription = permit.acquire().subscribe(null, outcome::set, () -> outcome.set("granted"));
        }
    }

    @Test
    void grantsUpToTheLimitQueuesThenRefuses() {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(2, 1);
        Probe a = new Probe(limiter);
        Probe b = new Probe(limiter);
        Probe c = new Probe(limiter);
        Probe d = new Probe(limiter);
        assertEquals("granted", a.outcome.get());
        assertEquals("granted", b.outcome.get());
        assertEquals(null, c.outcome.get(), "queued");
        RequestThrottlingException refused = assertInstanceOf(RequestThrottlingException.class, d.outcome.get());
        assertEquals(2, refused.maxConcurrentRequests());
        assertEquals(1, refused.maxQueueSize());
        assertTrue(refused.getMessage().contains("2 concurrent requests"), refused.getMessage());
        assertTrue(refused.getMessage().contains("1 waiting requests"), refused.getMessage());
        assertEquals(2, limiter.active());
        assertEquals(1, limiter.queued());

        a.permit.release();
        assertEquals("granted", c.outcome.get(), "the queued one takes the freed slot");
        assertEquals(2, limiter.active());
        assertEquals(0, limiter.queued());
        d.permit.release(); // refused: nothing to give back
        b.permit.release();
        c.permit.release();
        c.permit.release(); // idempotent
        assertEquals(0, limiter.active());
    }

    @Test
    void waitersAreServedInArrivalOrder() {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(1, 10);
        Probe first = new Probe(limiter);
        List<Probe> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waiting.add(new Probe(limiter));
        }
        first.permit.release();
        for (int i = 0; i < 5; i++) {
            assertEquals("granted", waiting.get(i).outcome.get());
            for (int j = i + 1; j < 5; j++) {
                assertEquals(null, waiting.get(j).outcome.get());
            }
            waiting.get(i).permit.release();
        }
        assertEquals(0, limiter.active());
        assertEquals(0, limiter.queued());
    }

    @Test
    void aWaiterThatLeavesTheQueueFreesItsPlace() {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(1, 1);
        Probe holder = new Probe(limiter);
        Probe leaving = new Probe(limiter);
        leaving.subscription.dispose();
        leaving.permit.release();
        assertEquals(0, limiter.queued());
        Probe next = new Probe(limiter);
        assertEquals(null, next.outcome.get(), "queued in the freed place, not refused");
        holder.permit.release();
        assertEquals("granted", next.outcome.get());
        assertEquals(null, leaving.outcome.get(), "never granted");
        next.permit.release();
        assertEquals(0, limiter.active());
    }

    @Test
    void concurrentRequestsNeverExceedTheLimitNorLoseAPermit() throws InterruptedException {
        int limit = 4;
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(limit, 16);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        AtomicInteger granted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        int threads = 8;
        int perThread = 2_000;
        CountDownLatch done = new CountDownLatch(threads * perThread);
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    ConcurrencyLimiter.Permit permit = limiter.newPermit();
                    int mode = ThreadLocalRandom.current().nextInt(3);
                    AtomicInteger entered = new AtomicInteger(); // 0 before, 1 inside, 2 out
                    Mono<Void> work = permit.acquire().then(Mono.fromRunnable(() -> {
                        if (entered.compareAndSet(0, 1)) {
                            int now = inside.incrementAndGet();
                            maxInside.accumulateAndGet(now, Math::max);
                            granted.incrementAndGet();
                        }
                    })).then(mode == 0 ? Mono.<Void>empty() : Mono.delay(Duration.ofNanos(
                            ThreadLocalRandom.current().nextInt(50_000)), Schedulers.parallel()).then());
                    Disposable d = work.doFinally(s -> {
                        if (entered.getAndSet(2) == 1) {
                            inside.decrementAndGet(); // leaves before the permit goes back
                        }
                        permit.release();
                        done.countDown();
                    }).subscribe(null, e -> {
                        if (e instanceof RequestThrottlingException) {
                            refused.incrementAndGet();
                        } else {
                            other.incrementAndGet();
                        }
                    });
                    if (mode == 2) {
                        d.dispose(); // cancel: while queued, while running, or after completion
                    }
                }
            });
            thread.start();
        }
        assertTrue(done.await(60, TimeUnit.SECONDS), "every request ended");
        assertTrue(maxInside.get() <= limit, "at most " + limit + " at once, saw " + maxInside.get());
        assertTrue(granted.get() > 0 && refused.get() > 0, granted + " granted, " + refused + " refused");
        assertEquals(0, other.get());
        assertEquals(0, limiter.active(), "every permit came back");
        assertEquals(0, limiter.queued());
        // and the limiter still works at full capacity
        List<ConcurrencyLimiter.Permit> permits = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            ConcurrencyLimiter.Permit p = limiter.newPermit();
            AtomicReference<String> ok = new AtomicReference<>();
            p.acquire().subscribe(null, null, () -> ok.set("ok"));
            assertEquals("ok", ok.get());
            permits.add(p);
        }
        permits.forEach(ConcurrencyLimiter.Permit::release);
    }
}
