package io.reactivecql.stub;

import io.reactivecql.protocol.response.result.ColumnSpec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A primed answer, as {@link PrimeBuilder} made it: which requests it matches, the reply, a delay,
 * and how many more times it applies. The handle lets a test check how often it fired or withdraw
 * it. Thread-safe.
 */
public final class Prime {

    static final int UNLIMITED = -1;

    private final Script script;
    private final RequestMatcher matcher;
    private final Reply reply;
    private final Duration delay;
    private final AtomicInteger remaining;
    private final AtomicInteger hits = new AtomicInteger();
    private final List<ColumnSpec> bindMarkers;
    private final List<Integer> partitionKey;
    private final List<String> warnings;

    Prime(Script script, RequestMatcher matcher, Reply reply, Duration delay, int times, List<ColumnSpec> bindMarkers,
          List<Integer> partitionKey, List<String> warnings) {
        this.script = script;
        this.matcher = matcher;
        this.reply = reply;
        this.delay = delay;
        this.remaining = new AtomicInteger(times);
        this.bindMarkers = bindMarkers;
        this.partitionKey = partitionKey;
        this.warnings = warnings;
    }

    /** How many requests this prime has answered. */
    public int hits() {
        return hits.get();
    }

    /** Whether it was primed for a number of times and has used them all. */
    public boolean isExhausted() {
        return remaining.get() == 0;
    }

    /** Withdraws the prime: requests arriving from now on no longer see it. */
    public void remove() {
        script.remove(this);
    }

    public Reply reply() {
        return reply;
    }

    /** The delay before answering ({@link Duration#ZERO} for none). */
    public Duration delay() {
        return delay;
    }

    RequestMatcher matcher() {
        return matcher;
    }

    /** The bind markers a PREPARE of the statement announces, or null to infer them. */
    List<ColumnSpec> bindMarkers() {
        return bindMarkers;
    }

    List<Integer> partitionKey() {
        return partitionKey;
    }

    List<String> warnings() {
        return warnings;
    }

    /** Takes one use, if any is left. */
    boolean claim() {
        while (true) {
            int left = remaining.get();
            if (left == 0) {
                return false;
            }
            if (left == UNLIMITED || remaining.compareAndSet(left, left - 1)) {
                hits.incrementAndGet();
                return true;
            }
        }
    }

    @Override
    public String toString() {
        int left = remaining.get();
        return "Prime[" + reply + (delay.isZero() ? "" : ", delay " + delay)
                + (left == UNLIMITED ? "" : ", " + left + " uses left") + ", hits " + hits.get() + "]";
    }
}
