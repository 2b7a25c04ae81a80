package io.reactivecql.protocol.response.event;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.ProtocolException;

import java.util.List;

/**
 * Reads and writes {@code <change_type><target><options>}, the body shared by the SCHEMA_CHANGE
 * event and the Schema_change result (the same in v4 and v5). Public for
 * {@link io.reactivecql.protocol.response.result.ResultCodec}.
 */
public final class SchemaChangeCodec {

    private SchemaChangeCodec() {
    }

    /** Reads a schema change; an unknown change type or target is a {@link ProtocolException}. */
    public static SchemaChange read(ByteBuf in) {
        String changeName = Primitives.readString(in, "schema change type");
        SchemaChange.ChangeType change = lookup(SchemaChange.ChangeType.class, changeName);
        if (change == null) {
            throw ProtocolException.at(in, "unknown schema change type '" + changeName + "'");
        }
        String targetName = Primitives.readString(in, "schema change target");
        SchemaChange.Target target = lookup(SchemaChange.Target.class, targetName);
        if (target == null) {
            throw ProtocolException.at(in, "unknown schema change target '" + targetName + "'");
        }
        String keyspace = Primitives.readString(in, "schema change keyspace");
        if (target == SchemaChange.Target.KEYSPACE) {
            return SchemaChange.keyspace(change, keyspace);
        }
        String name = Primitives.readString(in, "schema change object name");
        List<String> arguments = target.hasArguments()
                ? Primitives.readStringList(in, "schema change argument types")
                : List.of();
        return new SchemaChange(change, target, keyspace, name, arguments);
    }

    public static void write(SchemaChange change, ByteBuf out) {
        Primitives.writeString(change.change().name(), out);
        Primitives.writeString(change.target().name(), out);
        Primitives.writeString(change.keyspace(), out);
        if (change.target() != SchemaChange.Target.KEYSPACE) {
            Primitives.writeString(change.name(), out);
            if (change.target().hasArguments()) {
                Primitives.writeStringList(change.argumentTypes(), out);
            }
        }
    }

    /** The constant named exactly {@code name}, or null (no exception: the caller reports the position). */
    static <E extends Enum<E>> E lookup(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        return null;
    }
}
