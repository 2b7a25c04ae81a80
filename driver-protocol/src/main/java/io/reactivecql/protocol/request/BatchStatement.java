package io.reactivecql.protocol.request;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One {@code <query_i>} of a BATCH: {@code <kind><string_or_id><n><value_1>...<value_n>}, kind 0
 * with a [long string] query or kind 1 with a [short bytes] prepared id. Exactly one of
 * {@code query} and {@code preparedId} is non-null. Values are positional (named values do not
 * work in batches: CASSANDRA-10246); null is a CQL NULL, {@link io.reactivecql.protocol.Primitives#UNSET}
 * an unset value, and equality tells UNSET from an empty value.
 *
 * @param query      the CQL text, or null for a prepared statement
 * @param preparedId the prepared statement id, or null for a query string
 * @param values     the bound values, at most 65535
 */
public record BatchStatement(String query, ByteBuffer preparedId, List<ByteBuffer> values) {

    /** {@code <kind>} of a query string. */
    public static final int KIND_QUERY = 0;
    /** {@code <kind>} of a prepared id. */
    public static final int KIND_PREPARED = 1;

    public BatchStatement {
        if ((query == null) == (preparedId == null)) {
            throw new IllegalArgumentException("exactly one of query and preparedId must be given");
        }
        if (preparedId != null) {
            RequestWire.checkShortBytes(preparedId, "preparedId");
        }
        values = RequestWire.copyValues(values, "values");
    }

    /** A query string with positional values. */
    public static BatchStatement query(String query, List<ByteBuffer> values) {
        return new BatchStatement(Objects.requireNonNull(query, "query"), null, values);
    }

    /** A query string with positional values. */
    public static BatchStatement query(String query, ByteBuffer... values) {
        return query(query, Arrays.asList(values));
    }

    /** A prepared statement with positional values. */
    public static BatchStatement prepared(ByteBuffer preparedId, List<ByteBuffer> values) {
        return new BatchStatement(null, Objects.requireNonNull(preparedId, "preparedId"), values);
    }

    /** A prepared statement with positional values. */
    public static BatchStatement prepared(ByteBuffer preparedId, ByteBuffer... values) {
        return prepared(preparedId, Arrays.asList(values));
    }

    public boolean isPrepared() {
        return preparedId != null;
    }

    /** The {@code <kind>} byte: {@link #KIND_QUERY} or {@link #KIND_PREPARED}. */
    public int kind() {
        return preparedId != null ? KIND_PREPARED : KIND_QUERY;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BatchStatement other
                && Objects.equals(query, other.query)
                && Objects.equals(preparedId, other.preparedId)
                && RequestWire.valuesEqual(values, other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(query, preparedId, RequestWire.valuesHash(values));
    }
}
