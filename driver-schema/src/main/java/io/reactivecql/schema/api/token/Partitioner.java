package io.reactivecql.schema.api.token;

import io.reactivecql.schema.internal.token.Partitioners;

import java.nio.ByteBuffer;

/**
 * Maps partition keys to tokens, as the cluster's partitioner does.
 *
 * <p>The supported partitioners are Cassandra's {@code Murmur3Partitioner} (the default),
 * {@code RandomPartitioner} and {@code ByteOrderedPartitioner}. Implementations are immutable and
 * thread-safe.
 */
public interface Partitioner {

    /** The partitioner Cassandra uses by default, {@code org.apache.cassandra.dht.Murmur3Partitioner}. */
    String MURMUR3 = "org.apache.cassandra.dht.Murmur3Partitioner";
    /** {@code org.apache.cassandra.dht.RandomPartitioner}: MD5 of the key, as a non-negative 128-bit integer. */
    String RANDOM = "org.apache.cassandra.dht.RandomPartitioner";
    /** {@code org.apache.cassandra.dht.ByteOrderedPartitioner}: the key bytes themselves. */
    String BYTE_ORDERED = "org.apache.cassandra.dht.ByteOrderedPartitioner";

    /**
     * The partitioner named as in {@code system.local.partitioner}: a fully qualified Cassandra class
     * name such as {@code org.apache.cassandra.dht.Murmur3Partitioner}, or its simple name.
     *
     * @throws IllegalArgumentException when the partitioner is not one of the three supported ones
     */
    static Partitioner forClassName(String className) {
        return Partitioners.forClassName(className);
    }

    /** The fully qualified Cassandra class name of this partitioner. */
    String className();

    /**
     * The token of a partition key: the bytes from {@code routingKey}'s position to its limit (see
     * {@link RoutingKeys} for composite keys). The buffer's position, limit and contents are left
     * untouched; heap, direct and read-only buffers are all accepted. An empty key maps to
     * {@link #minToken()}, as in Cassandra.
     */
    Token hash(ByteBuffer routingKey);

    /**
     * Parses a token from its string form, as found in {@code system.local}/{@code system.peers}
     * {@code tokens}: a signed 64-bit integer for Murmur3, a non-negative integer for Random, hex
     * bytes for ByteOrdered.
     *
     * @throws IllegalArgumentException when the string is not a token of this partitioner
     */
    Token parse(String token);

    /** The smallest token of this partitioner; no key other than the empty key hashes to it. */
    Token minToken();
}
