package io.reactivecql.soak;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.statement.PreparedStatement;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The soak's steady load: one operation per tick at a fixed rate, half writes of new rows, half
 * reads of rows whose write was acknowledged. It remembers every acknowledged write (to read them
 * all back at the end) and counts every outcome; a read of an acknowledged write that finds nothing
 * or another value is a violation (writes and reads are QUORUM: they must meet).
 */
final class SoakLoad {

    static final int BUCKETS = 64;
    /** At most this many operations in flight; ticks beyond it are skipped, and counted. */
    private static final int MAX_OUTSTANDING = 512;

    private final ReactiveSession session;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final Duration period;

    final ConcurrentHashMap<Long, Boolean> acknowledged = new ConcurrentHashMap<>();
    /** Acknowledged ids in order, plus one (0: that slot is not written yet), for reads to pick from. */
    private final AtomicLongArray ackedIds = new AtomicLongArray(4_000_000);
    private final AtomicInteger ackedCount = new AtomicInteger();
    private final AtomicLong nextId = new AtomicLong();
    final LongAdder issued = new LongAdder();
    final LongAdder completed = new LongAdder();
    final LongAdder skippedTicks = new LongAdder();
    final LongAdder writesFailed = new LongAdder();
    final LongAdder readsOk = new LongAdder();
    final LongAdder readsFailed = new LongAdder();
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    /** Latencies (micros) of the successful operations, a sample of at most 1M. */
    final long[] latencies = new long[1_000_000];
    private final AtomicInteger latencyCount = new AtomicInteger();
    private final AtomicInteger outstanding = new AtomicInteger();
    private Disposable ticker;

    SoakLoad(ReactiveSession session, PreparedStatement insert, PreparedStatement select, int opsPerSecond) {
        this.session = session;
        this.insert = insert;
        this.select = select;
        this.period = Duration.ofNanos(1_000_000_000L / opsPerSecond);
    }

    static int bucketOf(long id) {
        return (int) (id % BUCKETS);
    }

    static String valueOf(long id) {
        return "v-" + id;
    }

    void start() {
        ticker = Flux.interval(period, Schedulers.parallel())
                .onBackpressureDrop(tick -> skippedTicks.increment())
                .subscribe(tick -> {
                    if (outstanding.get() >= MAX_OUTSTANDING) {
                        skippedTicks.increment();
                        return;
                    }
                    outstanding.incrementAndGet();
                    issued.increment();
                    Mono<?> op = tick % 2 == 0 || ackedCount.get() == 0 ? write() : read();
                    op.doFinally(signal -> {
                        outstanding.decrementAndGet();
                        completed.increment();
                    }).subscribe(null, e -> { });
                });
    }

    /** Stops issuing; operations in flight go on. */
    void stop() {
        ticker.dispose();
    }

    int outstanding() {
        return outstanding.get();
    }

    int acknowledgedCount() {
        return ackedCount.get();
    }

    private Mono<?> write() {
        long id = nextId.getAndIncrement();
        long start = System.nanoTime();
        return session.executePage(insert.bind(bucketOf(id), id, valueOf(id)).withIdempotent(true))
                .doOnNext(page -> {
                    latency(start);
                    acknowledged.put(id, Boolean.TRUE);
                    int slot = ackedCount.getAndIncrement();
                    if (slot < ackedIds.length()) {
                        ackedIds.set(slot, id + 1);
                    }
                })
                .doOnError(e -> {
                    writesFailed.increment();
                    error(e);
                });
    }

    private Mono<?> read() {
        int known = Math.min(ackedCount.get(), ackedIds.length());
        long slot = ackedIds.get(ThreadLocalRandom.current().nextInt(known));
        if (slot == 0) {
            return write(); // that acknowledgement is still being recorded
        }
        long id = slot - 1;
        long start = System.nanoTime();
        return session.executePage(select.bind(bucketOf(id), id).withIdempotent(true))
                .doOnNext(page -> {
                    latency(start);
                    readsOk.increment();
                    Row row = page.one();
                    if (row == null) {
                        violations.add("acknowledged write " + id + " not found by a QUORUM read");
                    } else if (!valueOf(id).equals(row.getString("v"))) {
                        violations.add("acknowledged write " + id + " read back as " + row.getString("v"));
                    }
                })
                .doOnError(e -> {
                    readsFailed.increment();
                    error(e);
                });
    }

    private void latency(long startNanos) {
        int slot = latencyCount.getAndIncrement();
        if (slot < latencies.length) {
            latencies[slot] = (System.nanoTime() - startNanos) / 1_000;
        }
    }

    private void error(Throwable e) {
        errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
    }

    /** The latency at {@code percentile} (0..100) of the successful operations, in microseconds. */
    long latencyMicros(double percentile) {
        int n = Math.min(latencyCount.get(), latencies.length);
        if (n == 0) {
            return 0;
        }
        long[] sorted = java.util.Arrays.copyOf(latencies, n);
        java.util.Arrays.sort(sorted);
        return sorted[Math.min(n - 1, (int) Math.ceil(percentile / 100 * n) - 1)];
    }
}
