package io.reactivecql.internal.policy.throttling;

import io.reactivecql.api.errors.RequestThrottlingException;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lock-free concurrency limiter: at most {@code maxConcurrent} permits out, at most
 * {@code maxQueued} waiters (served in arrival order), refusal beyond. Each request takes a
 * {@link Permit} whose {@link Permit#release()} is idempotent and safe in every state (waiting,
 * granted, refused), so releasing in {@code doFinally} never loses nor duplicates a permit, however
 * grant, cancellation and completion race.
 */
public final class ConcurrencyLimiter {

    private static final int NEW = 0;
    private static final int WAITING = 1;
    private static final int GRANTED = 2;
    private static final int DONE = 3;

    private final int maxConcurrent;
    private final int maxQueued;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();
    private final Queue<Permit> waiters = new ConcurrentLinkedQueue<>();
    /** Drain loop guard: grants happen in one loop at a time, without recursion. */
    private final AtomicInteger wip = new AtomicInteger();

    public ConcurrencyLimiter(int maxConcurrent, int maxQueued) {
        if (maxConcurrent < 1 || maxQueued < 0) {
            throw new IllegalArgumentException("maxConcurrent must be positive and maxQueued not negative, were "
                    + maxConcurrent + " and " + maxQueued);
        }
        this.maxConcurrent = maxConcurrent;
        this.maxQueued = maxQueued;
    }

    /** A permit to acquire with {@link Permit#acquire()} and always release with {@link Permit#release()}. */
    public Permit newPermit() {
        return new Permit();
    }

    /** Permits granted and not released. */
    public int active() {
        return active.get();
    }

    /** Requests waiting. */
    public int queued() {
        return queued.get();
    }

    private boolean tryTake() {
        for (;;) {
            int n = active.get();
            if (n >= maxConcurrent) {
                return false;
            }
            if (active.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            while (!waiters.isEmpty() && tryTake()) {
                Permit next = waiters.poll();
                if (next == null) {
                    active.decrementAndGet();
                    break;
                }
                if (next.state.compareAndSet(WAITING, GRANTED)) {
                    queued.decrementAndGet();
                    next.sink.success();
                } else {
                    active.decrementAndGet(); // it was cancelled while waiting
                }
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    /** One request's claim on the limiter. */
    public final class Permit {
        private final AtomicInteger state = new AtomicInteger(NEW);
        private volatile MonoSink<Void> sink;

        private Permit() {
        }

        /**
         * Completes when the permit is granted (at once when a slot is free), fails with
         * {@link RequestThrottlingException} when the queue is full. Subscribe once.
         */
        public Mono<Void> acquire() {
            return Mono.create(s -> {
                if (tryTake()) {
                    if (state.compareAndSet(NEW, GRANTED)) {
                        s.success();
                    } else {
                        active.decrementAndGet(); // released before it was granted
                        drain();
                    }
                    return;
                }
                if (queued.incrementAndGet() > maxQueued) {
                    queued.decrementAndGet();
                    if (state.compareAndSet(NEW, DONE)) {
                        s.error(new RequestThrottlingException(maxConcurrent, maxQueued));
                    }
                    return;
                }
                sink = s;
                if (!state.compareAndSet(NEW, WAITING)) {
                    queued.decrementAndGet();
                    return;
                }
                waiters.offer(this);
                // a release may have happened between tryTake and offer
                drain();
            });
        }

        /** Gives the permit back (granted), or leaves the queue (waiting); idempotent. */
        public void release() {
            for (;;) {
                int s = state.get();
                if (s == DONE) {
                    return;
                }
                if (state.compareAndSet(s, DONE)) {
                    if (s == GRANTED) {
                        active.decrementAndGet();
                    } else if (s == WAITING) {
                        queued.decrementAndGet(); // stays in the queue; drain skips it
                    }
                    drain();
                    return;
                }
            }
        }
    }
}
