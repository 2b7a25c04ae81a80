package io.reactivecql.protocol.response.event;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A TOPOLOGY_CHANGE event: a node joined or left the cluster (or moved, see {@link Change#MOVED_NODE}).
 *
 * @param change  what happened
 * @param address the node's native transport address ([inet])
 */
public record TopologyChangeEvent(Change change, InetSocketAddress address) implements Event {

    /** The change types. */
    public enum Change {
        NEW_NODE,
        REMOVED_NODE,
        /**
         * A node moved its token. Not listed by the v4 and v5 spec texts (only by v1 and v2), but
         * Cassandra 4.x and 5.x still send it when a node moves; rejecting it would close the
         * control connection of a healthy cluster, so it is accepted.
         */
        MOVED_NODE
    }

    public TopologyChangeEvent {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(address, "address");
    }

    @Override
    public EventType type() {
        return EventType.TOPOLOGY_CHANGE;
    }
}
