package io.reactivecql.benchmarks.load;

import org.reactivestreams.Publisher;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One driver, one way of calling it: the same operations for every driver under test, each as the
 * driver's users would write it (ours through its {@code Flux}, the Java driver through
 * {@code executeAsync} or {@code executeReactive}). Every implementation reads the values of every
 * row it receives, so that decoding is not left undone.
 */
interface Client extends AutoCloseable {

    List<String> NAMES = List.of("reactivecql", "java-async", "java-reactive");

    /** Called once per request, on whatever thread completed it. */
    @FunctionalInterface
    interface Done {
        /** @param error null on success */
        void done(Throwable error);
    }

    String name();

    /** Prepares the statements of the workloads (blocking; not measured). */
    void prepare();

    /** Executes the prepared INSERT of key {@code k}. */
    void insert(long k, Done done);

    /** Executes the prepared point SELECT of key {@code k} and reads its row. */
    void select(long k, Done done);

    /** Reads the whole wide partition as fast as the driver delivers; completes with the rows read. */
    CompletableFuture<Long> readPartition();

    /**
     * The wide partition as a publisher of the driver's rows for a subscriber that sets its own pace
     * ({@link #consume} reads one), or null when this way of calling the driver has no publisher.
     */
    Publisher<?> partitionPublisher();

    /** Reads every cell of a row of {@link #partitionPublisher()}; returns something derived from them. */
    long consume(Object row);

    /** Pages (successful QUERY/EXECUTE responses) received so far, from the driver's request tracker. */
    long responses();

    @Override
    void close();
}
