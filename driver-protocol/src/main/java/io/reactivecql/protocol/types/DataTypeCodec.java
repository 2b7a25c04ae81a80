package io.reactivecql.protocol.types;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.ProtocolException;

import java.util.ArrayList;
import java.util.List;

/** Reads and writes a type as an [option] (result and prepared metadata, section 4.2.5.2). */
public final class DataTypeCodec {

    /** Deeper nesting than this is refused: hostile input must not overflow the stack. */
    public static final int MAX_DEPTH = 64;

    private DataTypeCodec() {
    }

    public static DataType read(ByteBuf in) {
        return read(in, 0);
    }

    private static DataType read(ByteBuf in, int depth) {
        if (depth > MAX_DEPTH) {
            throw ProtocolException.at(in, "type nested deeper than " + MAX_DEPTH + " levels");
        }
        int id = Primitives.readUnsignedShort(in, "type option id");
        switch (id) {
            case 0x0000:
                return fromClassName(in, Primitives.readString(in, "custom type class"));
            case 0x0020:
                return new ListType(read(in, depth + 1), false);
            case 0x0021: {
                DataType key = read(in, depth + 1);
                return new MapType(key, read(in, depth + 1), false);
            }
            case 0x0022:
                return new SetType(read(in, depth + 1), false);
            case 0x0030: {
                String keyspace = Primitives.readString(in, "UDT keyspace");
                String name = Primitives.readString(in, "UDT name");
                int n = Primitives.readUnsignedShort(in, "UDT field count");
                Primitives.require(in, n * 4, "UDT fields");
                List<String> names = new ArrayList<>(n);
                List<DataType> types = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    names.add(Primitives.readString(in, "UDT field name"));
                    types.add(read(in, depth + 1));
                }
                return new UserDefinedType(keyspace, name, names, types, true);
            }
            case 0x0031: {
                int n = Primitives.readUnsignedShort(in, "tuple size");
                Primitives.require(in, n * 2, "tuple component types");
                List<DataType> types = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    types.add(read(in, depth + 1));
                }
                return new TupleType(types);
            }
            default:
                PrimitiveType primitive = PrimitiveType.fromCode(id);
                if (primitive == null) {
                    throw ProtocolException.at(in, String.format("unknown type option id 0x%04X", id));
                }
                return primitive;
        }
    }

    private static DataType fromClassName(ByteBuf in, String className) {
        if (className.startsWith(VectorType.MARSHAL_CLASS)) {
            try {
                return DataTypeClassNameParser.parse(className);
            } catch (IllegalArgumentException e) {
                throw ProtocolException.at(in, "malformed vector type '" + className + "': " + e.getMessage());
            }
        }
        return new CustomType(className);
    }

    public static void write(DataType type, ByteBuf out) {
        if (type instanceof PrimitiveType p) {
            out.writeShort(p.protocolCode());
        } else if (type instanceof ListType l) {
            out.writeShort(0x0020);
            write(l.elementType(), out);
        } else if (type instanceof MapType m) {
            out.writeShort(0x0021);
            write(m.keyType(), out);
            write(m.valueType(), out);
        } else if (type instanceof SetType s) {
            out.writeShort(0x0022);
            write(s.elementType(), out);
        } else if (type instanceof UserDefinedType u) {
            out.writeShort(0x0030);
            Primitives.writeString(u.keyspace(), out);
            Primitives.writeString(u.name(), out);
            out.writeShort(u.fieldNames().size());
            for (int i = 0; i < u.fieldNames().size(); i++) {
                Primitives.writeString(u.fieldNames().get(i), out);
                write(u.fieldTypes().get(i), out);
            }
        } else if (type instanceof TupleType t) {
            out.writeShort(0x0031);
            out.writeShort(t.componentTypes().size());
            for (DataType component : t.componentTypes()) {
                write(component, out);
            }
        } else if (type instanceof VectorType v) {
            out.writeShort(0x0000);
            Primitives.writeString(DataTypeClassNameParser.toClassName(v), out);
        } else if (type instanceof CustomType c) {
            out.writeShort(0x0000);
            Primitives.writeString(c.className(), out);
        } else {
            throw new IllegalArgumentException("unknown type " + type);
        }
    }
}
