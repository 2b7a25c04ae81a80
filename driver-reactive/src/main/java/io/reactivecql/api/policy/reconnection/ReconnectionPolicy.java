package io.reactivecql.api.policy.reconnection;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides the delays between reconnection attempts. The driver asks for a new {@link Schedule}
 * each time a node goes down and waits {@link Schedule#nextDelay()} (on a timer, no thread
 * sleeps) before each attempt. Implementations are thread-safe; schedules are used by one
 * reconnection at a time.
 */
public interface ReconnectionPolicy {

    /** A new series of delays, for one outage. */
    Schedule newSchedule();

    /** The delays of one outage. */
    interface Schedule {
        /** The delay before the next attempt. */
        Duration nextDelay();
    }

    /** Exponential, 1 s doubling up to 60 s, with jitter: the default. */
    static ReconnectionPolicy defaultPolicy() {
        return exponential(Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    /**
     * Delays {@code base}, {@code 2 * base}, {@code 4 * base}, ... capped at {@code max}, each with
     * a random jitter of +-15% (so that many clients do not reconnect in step); the first attempt
     * is made after {@code base}.
     */
    static ReconnectionPolicy exponential(Duration base, Duration max) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= max, got " + base + ", " + max);
        }
        return () -> new Schedule() {
            private int attempts;

            @Override
            public Duration nextDelay() {
                int shift = Math.min(attempts++, 30);
                long nanos = base.toNanos() << shift;
                if (nanos <= 0 || nanos > max.toNanos()) {
                    nanos = max.toNanos();
                }
                double jitter = 0.85 + ThreadLocalRandom.current().nextDouble() * 0.3;
                return Duration.ofNanos((long) (nanos * jitter));
            }
        };
    }

    /** The same {@code delay} before every attempt. */
    static ReconnectionPolicy constant(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        return () -> () -> delay;
    }
}
