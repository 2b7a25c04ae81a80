package io.reactivecql.stub;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Who a node says it is in {@code system.local}, and how its peers list it in
 * {@code system.peers} / {@code system.peers_v2}. Immutable; change a field with a {@code with...}
 * method.
 *
 * @param address        the native transport address (rpc_address / native_address and port)
 * @param dataCenter     data_center
 * @param rack           rack
 * @param hostId         host_id
 * @param tokens         tokens (Murmur3 tokens as decimal strings)
 * @param releaseVersion release_version
 * @param clusterName    cluster_name
 * @param partitioner    partitioner class name
 * @param schemaVersion  schema_version: equal on every node, so schema agreement holds
 */
public record NodeInfo(InetSocketAddress address, String dataCenter, String rack, UUID hostId, List<String> tokens,
                       String releaseVersion, String clusterName, String partitioner, UUID schemaVersion) {

    public static final String DEFAULT_RELEASE_VERSION = "5.0.9";
    public static final String DEFAULT_CLUSTER_NAME = "stub-cluster";
    public static final String MURMUR3_PARTITIONER = "org.apache.cassandra.dht.Murmur3Partitioner";
    public static final UUID DEFAULT_SCHEMA_VERSION = UUID.fromString("5757b0a2-1ed8-3e2c-9bd5-ef4c3bd11c16");

    public NodeInfo {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(dataCenter, "dataCenter");
        Objects.requireNonNull(rack, "rack");
        Objects.requireNonNull(hostId, "hostId");
        tokens = List.copyOf(tokens);
        Objects.requireNonNull(releaseVersion, "releaseVersion");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(partitioner, "partitioner");
        Objects.requireNonNull(schemaVersion, "schemaVersion");
    }

    /**
     * A node at {@code address} in dc1/rack1 with token 0, release 5.0.9, Murmur3, and a host id
     * derived from the address (stable across restarts).
     */
    public static NodeInfo of(InetSocketAddress address) {
        return new NodeInfo(address, "dc1", "rack1", hostIdOf(address), List.of("0"), DEFAULT_RELEASE_VERSION,
                DEFAULT_CLUSTER_NAME, MURMUR3_PARTITIONER, DEFAULT_SCHEMA_VERSION);
    }

    /** The host id {@link #of} gives the node at {@code address}. */
    public static UUID hostIdOf(InetSocketAddress address) {
        String key = address.getAddress().getHostAddress() + ":" + address.getPort();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    public NodeInfo withAddress(InetSocketAddress newAddress) {
        return new NodeInfo(newAddress, dataCenter, rack, hostId, tokens, releaseVersion, clusterName, partitioner,
                schemaVersion);
    }

    public NodeInfo withDataCenter(String newDataCenter) {
        return new NodeInfo(address, newDataCenter, rack, hostId, tokens, releaseVersion, clusterName, partitioner,
                schemaVersion);
    }

    public NodeInfo withRack(String newRack) {
        return new NodeInfo(address, dataCenter, newRack, hostId, tokens, releaseVersion, clusterName, partitioner,
                schemaVersion);
    }

    public NodeInfo withHostId(UUID newHostId) {
        return new NodeInfo(address, dataCenter, rack, newHostId, tokens, releaseVersion, clusterName, partitioner,
                schemaVersion);
    }

    public NodeInfo withTokens(List<String> newTokens) {
        return new NodeInfo(address, dataCenter, rack, hostId, newTokens, releaseVersion, clusterName, partitioner,
                schemaVersion);
    }

    public NodeInfo withReleaseVersion(String newReleaseVersion) {
        return new NodeInfo(address, dataCenter, rack, hostId, tokens, newReleaseVersion, clusterName, partitioner,
                schemaVersion);
    }

    public NodeInfo withClusterName(String newClusterName) {
        return new NodeInfo(address, dataCenter, rack, hostId, tokens, releaseVersion, newClusterName, partitioner,
                schemaVersion);
    }

    public NodeInfo withSchemaVersion(UUID newSchemaVersion) {
        return new NodeInfo(address, dataCenter, rack, hostId, tokens, releaseVersion, clusterName, partitioner,
                newSchemaVersion);
    }
}
