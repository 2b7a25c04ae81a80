package io.reactivecql.benchmarks.load;

import org.HdrHistogram.Histogram;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The paged read of the wide partition. Fast: whole reads back to back, each consuming rows as fast
 * as the driver delivers them (an "op" is a row). Slow: one read whose subscriber asks for a few
 * rows every millisecond, far slower than the server serves them, while the pages the driver
 * received are compared with the rows asked for: the driver's buffering beyond demand.
 */
final class PagedRead {

    /** Rows the slow subscriber asks for each millisecond (50,000 rows/s). */
    static final int SLOW_ROWS_PER_MS = 50;

    private PagedRead() {
    }

    static RunResult fast(String target, Client client, Workload workload, int rep, RunnerOptions options,
                          Probe probe, PrintStream out) {
        String label = String.format("[%s %s %s rep %d]", target, workload.name(), client.name(), rep);
        long warmupEnd = System.nanoTime() + options.warmup().toNanos();
        do {
            long rows = readOnce(client);
            out.printf("%s warm-up: read %,d rows  load %s%n", label, rows, Probe.loadAverage());
        } while (System.nanoTime() < warmupEnd);
        Histogram readTimes = new Histogram(3_600_000_000_000L, 3);
        long rows = 0;
        Probe.Snapshot start = probe.snapshot();
        long end = start.nanos() + options.duration().toNanos();
        do {
            long t0 = System.nanoTime();
            long read = readOnce(client);
            long took = System.nanoTime() - t0;
            readTimes.recordValue(took);
            rows += read;
            out.printf("%s measure: %,d rows in %.2f s, %,.0f rows/s  load %s%n", label, read, took / 1e9,
                    read / (took / 1e9), Probe.loadAverage());
        } while (System.nanoTime() < end);
        Probe.Snapshot stop = probe.snapshot();
        // latency columns: the time of one whole read
        return RunResult.of(target, workload, client.name(), rep, rows, start, stop, readTimes, Double.NaN, Double.NaN, 0);
    }

    private static long readOnce(Client client) {
        try {
            CompletableFuture<Long> read = client.readPartition();
            return read.get(10, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(client.name() + ": the paged read failed", e);
        }
    }

    /** The slow subscriber; null when the driver has no publisher for it (executeAsync). */
    static RunResult slow(String target, Client client, Workload workload, int rep, RunnerOptions options,
                          Probe probe, PrintStream out) {
        Publisher<?> publisher = client.partitionPublisher();
        if (publisher == null) {
            return null;
        }
        String label = String.format("[%s %s %s rep %d]", target, workload.name(), client.name(), rep);
        SlowSubscriber subscriber = new SlowSubscriber(client);
        long responsesBefore = client.responses();
        Probe.Snapshot start = probe.snapshot();
        publisher.subscribe(subscriber);
        long peakPages = 0;
        long peakRows = 0;
        long requested = 0;
        long endNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.slowSeconds());
        long nextReport = System.nanoTime() + options.progress().toNanos();
        Subscription subscription = subscriber.awaitSubscription();
        while (System.nanoTime() < endNanos && subscriber.error == null && !subscriber.done) {
            subscription.request(SLOW_ROWS_PER_MS);
            requested += SLOW_ROWS_PER_MS;
            sleepMillis(1);
            long pages = client.responses() - responsesBefore;
            // pages no row of which was asked for, and rows received but not asked for
            long unaskedPages = pages - (requested + options.pageSize() - 1) / options.pageSize();
            long unaskedRows = pages * options.pageSize() - requested;
            peakPages = Math.max(peakPages, unaskedPages);
            peakRows = Math.max(peakRows, unaskedRows);
            if (System.nanoTime() >= nextReport) {
                nextReport += options.progress().toNanos();
                out.printf("%s %,d rows asked for, %,d delivered, %d pages received: beyond demand %d whole pages, "
                                + "%,d rows (peaks %d, %,d)  load %s%n", label, requested, subscriber.delivered.get(),
                        pages, unaskedPages, unaskedRows, peakPages, peakRows, Probe.loadAverage());
            }
        }
        subscription.cancel();
        Probe.Snapshot stop = probe.snapshot();
        if (subscriber.error != null) {
            throw new IllegalStateException(client.name() + ": the slow paged read failed", subscriber.error);
        }
        if (subscriber.delivered.get() > requested) {
            throw new IllegalStateException(client.name() + " delivered " + subscriber.delivered.get()
                    + " rows for a demand of " + requested);
        }
        return RunResult.of(target, workload, client.name(), rep, subscriber.delivered.get(), start, stop, null,
                peakPages, peakRows, 0);
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static final class SlowSubscriber implements Subscriber<Object> {
        private final Client client;
        private final CompletableFuture<Subscription> subscription = new CompletableFuture<>();
        final AtomicLong delivered = new AtomicLong();
        private long sink;
        volatile Throwable error;
        volatile boolean done;

        SlowSubscriber(Client client) {
            this.client = client;
        }

        Subscription awaitSubscription() {
            try {
                return subscription.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("no onSubscribe", e);
            }
        }

        @Override
        public void onSubscribe(Subscription s) {
            subscription.complete(s);
        }

        @Override
        public void onNext(Object row) {
            sink += client.consume(row);
            delivered.incrementAndGet();
        }

        @Override
        public void onError(Throwable t) {
            error = t;
        }

        @Override
        public void onComplete() {
            Sink.publish(sink);
            done = true;
        }
    }
}
