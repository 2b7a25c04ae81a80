package io.reactivecql.schema.api.token;

import java.util.Objects;

/**
 * A range of the ring, {@code (start, end]}: start excluded, end included, as Cassandra's ranges.
 *
 * <p>A range whose start is not below its end wraps around the end of the ring; a range whose start
 * equals its end covers the whole ring (the range of a single-token cluster). Immutable.
 *
 * @param start the token just before the range (excluded)
 * @param end the last token of the range (included): the ring token whose owner is the range's
 *     primary replica
 */
public record TokenRange(Token start, Token end) {

    /**
     * @throws IllegalArgumentException when the tokens come from different partitioners
     */
    public TokenRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        start.compareTo(end); // fails fast on tokens of two partitioners
    }

    /** Whether the range goes past the largest token and on from the smallest. */
    public boolean isWrappedAround() {
        return start.compareTo(end) >= 0;
    }

    /** Whether the range is the whole ring (start equals end). */
    public boolean isFullRing() {
        return start.equals(end);
    }

    /**
     * Whether {@code token} falls in {@code (start, end]}.
     *
     * @throws IllegalArgumentException when {@code token} comes from another partitioner
     */
    public boolean contains(Token token) {
        Objects.requireNonNull(token, "token");
        int cmp = start.compareTo(end);
        if (cmp < 0) {
            return token.compareTo(start) > 0 && token.compareTo(end) <= 0;
        }
        // wraps (or full ring when start == end): everything after start, or up to end
        return token.compareTo(start) > 0 || token.compareTo(end) <= 0;
    }

    @Override
    public String toString() {
        return "(" + start + ", " + end + "]";
    }
}
