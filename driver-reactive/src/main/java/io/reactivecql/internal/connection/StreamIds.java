package io.reactivecql.internal.connection;

import java.util.Arrays;

/**
 * The stream ids of one connection: ids never used yet are handed out in order, released ones are
 * reused first (a stack), so acquire and release are O(1) and memory follows the concurrency the
 * connection actually reached, not its 32768 maximum. Confined to the connection's event loop,
 * which is what makes it safe without locks. An id is released only once its answer arrived (an
 * orphaned id stays taken), so a late answer can never reach the next user of its id.
 */
final class StreamIds {

    private static final int INITIAL_STACK = 16;

    private final int capacity;
    /** Released ids, reused last-in first-out. */
    private int[] free = new int[INITIAL_STACK];
    private int top;
    /** The lowest id never handed out. */
    private int fresh;

    StreamIds(int capacity) {
        if (capacity < 1 || capacity > ConnectionConfig.MAX_STREAM_IDS) {
            throw new IllegalArgumentException("capacity must be in 1.." + ConnectionConfig.MAX_STREAM_IDS);
        }
        this.capacity = capacity;
    }

    /** A free id, or -1 when every id is taken. */
    int acquire() {
        if (top > 0) {
            return free[--top];
        }
        return fresh < capacity ? fresh++ : -1;
    }

    /** Gives back an id taken with {@link #acquire()}. */
    void release(int id) {
        if (id < 0 || id >= fresh || top >= fresh) {
            throw new IllegalStateException("stream id " + id + " was not taken");
        }
        if (top == free.length) {
            free = Arrays.copyOf(free, Math.min(capacity, top * 2));
        }
        free[top++] = id;
    }

    int capacity() {
        return capacity;
    }

    /** Ids that {@link #acquire()} can still hand out. */
    int available() {
        return top + capacity - fresh;
    }
}
