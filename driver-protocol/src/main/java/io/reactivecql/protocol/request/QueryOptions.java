package io.reactivecql.protocol.request;

import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.Primitives;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code <query_parameters>} of QUERY and EXECUTE (section 4.1.4): consistency, bound values
 * and the optional settings each announced by a {@link QueryFlags flag}.
 *
 * <p>Absent settings: {@code pageSize} {@link #NO_PAGE_SIZE} (any value &le; 0 given is stored as
 * that), {@code pagingState}, {@code serialConsistency} and {@code keyspace} null,
 * {@code defaultTimestamp} {@link #NO_DEFAULT_TIMESTAMP}, {@code nowInSeconds}
 * {@link #NO_NOW_IN_SECONDS}. The protocol has no default consistency (it is always sent):
 * {@link #builder()} and {@link #DEFAULT} use {@link #DEFAULT_CONSISTENCY}, ONE.
 *
 * <p>Values are positional when {@code names} is empty, else named: {@code names.get(i)} is the
 * bind marker of {@code values.get(i)}. A null value is a CQL NULL, {@link Primitives#UNSET} (by
 * identity) an unset value; the buffers are held, not copied. Equality tells UNSET from an empty
 * value.
 *
 * @param consistency        the [consistency] of the operation
 * @param values             the bound values, at most 65535; empty for none
 * @param names              the bind marker names of {@code values}, or empty for positional values
 * @param skipMetadata       whether a Rows result may omit its metadata (flag 0x02)
 * @param pageSize           rows per page, or {@link #NO_PAGE_SIZE}
 * @param pagingState        where to resume paging (from a previous Rows result), or null
 * @param serialConsistency  SERIAL or LOCAL_SERIAL for a conditional update's Paxos phase, or null
 *                           (the server then uses SERIAL)
 * @param defaultTimestamp   the default write timestamp in microseconds (&ge; 0), or {@link #NO_DEFAULT_TIMESTAMP}
 * @param keyspace           the keyspace to run in (protocol v5 only), or null
 * @param nowInSeconds       the server's "now" for the query (protocol v5 only, for testing), or {@link #NO_NOW_IN_SECONDS}
 */
public record QueryOptions(
        ConsistencyLevel consistency,
        List<ByteBuffer> values,
        List<String> names,
        boolean skipMetadata,
        int pageSize,
        ByteBuffer pagingState,
        ConsistencyLevel serialConsistency,
        long defaultTimestamp,
        String keyspace,
        int nowInSeconds) {

    /** The consistency {@link #builder()} starts from. */
    public static final ConsistencyLevel DEFAULT_CONSISTENCY = ConsistencyLevel.ONE;
    /** {@code pageSize} when no page size is sent. */
    public static final int NO_PAGE_SIZE = -1;
    /** {@code defaultTimestamp} when none is sent (the value Cassandra itself reserves for that). */
    public static final long NO_DEFAULT_TIMESTAMP = Long.MIN_VALUE;
    /** {@code nowInSeconds} when none is sent. */
    public static final int NO_NOW_IN_SECONDS = Integer.MIN_VALUE;

    /** Consistency ONE and nothing else. */
    public static final QueryOptions DEFAULT = builder().build();

    /** Checks every argument (see the class comment) and copies the lists. */
    public QueryOptions {
        Objects.requireNonNull(consistency, "consistency");
        values = RequestWire.copyValues(values, "values");
        names = copyNames(names, values.size());
        if (pageSize <= 0) {
            pageSize = NO_PAGE_SIZE;
        }
        if (serialConsistency != null && !serialConsistency.isSerial()) {
            throw new IllegalArgumentException("serialConsistency must be SERIAL or LOCAL_SERIAL, not " + serialConsistency);
        }
        if (defaultTimestamp < 0 && defaultTimestamp != NO_DEFAULT_TIMESTAMP) {
            throw new IllegalArgumentException("defaultTimestamp must not be negative (microseconds), got " + defaultTimestamp);
        }
        if (keyspace != null && keyspace.isEmpty()) {
            throw new IllegalArgumentException("keyspace must not be empty (null for none)");
        }
    }

    private static List<String> copyNames(List<String> names, int valueCount) {
        Objects.requireNonNull(names, "names");
        if (names.isEmpty()) {
            return List.of();
        }
        if (names.size() != valueCount) {
            throw new IllegalArgumentException("names has " + names.size() + " entries for " + valueCount + " values");
        }
        for (String name : names) {
            Objects.requireNonNull(name, "names element");
        }
        return Collections.unmodifiableList(new ArrayList<>(names));
    }

    /** A builder starting from {@link #DEFAULT}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Consistency {@code consistency}, positional {@code values}, nothing else. */
    public static QueryOptions of(ConsistencyLevel consistency, ByteBuffer... values) {
        return builder().consistency(consistency).values(values).build();
    }

    /** A builder holding these options, to derive others (the next page's, say). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.consistency = consistency;
        b.values = values;
        b.names = names;
        b.skipMetadata = skipMetadata;
        b.pageSize = pageSize;
        b.pagingState = pagingState;
        b.serialConsistency = serialConsistency;
        b.defaultTimestamp = defaultTimestamp;
        b.keyspace = keyspace;
        b.nowInSeconds = nowInSeconds;
        return b;
    }

    /** Whether values are named (flag 0x40). */
    public boolean hasNamedValues() {
        return !names.isEmpty();
    }

    /** Whether a page size is sent (flag 0x04). */
    public boolean hasPageSize() {
        return pageSize != NO_PAGE_SIZE;
    }

    /** Whether a default timestamp is sent (flag 0x20). */
    public boolean hasDefaultTimestamp() {
        return defaultTimestamp != NO_DEFAULT_TIMESTAMP;
    }

    /** Whether now_in_seconds is sent (flag 0x100, v5 only). */
    public boolean hasNowInSeconds() {
        return nowInSeconds != NO_NOW_IN_SECONDS;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryOptions other
                && consistency == other.consistency
                && skipMetadata == other.skipMetadata
                && pageSize == other.pageSize
                && serialConsistency == other.serialConsistency
                && defaultTimestamp == other.defaultTimestamp
                && nowInSeconds == other.nowInSeconds
                && Objects.equals(keyspace, other.keyspace)
                && Objects.equals(pagingState, other.pagingState)
                && names.equals(other.names)
                && RequestWire.valuesEqual(values, other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(consistency, skipMetadata, pageSize, serialConsistency, defaultTimestamp, nowInSeconds,
                keyspace, pagingState, names, RequestWire.valuesHash(values));
    }

    /** Builds {@link QueryOptions}; starts from consistency ONE and nothing else. Not thread-safe. */
    public static final class Builder {

        private ConsistencyLevel consistency = DEFAULT_CONSISTENCY;
        private List<ByteBuffer> values = List.of();
        private List<String> names = List.of();
        private boolean skipMetadata;
        private int pageSize = NO_PAGE_SIZE;
        private ByteBuffer pagingState;
        private ConsistencyLevel serialConsistency;
        private long defaultTimestamp = NO_DEFAULT_TIMESTAMP;
        private String keyspace;
        private int nowInSeconds = NO_NOW_IN_SECONDS;

        private Builder() {
        }

        public Builder consistency(ConsistencyLevel consistency) {
            this.consistency = Objects.requireNonNull(consistency, "consistency");
            return this;
        }

        /** Positional values (replacing any named ones); null elements are NULLs. */
        public Builder values(List<ByteBuffer> values) {
            this.values = Objects.requireNonNull(values, "values");
            this.names = List.of();
            return this;
        }

        /** Positional values (replacing any named ones); null elements are NULLs. */
        public Builder values(ByteBuffer... values) {
            return values(Arrays.asList(Objects.requireNonNull(values, "values")));
        }

        /** Named values, {@code names.get(i)} naming {@code values.get(i)}. */
        public Builder namedValues(List<String> names, List<ByteBuffer> values) {
            this.names = Objects.requireNonNull(names, "names");
            this.values = Objects.requireNonNull(values, "values");
            return this;
        }

        /** Named values in the map's iteration order (use a LinkedHashMap for a stable encoding). */
        public Builder namedValues(Map<String, ByteBuffer> values) {
            Objects.requireNonNull(values, "values");
            return namedValues(new ArrayList<>(values.keySet()), new ArrayList<>(values.values()));
        }

        public Builder skipMetadata(boolean skipMetadata) {
            this.skipMetadata = skipMetadata;
            return this;
        }

        /** Rows per page; &le; 0 for no page size. */
        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /** Null for none. */
        public Builder pagingState(ByteBuffer pagingState) {
            this.pagingState = pagingState;
            return this;
        }

        /** SERIAL, LOCAL_SERIAL, or null for none. */
        public Builder serialConsistency(ConsistencyLevel serialConsistency) {
            this.serialConsistency = serialConsistency;
            return this;
        }

        /** Microseconds since the epoch, or {@link #NO_DEFAULT_TIMESTAMP}. */
        public Builder defaultTimestamp(long defaultTimestamp) {
            this.defaultTimestamp = defaultTimestamp;
            return this;
        }

        /** Protocol v5 only; null for none. */
        public Builder keyspace(String keyspace) {
            this.keyspace = keyspace;
            return this;
        }

        /** Protocol v5 only; {@link #NO_NOW_IN_SECONDS} for none. */
        public Builder nowInSeconds(int nowInSeconds) {
            this.nowInSeconds = nowInSeconds;
            return this;
        }

        public QueryOptions build() {
            return new QueryOptions(consistency, values, names, skipMetadata, pageSize, pagingState,
                    serialConsistency, defaultTimestamp, keyspace, nowInSeconds);
        }
    }
}
