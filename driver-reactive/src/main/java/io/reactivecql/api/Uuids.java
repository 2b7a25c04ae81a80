package io.reactivecql.api;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * UUID helpers: random (version 4) UUIDs and time-based (version 1) UUIDs for {@code timeuuid}
 * columns, plus the bounds to query a time range of them.
 *
 * <p>{@link #timeBased()} is monotonic within the JVM: consecutive calls give strictly increasing
 * timestamps (up to 10,000 per millisecond without running ahead of the clock). The clock sequence
 * and node are random per JVM, with the multicast bit set as RFC 4122 asks of a node id that is
 * not a MAC address.
 */
public final class Uuids {

    /** 100 ns intervals between the Gregorian epoch (1582-10-15) and the Unix epoch. */
    private static final long GREGORIAN_TO_UNIX_100NS = 0x01B21DD213814000L;
    private static final long MIN_CLOCK_SEQ_AND_NODE = 0x8080808080808080L;
    private static final long MAX_CLOCK_SEQ_AND_NODE = 0x7f7f7f7f7f7f7f7fL;
    private static final long CLOCK_SEQ_AND_NODE = makeClockSeqAndNode();
    private static final AtomicLong LAST_TIMESTAMP = new AtomicLong();

    private Uuids() {
    }

    /** A random (version 4) UUID, from a thread-local generator (no contention, no blocking). */
    public static UUID random() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** A time-based (version 1) UUID for now, unique and increasing within this JVM. */
    public static UUID timeBased() {
        return new UUID(makeMsb(nextTimestamp()), CLOCK_SEQ_AND_NODE);
    }

    /**
     * The smallest time-based UUID of millisecond {@code unixMillis} (by Cassandra's timeuuid
     * ordering): use as the lower bound of a range query. Never store it: it is not unique.
     */
    public static UUID startOf(long unixMillis) {
        return new UUID(makeMsb(fromUnixMillis(unixMillis)), MIN_CLOCK_SEQ_AND_NODE);
    }

    /** The greatest time-based UUID of millisecond {@code unixMillis}: the upper bound of a range query. */
    public static UUID endOf(long unixMillis) {
        return new UUID(makeMsb(fromUnixMillis(unixMillis + 1) - 1), MAX_CLOCK_SEQ_AND_NODE);
    }

    /**
     * The Unix time in milliseconds of a time-based UUID.
     *
     * @throws IllegalArgumentException when {@code uuid} is not version 1
     */
    public static long unixTimestamp(UUID uuid) {
        if (uuid.version() != 1) {
            throw new IllegalArgumentException("not a time-based (version 1) UUID: " + uuid + " is version "
                    + uuid.version());
        }
        return (uuid.timestamp() - GREGORIAN_TO_UNIX_100NS) / 10_000;
    }

    private static long fromUnixMillis(long unixMillis) {
        return unixMillis * 10_000 + GREGORIAN_TO_UNIX_100NS;
    }

    private static long nextTimestamp() {
        while (true) {
            long now = fromUnixMillis(System.currentTimeMillis());
            long last = LAST_TIMESTAMP.get();
            if (now > last) {
                if (LAST_TIMESTAMP.compareAndSet(last, now)) {
                    return now;
                }
            } else {
                // same (or an earlier, after a clock step back) millisecond: take the next 100 ns tick
                long candidate = last + 1;
                if (LAST_TIMESTAMP.compareAndSet(last, candidate)) {
                    return candidate;
                }
            }
        }
    }

    private static long makeMsb(long timestamp) {
        long msb = 0L;
        msb |= (0x00000000ffffffffL & timestamp) << 32;
        msb |= (0x0000ffff00000000L & timestamp) >>> 16;
        msb |= (0x0fff000000000000L & timestamp) >>> 48;
        msb |= 0x0000000000001000L; // version 1
        return msb;
    }

    private static long makeClockSeqAndNode() {
        // no SecureRandom: its first use may read /dev/random, which would block an event loop
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long clock = random.nextInt(0x4000);
        long node = random.nextLong() & 0x0000FFFFFFFFFFFFL;
        node |= 0x0000010000000000L; // multicast bit: not a real MAC address
        long lsb = 0;
        lsb |= 0x8000000000000000L; // variant (RFC 4122)
        lsb |= (clock & 0x3FFFL) << 48;
        lsb |= node;
        return lsb;
    }
}
