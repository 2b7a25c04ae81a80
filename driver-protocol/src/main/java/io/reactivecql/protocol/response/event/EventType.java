package io.reactivecql.protocol.response.event;

/** The event types of section 4.2.6; the constant's name is the [string] on the wire and in REGISTER. */
public enum EventType {
    TOPOLOGY_CHANGE, STATUS_CHANGE, SCHEMA_CHANGE
}
