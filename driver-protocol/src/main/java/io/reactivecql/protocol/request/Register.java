package io.reactivecql.protocol.request;

import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Request;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * REGISTER (section 4.1.8): subscribes the connection to server events; answered by READY. Body:
 * a [string list] of event types, each one of {@link #TOPOLOGY_CHANGE}, {@link #STATUS_CHANGE}
 * and {@link #SCHEMA_CHANGE}.
 *
 * @param eventTypes the event types to receive
 */
public record Register(List<String> eventTypes) implements Request {

    public static final String TOPOLOGY_CHANGE = "TOPOLOGY_CHANGE";
    public static final String STATUS_CHANGE = "STATUS_CHANGE";
    public static final String SCHEMA_CHANGE = "SCHEMA_CHANGE";

    /** Every event type, in the spec's order. */
    public static final List<String> ALL_EVENT_TYPES = List.of(TOPOLOGY_CHANGE, STATUS_CHANGE, SCHEMA_CHANGE);

    public Register {
        Objects.requireNonNull(eventTypes, "eventTypes");
        for (String type : eventTypes) {
            if (!isKnown(type)) {
                throw new IllegalArgumentException("unknown event type " + type + " in eventTypes (known: " + ALL_EVENT_TYPES + ")");
            }
        }
        eventTypes = List.copyOf(eventTypes);
    }

    /** A registration for the given event types. */
    public static Register of(String... eventTypes) {
        return new Register(Arrays.asList(eventTypes));
    }

    /** A registration for every event type. */
    public static Register all() {
        return new Register(ALL_EVENT_TYPES);
    }

    /** Whether {@code type} is an event type of the protocol. */
    public static boolean isKnown(String type) {
        return TOPOLOGY_CHANGE.equals(type) || STATUS_CHANGE.equals(type) || SCHEMA_CHANGE.equals(type);
    }

    @Override
    public int opcode() {
        return Opcode.REGISTER;
    }
}
