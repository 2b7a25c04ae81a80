package io.reactivecql.benchmarks.load;

/** Where the values read from rows end up, so that the JIT cannot drop the reads. */
final class Sink {

    @SuppressWarnings("unused")
    private static volatile long value;

    static void publish(long derived) {
        value = derived;
    }

    private Sink() {
    }
}
