/**
 * Public API: the token map of a cluster, for token-aware routing.
 *
 * <p>{@link io.reactivecql.schema.api.token.TokenMap} is an immutable snapshot of the ring (each
 * node's tokens, datacenter and rack) and of the keyspaces' replication settings. It answers which
 * nodes hold a partition ({@code replicas(keyspace, routingKey)}) exactly as Apache Cassandra places
 * replicas, with the replicas of every token range precomputed so the lookup is a hash, a binary
 * search and an array read. {@link io.reactivecql.schema.api.token.Partitioner} hashes partition
 * keys into {@link io.reactivecql.schema.api.token.Token}s (Murmur3, Random, ByteOrdered);
 * {@link io.reactivecql.schema.api.token.RoutingKeys} builds the routing key of a composite
 * partition key. Everything here is immutable and safe to share between threads.
 */
package io.reactivecql.schema.api.token;
