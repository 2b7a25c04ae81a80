package io.reactivecql.schema.api.token;

/**
 * A position on the ring, as produced by one {@link Partitioner}.
 *
 * <p>Tokens are immutable values: {@code equals}/{@code hashCode} compare values, and
 * {@link #compareTo} orders them as Cassandra does (signed for Murmur3, numerically for Random,
 * unsigned byte-wise for ByteOrdered). {@link #toString()} is the string form Cassandra uses in
 * {@code system.local}/{@code system.peers} {@code tokens} and in CQL's {@code token()} results, so
 * {@code partitioner.parse(token.toString()).equals(token)}.
 */
public interface Token extends Comparable<Token> {

    /**
     * Orders this token against another of the same partitioner.
     *
     * @throws IllegalArgumentException when {@code other} comes from another partitioner
     */
    @Override
    int compareTo(Token other);

    /** The string form Cassandra stores and prints for this token. */
    @Override
    String toString();
}
