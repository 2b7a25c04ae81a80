package io.reactivecql.api.metadata;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An immutable snapshot of one node of the cluster. A change (state, rack, tokens, ...) gives a
 * new snapshot; snapshots of the same node are {@link #equals equal} (identity is the address the
 * driver connects to), so they work as map keys across changes.
 */
public final class Node {

    private final InetSocketAddress endpoint;
    private final UUID hostId;
    private final String datacenter;
    private final String rack;
    private final String cassandraVersion;
    private final Set<String> tokens;
    private final NodeState state;

    /**
     * @param endpoint         the (translated) native-protocol address the driver connects to
     * @param hostId           the node's host id, or null when unknown
     * @param datacenter       its datacenter, or null when unknown
     * @param rack             its rack, or null when unknown
     * @param cassandraVersion its {@code release_version}, or null when unknown
     * @param tokens           its tokens, as the partitioner prints them (empty when unknown)
     * @param state            its state
     */
    public Node(InetSocketAddress endpoint, UUID hostId, String datacenter, String rack, String cassandraVersion,
                Set<String> tokens, NodeState state) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.hostId = hostId;
        this.datacenter = datacenter;
        this.rack = rack;
        this.cassandraVersion = cassandraVersion;
        this.tokens = Set.copyOf(tokens);
        this.state = Objects.requireNonNull(state, "state");
    }

    /** The address the driver connects to (after address translation). */
    public InetSocketAddress endpoint() {
        return endpoint;
    }

    /** The node's host id, or null when unknown. */
    public UUID hostId() {
        return hostId;
    }

    /** The node's datacenter, or null when unknown. */
    public String datacenter() {
        return datacenter;
    }

    /** The node's rack, or null when unknown. */
    public String rack() {
        return rack;
    }

    /** The node's Cassandra version ({@code release_version}), or null when unknown. */
    public String cassandraVersion() {
        return cassandraVersion;
    }

    /** The node's tokens as strings (e.g. Murmur3 longs); empty when unknown. */
    public Set<String> tokens() {
        return tokens;
    }

    /** The node's state when this snapshot was taken. */
    public NodeState state() {
        return state;
    }

    /** Whether the node was up when this snapshot was taken. */
    public boolean isUp() {
        return state == NodeState.UP;
    }

    /** This snapshot with another state. */
    public Node withState(NodeState newState) {
        return newState == state ? this
                : new Node(endpoint, hostId, datacenter, rack, cassandraVersion, tokens, newState);
    }

    /** Same node (same endpoint), whatever the snapshot. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Node other && endpoint.equals(other.endpoint);
    }

    @Override
    public int hashCode() {
        return endpoint.hashCode();
    }

    @Override
    public String toString() {
        return "Node[" + endpoint + ", " + datacenter + "/" + rack + ", " + state + "]";
    }
}
