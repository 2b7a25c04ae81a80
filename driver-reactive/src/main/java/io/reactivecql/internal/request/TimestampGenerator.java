package io.reactivecql.internal.request;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Client-side write timestamps in microseconds since the epoch, strictly increasing across the
 * session: two statements never share a timestamp, even within one millisecond or after the clock
 * steps back. Lock-free.
 */
public final class TimestampGenerator {

    private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

    /** The next timestamp. */
    public long next() {
        long now = System.currentTimeMillis() * 1000;
        while (true) {
            long previous = last.get();
            long candidate = now > previous ? now : previous + 1;
            if (last.compareAndSet(previous, candidate)) {
                return candidate;
            }
        }
    }
}
