package io.reactivecql.api.metadata;

import java.util.Objects;

/**
 * A change of the cluster as the driver sees it.
 *
 * @param type what happened
 * @param node the node after the change (for {@link Type#REMOVED}: its last snapshot)
 */
public record NodeStateEvent(Type type, Node node) {

    /** The kinds of change. */
    public enum Type {
        /** A node was discovered (at startup, or a TOPOLOGY_CHANGE / refresh found it). */
        ADDED,
        /** A node left the cluster. */
        REMOVED,
        /** A node's connections opened: it is in query plans (again). */
        UP,
        /** A node's connections failed: it left query plans and is being reconnected. */
        DOWN
    }

    public NodeStateEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(node, "node");
    }
}
