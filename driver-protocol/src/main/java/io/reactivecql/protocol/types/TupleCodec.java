package io.reactivecql.protocol.types;

import io.netty.buffer.ByteBuf;

import java.util.List;
import java.util.Objects;

/**
 * {@code tuple<...>} ↔ {@link TupleValue}: each component as a [bytes], NULL allowed (section 5.21).
 * Like Cassandra, decoding accepts fewer values than components (the missing trailing ones are
 * NULL; an empty value is all NULLs) but not more.
 */
public final class TupleCodec implements TypeCodec<TupleValue> {

    private final TupleType cqlType;
    private final TypeCodec<Object>[] codecs;
    private final List<TypeCodec<?>> componentCodecs;

    /** A codec for {@code cqlType} with one codec per component, in order. */
    public TupleCodec(TupleType cqlType, List<? extends TypeCodec<?>> componentCodecs) {
        this.cqlType = Objects.requireNonNull(cqlType, "cqlType");
        this.codecs = checkCodecs(cqlType, cqlType.componentTypes(), componentCodecs);
        this.componentCodecs = List.copyOf(componentCodecs);
    }

    @Override
    public DataType cqlType() {
        return cqlType;
    }

    @Override
    public Class<?> javaType() {
        return TupleValue.class;
    }

    @Override
    public List<TypeCodec<?>> componentCodecs() {
        return componentCodecs;
    }

    @Override
    public int encodedSize(TupleValue value) {
        checkType(value.type());
        return fieldsSize(codecs, value.values);
    }

    @Override
    public void encodeBody(TupleValue value, ByteBuf out) {
        checkType(value.type());
        encodeFields(codecs, value.values, out);
    }

    @Override
    public TupleValue decode(byte[] array, int offset, int length) {
        if (Wire.isNull(array, offset, length, cqlType)) {
            return null;
        }
        return new TupleValue(cqlType, decodeFields(codecs, array, offset, length, cqlType));
    }

    private void checkType(TupleType type) {
        if (type != cqlType && !TypeShapes.sameShape(type, cqlType)) {
            throw new InvalidValueException("cannot encode a value of " + type.asCql() + " as " + cqlType.asCql());
        }
    }

    @Override
    public String toString() {
        return "TupleCodec(" + cqlType.asCql() + ")";
    }

    // ------------------------------------------------ shared with UdtCodec: a sequence of [bytes]

    @SuppressWarnings({"unchecked", "rawtypes"})
    static TypeCodec<Object>[] checkCodecs(DataType parent, List<DataType> types, List<? extends TypeCodec<?>> codecs) {
        if (types.size() != codecs.size()) {
            throw new IllegalArgumentException(parent.asCql() + " has " + types.size() + " parts but "
                    + codecs.size() + " codecs were given");
        }
        TypeCodec<Object>[] array = new TypeCodec[codecs.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = (TypeCodec<Object>) TypeShapes.checkCodec(types.get(i), codecs.get(i), parent);
        }
        return array;
    }

    static int fieldsSize(TypeCodec<Object>[] codecs, Object[] values) {
        int size = 0;
        for (int i = 0; i < codecs.length; i++) {
            size += 4 + (values[i] == null ? 0 : codecs[i].encodedSize(values[i]));
        }
        return size;
    }

    static void encodeFields(TypeCodec<Object>[] codecs, Object[] values, ByteBuf out) {
        for (int i = 0; i < codecs.length; i++) {
            codecs[i].encodeValue(values[i], out);
        }
    }

    static Object[] decodeFields(TypeCodec<Object>[] codecs, byte[] array, int offset, int length, DataType type) {
        Object[] values = new Object[codecs.length];
        int end = offset + length;
        int p = offset;
        for (int i = 0; i < codecs.length && p < end; i++) {
            int size = Wire.readElementLength(array, p, end, type);
            p += 4;
            values[i] = codecs[i].decode(array, p, size);
            p += Math.max(size, 0);
        }
        if (p != end) {
            throw Wire.malformed(type, (end - p) + " bytes after the last of " + codecs.length + " values");
        }
        return values;
    }
}
