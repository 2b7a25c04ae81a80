package io.reactivecql.api.policy.retry;

import io.reactivecql.protocol.ConsistencyLevel;

import java.util.Objects;

/**
 * What the request handler does after an error, as a {@link RetryPolicy} decides: retry on the
 * same node, retry on the next node of the query plan, rethrow the error, or ignore it (the
 * request succeeds with an empty result). A retry may lower the consistency level.
 * Immutable; the common decisions are shared constants.
 */
public final class RetryDecision {

    /** The kinds of decision. */
    public enum Type {
        /** Send the request again to the node that answered with the error. */
        RETRY_SAME,
        /** Send the request to the next node of the query plan. */
        RETRY_NEXT,
        /** Give the error to the caller. */
        RETHROW,
        /** Swallow the error: the request succeeds with an empty result. */
        IGNORE
    }

    private static final RetryDecision SAME = new RetryDecision(Type.RETRY_SAME, null);
    private static final RetryDecision NEXT = new RetryDecision(Type.RETRY_NEXT, null);
    private static final RetryDecision RETHROW = new RetryDecision(Type.RETHROW, null);
    private static final RetryDecision IGNORE = new RetryDecision(Type.IGNORE, null);

    private final Type type;
    private final ConsistencyLevel consistency;

    private RetryDecision(Type type, ConsistencyLevel consistency) {
        this.type = type;
        this.consistency = consistency;
    }

    /** Retry on the same node with the same consistency. */
    public static RetryDecision retrySame() {
        return SAME;
    }

    /** Retry on the same node at {@code consistency} (a downgrade). */
    public static RetryDecision retrySame(ConsistencyLevel consistency) {
        return new RetryDecision(Type.RETRY_SAME, Objects.requireNonNull(consistency, "consistency"));
    }

    /** Retry on the next node of the plan with the same consistency. */
    public static RetryDecision retryNext() {
        return NEXT;
    }

    /** Retry on the next node of the plan at {@code consistency}. */
    public static RetryDecision retryNext(ConsistencyLevel consistency) {
        return new RetryDecision(Type.RETRY_NEXT, Objects.requireNonNull(consistency, "consistency"));
    }

    /** Give the error to the caller. */
    public static RetryDecision rethrow() {
        return RETHROW;
    }

    /** Succeed with an empty result. */
    public static RetryDecision ignore() {
        return IGNORE;
    }

    public Type type() {
        return type;
    }

    /** Whether the request is sent again. */
    public boolean isRetry() {
        return type == Type.RETRY_SAME || type == Type.RETRY_NEXT;
    }

    /** The consistency level of the retry, or null to keep the request's. */
    public ConsistencyLevel consistency() {
        return consistency;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryDecision d && d.type == type && d.consistency == consistency;
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Objects.hashCode(consistency);
    }

    @Override
    public String toString() {
        return consistency == null ? type.name() : type + "(" + consistency + ")";
    }
}
