package io.reactivecql.protocol.response.event;

import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Response;

/**
 * An EVENT pushed by the server (section 4.2.6) on a connection that REGISTERed for its type; it
 * always arrives on stream id -1.
 */
public sealed interface Event extends Response permits TopologyChangeEvent, StatusChangeEvent, SchemaChangeEvent {

    /** The event type, as REGISTER names it. */
    EventType type();

    @Override
    default int opcode() {
        return Opcode.EVENT;
    }
}
