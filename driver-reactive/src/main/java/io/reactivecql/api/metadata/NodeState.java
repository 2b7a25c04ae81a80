package io.reactivecql.api.metadata;

/** Whether the driver can send requests to a node. */
public enum NodeState {
    /** Discovered, no connection attempted yet (or ignored by the load-balancing policy). */
    UNKNOWN,
    /** The driver holds open connections to the node: it is in query plans. */
    UP,
    /** The node's connections failed: it is out of query plans and being reconnected. */
    DOWN
}
