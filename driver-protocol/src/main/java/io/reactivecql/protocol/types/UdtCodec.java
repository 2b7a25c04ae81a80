package io.reactivecql.protocol.types;

import io.netty.buffer.ByteBuf;

import java.util.List;
import java.util.Objects;

/**
 * A user-defined type ↔ {@link UdtValue}: each field as a [bytes], NULL allowed (section 6). The
 * type must be resolved (its fields known). Decoding accepts fewer values than fields, as
 * Cassandra does after fields were added to the type (the missing trailing fields are NULL), but
 * not more.
 */
public final class UdtCodec implements TypeCodec<UdtValue> {

    private final UserDefinedType cqlType;
    private final TypeCodec<Object>[] codecs;
    private final List<TypeCodec<?>> fieldCodecs;

    /**
     * A codec for {@code cqlType} with one codec per field, in order.
     *
     * @throws IllegalArgumentException when the type is not resolved
     */
    public UdtCodec(UserDefinedType cqlType, List<? extends TypeCodec<?>> fieldCodecs) {
        this.cqlType = Objects.requireNonNull(cqlType, "cqlType");
        if (!cqlType.isResolved()) {
            throw new IllegalArgumentException("UDT " + cqlType.name() + " is not resolved: its fields are unknown");
        }
        this.codecs = TupleCodec.checkCodecs(cqlType, cqlType.fieldTypes(), fieldCodecs);
        this.fieldCodecs = List.copyOf(fieldCodecs);
    }

    @Override
    public DataType cqlType() {
        return cqlType;
    }

    @Override
    public Class<?> javaType() {
        return UdtValue.class;
    }

    @Override
    public List<TypeCodec<?>> componentCodecs() {
        return fieldCodecs;
    }

    @Override
    public int encodedSize(UdtValue value) {
        checkType(value.type());
        return TupleCodec.fieldsSize(codecs, value.values);
    }

    @Override
    public void encodeBody(UdtValue value, ByteBuf out) {
        checkType(value.type());
        TupleCodec.encodeFields(codecs, value.values, out);
    }

    @Override
    public UdtValue decode(byte[] array, int offset, int length) {
        if (Wire.isNull(array, offset, length, cqlType)) {
            return null;
        }
        return new UdtValue(cqlType, TupleCodec.decodeFields(codecs, array, offset, length, cqlType));
    }

    private void checkType(UserDefinedType type) {
        if (type != cqlType && !TypeShapes.sameShape(type, cqlType)) {
            throw new InvalidValueException("cannot encode a value of UDT " + type.name() + " " + type.fieldNames()
                    + " as " + cqlType.name() + " " + cqlType.fieldNames());
        }
    }

    @Override
    public String toString() {
        return "UdtCodec(" + cqlType.asCql() + ")";
    }
}
