package io.reactivecql.api.routing;

import io.reactivecql.api.metadata.Node;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Finds the replicas of a partition: implemented by the driver-schema module with its token map
 * (the driver itself knows neither partitioners nor replication strategies), plugged in with
 * {@code SessionBuilder.withReplicaLocator} or later through the control channel. Called on the
 * request path for every routed statement: must be fast, thread-safe and non-blocking.
 */
@FunctionalInterface
public interface ReplicaLocator {

    /** Knows no replica: token-aware policies fall back to their child policy. */
    ReplicaLocator NONE = (keyspace, routingKey) -> List.of();

    /**
     * The replicas of the partition with this routing key, primary first; empty when unknown.
     *
     * @param keyspace   the keyspace (internal, case-sensitive form), never null
     * @param routingKey the serialized partition key: one component as its value's bytes; several
     *                   as {@code [unsigned short length][bytes][0x00]} per component (read-only,
     *                   do not change its position)
     */
    List<Node> replicas(String keyspace, ByteBuffer routingKey);
}
