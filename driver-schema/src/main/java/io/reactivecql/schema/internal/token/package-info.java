/**
 * Internal: the implementations behind {@link io.reactivecql.schema.api.token}. Not public API.
 *
 * <p>Partitioners and their tokens ({@code Murmur3Partitioner} with Cassandra's exact MurmurHash3
 * variant, {@code RandomPartitioner}, {@code ByteOrderedPartitioner}), the sorted ring with a
 * per-partitioner search index ({@link io.reactivecql.schema.internal.token.RingIndex}; a plain
 * {@code long[]} for Murmur3 so routing allocates nothing), and the replication strategies, which
 * reproduce Cassandra 4.0+/5.0's {@code calculateNaturalReplicas} to precompute the replicas of
 * every range. Only {@link io.reactivecql.schema.internal.token.DefaultTokenMap} and
 * {@link io.reactivecql.schema.internal.token.Partitioners} are public, as the API's factories;
 * everything else is package-private. All of it is immutable once built.
 */
package io.reactivecql.schema.internal.token;
