package io.reactivecql.internal.connection;

/**
 * How many requests one connection lets out at once. All its stream ids, until the node answers
 * OVERLOADED: then half of what was in flight, and half again after each further round trip that
 * still meets OVERLOADED (down to one request at a time); requests beyond the window are refused
 * unsent (the session tries the next node, else the caller gets the busy error), so an overloaded
 * node sees the client slow down instead of retrying harder. Other answers widen the window again, doubling it after each window's worth of them
 * (TCP's slow start), back to every stream id.
 *
 * <p>"Round trip": only an OVERLOADED answer to a request sent after the last narrowing narrows
 * again, so a burst of them answering one window halves it once, not once per answer. Confined to
 * the connection's event loop.
 */
final class OverloadWindow {

    private final int max;
    private int limit;
    /** Answers since the last change while widening. */
    private int credit;
    /** Counts the narrowings; a request remembers the epoch it was sent in. */
    private long epoch;

    OverloadWindow(int max) {
        this.max = max;
        this.limit = max;
    }

    /** Requests that may be in flight now. */
    int limit() {
        return limit;
    }

    /** Whether OVERLOADED answers narrowed the window below every stream id. */
    boolean isNarrowed() {
        return limit < max;
    }

    /** The epoch a request sent now belongs to. */
    long epoch() {
        return epoch;
    }

    /**
     * The node answered OVERLOADED to a request sent in epoch {@code sentIn}, with
     * {@code inFlight} other requests still out.
     */
    void overloaded(long sentIn, int inFlight) {
        if (sentIn == epoch) {
            epoch++;
            limit = Math.max(1, Math.min(limit, inFlight + 1) / 2);
            credit = 0;
        }
    }

    /** The node answered something else. */
    void answered() {
        if (limit < max && ++credit >= limit) {
            credit = 0;
            limit = (int) Math.min(max, 2L * limit);
        }
    }
}
