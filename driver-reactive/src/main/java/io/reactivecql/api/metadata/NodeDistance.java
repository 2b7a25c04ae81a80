package io.reactivecql.api.metadata;

/** How a load-balancing policy ranks a node; decides the size of its connection pool. */
public enum NodeDistance {
    /** Preferred (e.g. the local datacenter): {@code DriverConfig.connectionsPerNode()} connections. */
    LOCAL,
    /** Used after the local nodes: {@code DriverConfig.remoteConnectionsPerNode()} connections. */
    REMOTE,
    /** Never used: no connection is opened. */
    IGNORED
}
