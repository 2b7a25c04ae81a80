package io.reactivecql.benchmarks.load;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code concurrency} requests in flight, each started again as soon as the previous one completes
 * (on the thread that completed it, as a reactive application does), for a warm-up and then a
 * measured period, with a progress line every few seconds.
 */
final class ClosedLoop {

    private static final ScheduledExecutorService BACKOFF = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "closed-loop-backoff");
        t.setDaemon(true);
        return t;
    });

    private final Client client;
    private final Workload workload;
    private final Recorder recorder = new Recorder(3_600_000_000L, 3);
    private final LongAdder ops = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean stopping;
    private volatile Throwable lastError;

    ClosedLoop(Client client, Workload workload) {
        this.client = client;
        this.workload = workload;
    }

    /** Runs warm-up then measurement; returns the measured figures. */
    RunResult run(String target, int rep, RunnerOptions options, Probe probe, PrintStream out) {
        String label = String.format("[%s %s %s rep %d]", target, workload.name(), client.name(), rep);
        for (int i = 0; i < workload.concurrency(); i++) {
            active.incrementAndGet();
            new Slot(i).next();
        }
        phase(label + " warm-up", options.warmup(), options.progress(), null, out);
        recorder.getIntervalHistogram(); // drop the warm-up latencies
        long opsBefore = ops.sum();
        long errorsBefore = errors.sum();
        Probe.Snapshot start = probe.snapshot();
        Histogram latency = new Histogram(3_600_000_000L, 3);
        phase(label + " measure", options.duration(), options.progress(), latency, out);
        Probe.Snapshot end = probe.snapshot();
        long measured = ops.sum() - opsBefore;
        long failed = errors.sum() - errorsBefore;
        stopping = true;
        awaitDrained(label, out);
        if (failed > 0 && lastError != null) {
            out.println(label + " " + failed + " errors, the last: " + lastError);
        }
        return RunResult.of(target, workload, client.name(), rep, measured, start, end, latency, Double.NaN, Double.NaN, failed);
    }

    private void phase(String label, Duration length, Duration progress, Histogram into, PrintStream out) {
        long startNanos = System.nanoTime();
        long endNanos = startNanos + length.toNanos();
        long lastOps = ops.sum();
        long lastNanos = startNanos;
        while (true) {
            long now = System.nanoTime();
            if (now >= endNanos) {
                break;
            }
            sleepNanos(Math.min(progress.toNanos(), endNanos - now));
            now = System.nanoTime();
            Histogram interval = recorder.getIntervalHistogram();
            if (into != null) {
                into.add(interval);
            }
            long nowOps = ops.sum();
            out.printf("%s %5.1fs %,10.0f ops/s  p50 %8.1f us  p99 %8.1f us  in flight %d  errors %d  load %s%n",
                    label, (now - startNanos) / 1e9, (nowOps - lastOps) / ((now - lastNanos) / 1e9),
                    interval.getValueAtPercentile(50) / 1e3, interval.getValueAtPercentile(99) / 1e3,
                    active.get(), errors.sum(), Probe.loadAverage());
            lastOps = nowOps;
            lastNanos = now;
        }
    }

    private void awaitDrained(String label, PrintStream out) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (active.get() > 0) {
            if (System.nanoTime() > deadline) {
                out.println(label + " " + active.get() + " requests still in flight 30 s after the end");
                return;
            }
            sleepNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(Math.max(0, nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** One request in flight at a time; allocates nothing of its own per request. */
    private final class Slot implements Client.Done {
        private final long keyBase;
        private long sequence;
        private long startNanos;

        Slot(int index) {
            this.keyBase = (long) index << 40;
        }

        void next() {
            if (stopping) {
                active.decrementAndGet();
                return;
            }
            startNanos = System.nanoTime();
            if (workload.kind() == Workload.Kind.INSERT) {
                client.insert(keyBase + sequence++, this);
            } else {
                client.select(ThreadLocalRandom.current().nextInt(Schema.SELECT_KEYS), this);
            }
        }

        @Override
        public void done(Throwable error) {
            if (error != null) {
                errors.increment();
                lastError = error;
                // never recurse on a request that failed at once: go on a moment later
                BACKOFF.schedule(this::next, 1, TimeUnit.MILLISECONDS);
                return;
            }
            recorder.recordValue(Math.max(0, System.nanoTime() - startNanos));
            ops.increment();
            next();
        }
    }
}
