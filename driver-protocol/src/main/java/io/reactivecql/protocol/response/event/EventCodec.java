package io.reactivecql.protocol.response.event;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.MessageCodec;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.ProtocolException;
import io.reactivecql.protocol.ProtocolVersion;

import java.net.InetSocketAddress;

/**
 * The EVENT body: the event type [string], then the change [string] and an [inet] for topology and
 * status changes, or a {@link SchemaChange} body. Identical in v4 and v5. An unknown event type or
 * change is a {@link ProtocolException}.
 */
public final class EventCodec implements MessageCodec<Event> {

    @Override
    public int opcode() {
        return Opcode.EVENT;
    }

    @Override
    public Event decode(ByteBuf in, ProtocolVersion version) {
        String typeName = Primitives.readString(in, "event type");
        EventType type = SchemaChangeCodec.lookup(EventType.class, typeName);
        if (type == null) {
            throw ProtocolException.at(in, "unknown event type '" + typeName + "'");
        }
        switch (type) {
            case TOPOLOGY_CHANGE: {
                TopologyChangeEvent.Change change = readChange(in, TopologyChangeEvent.Change.class, "topology");
                return new TopologyChangeEvent(change, Primitives.readInet(in, "topology change address"));
            }
            case STATUS_CHANGE: {
                StatusChangeEvent.Status status = readChange(in, StatusChangeEvent.Status.class, "status");
                return new StatusChangeEvent(status, Primitives.readInet(in, "status change address"));
            }
            case SCHEMA_CHANGE:
                return new SchemaChangeEvent(SchemaChangeCodec.read(in));
            default:
                throw new AssertionError(type);
        }
    }

    private static <E extends Enum<E>> E readChange(ByteBuf in, Class<E> type, String what) {
        String name = Primitives.readString(in, what + " change");
        E change = SchemaChangeCodec.lookup(type, name);
        if (change == null) {
            throw ProtocolException.at(in, "unknown " + what + " change '" + name + "'");
        }
        return change;
    }

    @Override
    public void encode(Event event, ByteBuf out, ProtocolVersion version) {
        Primitives.writeString(event.type().name(), out);
        if (event instanceof TopologyChangeEvent e) {
            Primitives.writeString(e.change().name(), out);
            writeInet(e.address(), out);
        } else if (event instanceof StatusChangeEvent e) {
            Primitives.writeString(e.status().name(), out);
            writeInet(e.address(), out);
        } else if (event instanceof SchemaChangeEvent e) {
            SchemaChangeCodec.write(e.change(), out);
        }
    }

    private static void writeInet(InetSocketAddress address, ByteBuf out) {
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address " + address + " has no IP to send");
        }
        Primitives.writeInet(address, out);
    }
}
