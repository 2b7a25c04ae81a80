package io.reactivecql.protocol.response.event;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A STATUS_CHANGE event: gossip saw a node go up or down. An UP may come shortly before the node's
 * native transport accepts connections (the spec suggests waiting about a second).
 *
 * @param status  the new status
 * @param address the node's native transport address ([inet])
 */
public record StatusChangeEvent(Status status, InetSocketAddress address) implements Event {

    /** The status change types. */
    public enum Status {
        UP, DOWN
    }

    public StatusChangeEvent {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(address, "address");
    }

    @Override
    public EventType type() {
        return EventType.STATUS_CHANGE;
    }
}
