package io.reactivecql.protocol.types;

import io.netty.buffer.ByteBuf;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * The codecs of the numeric types and boolean. The fixed-size ones also have primitive paths
 * ({@code decodeInt}, {@code encodeInt}, ...) that never box: NULL and empty decode to 0 (false).
 * Instances are the constants of {@link TypeCodecs}.
 */
public final class NumberCodecs {

    private NumberCodecs() {
    }

    /** int ↔ {@link Integer}: 4 bytes, two's complement. */
    public static final class IntCodec extends FixedSizeCodec<Integer> {

        IntCodec() {
            super(PrimitiveType.INT, Integer.class, 4);
        }

        @Override
        Integer read(byte[] array, int offset) {
            return Wire.getInt(array, offset);
        }

        @Override
        public void encodeBody(Integer value, ByteBuf out) {
            out.writeInt(value);
        }

        /** Decodes without boxing; NULL and empty give 0. */
        public int decodeInt(byte[] array, int offset, int length) {
            return present(array, offset, length) ? Wire.getInt(array, offset) : 0;
        }

        /** Writes {@code value} as a [bytes] (length 4, then the value). */
        public void encodeInt(int value, ByteBuf out) {
            out.writeInt(4).writeInt(value);
        }

        /** The serialized form of {@code value}. */
        public ByteBuffer encodeInt(int value) {
            return ByteBuffer.allocate(4).putInt(0, value);
        }

        @Override
        ByteBuffer encodeDirect(Integer value) {
            return encodeInt(value);
        }
    }

    /** bigint and counter ↔ {@link Long}: 8 bytes, two's complement. */
    public static final class BigIntCodec extends FixedSizeCodec<Long> {

        BigIntCodec(PrimitiveType type) {
            super(type, Long.class, 8);
        }

        @Override
        Long read(byte[] array, int offset) {
            return Wire.getLong(array, offset);
        }

        @Override
        public void encodeBody(Long value, ByteBuf out) {
            out.writeLong(value);
        }

        /** Decodes without boxing; NULL and empty give 0. */
        public long decodeLong(byte[] array, int offset, int length) {
            return present(array, offset, length) ? Wire.getLong(array, offset) : 0L;
        }

        /** Writes {@code value} as a [bytes] (length 8, then the value). */
        public void encodeLong(long value, ByteBuf out) {
            out.writeInt(8).writeLong(value);
        }

        /** The serialized form of {@code value}. */
        public ByteBuffer encodeLong(long value) {
            return ByteBuffer.allocate(8).putLong(0, value);
        }

        @Override
        ByteBuffer encodeDirect(Long value) {
            return encodeLong(value);
        }
    }

    /** smallint ↔ {@link Short}: 2 bytes, two's complement. */
    public static final class SmallIntCodec extends FixedSizeCodec<Short> {

        SmallIntCodec() {
            super(PrimitiveType.SMALLINT, Short.class, 2);
        }

        @Override
        Short read(byte[] array, int offset) {
            return Wire.getShort(array, offset);
        }

        @Override
        public void encodeBody(Short value, ByteBuf out) {
            out.writeShort(value);
        }

        /** Decodes without boxing; NULL and empty give 0. */
        public short decodeShort(byte[] array, int offset, int length) {
            return present(array, offset, length) ? Wire.getShort(array, offset) : 0;
        }

        /** Writes {@code value} as a [bytes] (length 2, then the value). */
        public void encodeShort(short value, ByteBuf out) {
            out.writeInt(2).writeShort(value);
        }
    }

    /** tinyint ↔ {@link Byte}: 1 byte, two's complement. */
    public static final class TinyIntCodec extends FixedSizeCodec<Byte> {

        TinyIntCodec() {
            super(PrimitiveType.TINYINT, Byte.class, 1);
        }

        @Override
        Byte read(byte[] array, int offset) {
            return array[offset];
        }

        @Override
        public void encodeBody(Byte value, ByteBuf out) {
            out.writeByte(value);
        }

        /** Decodes without boxing; NULL and empty give 0. */
        public byte decodeByte(byte[] array, int offset, int length) {
            return present(array, offset, length) ? array[offset] : 0;
        }

        /** Writes {@code value} as a [bytes] (length 1, then the value). */
        public void encodeByte(byte value, ByteBuf out) {
            out.writeInt(1).writeByte(value);
        }
    }

    /** float ↔ {@link Float}: IEEE 754 binary32. NaN keeps its bits. */
    public static final class FloatCodec extends FixedSizeCodec<Float> {

        FloatCodec() {
            super(PrimitiveType.FLOAT, Float.class, 4);
        }

        @Override
        Float read(byte[] array, int offset) {
            return Float.intBitsToFloat(Wire.getInt(array, offset));
        }

        @Override
        public void encodeBody(Float value, ByteBuf out) {
            out.writeInt(Float.floatToRawIntBits(value));
        }

        /** Decodes without boxing; NULL and empty give 0. */
        public float decodeFloat(byte[] array, int offset, int length) {
            return present(array, offset, length) ? Float.intBitsToFloat(Wire.getInt(array, offset)) : 0f;
        }

        /** Writes {@code value} as a [bytes] (length 4, then the value). */
        public void encodeFloat(float value, ByteBuf out) {
            out.writeInt(4).writeInt(Float.floatToRawIntBits(value));
        }

        /** The serialized form of {@code value}. */
        public ByteBuffer encodeFloat(float value) {
            return ByteBuffer.allocate(4).putFloat(0, value);
        }
    }

    /** double ↔ {@link Double}: IEEE 754 binary64. NaN keeps its bits. */
    public static final class DoubleCodec extends FixedSizeCodec<Double> {

        DoubleCodec() {
            super(PrimitiveType.DOUBLE, Double.class, 8);
        }

        @Override
        Double read(byte[] array, int offset) {
            return Double.longBitsToDouble(Wire.getLong(array, offset));
        }

        @Override
        public void encodeBody(Double value, ByteBuf out) {
            out.writeLong(Double.doubleToRawLongBits(value));
        }

        /** Decodes without boxing; NULL and empty give 0. */
        public double decodeDouble(byte[] array, int offset, int length) {
            return present(array, offset, length) ? Double.longBitsToDouble(Wire.getLong(array, offset)) : 0d;
        }

        /** Writes {@code value} as a [bytes] (length 8, then the value). */
        public void encodeDouble(double value, ByteBuf out) {
            out.writeInt(8).writeLong(Double.doubleToRawLongBits(value));
        }

        /** The serialized form of {@code value}. */
        public ByteBuffer encodeDouble(double value) {
            return ByteBuffer.allocate(8).putDouble(0, value);
        }
    }

    /** boolean ↔ {@link Boolean}: one byte, 0 is false and anything else true; true is written 1. */
    public static final class BooleanCodec extends FixedSizeCodec<Boolean> {

        BooleanCodec() {
            super(PrimitiveType.BOOLEAN, Boolean.class, 1);
        }

        @Override
        Boolean read(byte[] array, int offset) {
            return array[offset] != 0;
        }

        @Override
        public void encodeBody(Boolean value, ByteBuf out) {
            out.writeByte(value ? 1 : 0);
        }

        /** Decodes without boxing; NULL and empty give false. */
        public boolean decodeBoolean(byte[] array, int offset, int length) {
            return present(array, offset, length) && array[offset] != 0;
        }

        /** Writes {@code value} as a [bytes] (length 1, then 0 or 1). */
        public void encodeBoolean(boolean value, ByteBuf out) {
            out.writeInt(1).writeByte(value ? 1 : 0);
        }

        /** The serialized form of {@code value}. */
        public ByteBuffer encodeBoolean(boolean value) {
            return ByteBuffer.allocate(1).put(0, (byte) (value ? 1 : 0));
        }
    }

    /**
     * varint ↔ {@link BigInteger}: the shortest two's complement big-endian form (128 is
     * {@code 0080}). Empty decodes to null.
     */
    public static final class VarintCodec implements TypeCodec<BigInteger> {

        VarintCodec() {
        }

        @Override
        public DataType cqlType() {
            return PrimitiveType.VARINT;
        }

        @Override
        public Class<?> javaType() {
            return BigInteger.class;
        }

        @Override
        public int encodedSize(BigInteger value) {
            return value.bitLength() / 8 + 1;
        }

        @Override
        public void encodeBody(BigInteger value, ByteBuf out) {
            out.writeBytes(value.toByteArray());
        }

        @Override
        public BigInteger decode(byte[] array, int offset, int length) {
            if (Wire.isNull(array, offset, length, PrimitiveType.VARINT) || length == 0) {
                return null;
            }
            return new BigInteger(array, offset, length);
        }

        @Override
        public String toString() {
            return "VarintCodec";
        }
    }

    /**
     * decimal ↔ {@link BigDecimal}: an [int] scale then the unscaled value as a varint. Empty
     * decodes to null; 1 to 4 bytes are malformed (the unscaled value needs at least one byte).
     */
    public static final class DecimalCodec implements TypeCodec<BigDecimal> {

        DecimalCodec() {
        }

        @Override
        public DataType cqlType() {
            return PrimitiveType.DECIMAL;
        }

        @Override
        public Class<?> javaType() {
            return BigDecimal.class;
        }

        @Override
        public int encodedSize(BigDecimal value) {
            return 4 + value.unscaledValue().bitLength() / 8 + 1;
        }

        @Override
        public void encodeBody(BigDecimal value, ByteBuf out) {
            out.writeInt(value.scale());
            out.writeBytes(value.unscaledValue().toByteArray());
        }

        @Override
        public BigDecimal decode(byte[] array, int offset, int length) {
            if (Wire.isNull(array, offset, length, PrimitiveType.DECIMAL) || length == 0) {
                return null;
            }
            if (length < 5) {
                throw Wire.malformed(PrimitiveType.DECIMAL, "expected a 4-byte scale and at least one byte of "
                        + "unscaled value but got " + length + " bytes");
            }
            int scale = Wire.getInt(array, offset);
            return new BigDecimal(new BigInteger(array, offset + 4, length - 4), scale);
        }

        @Override
        public String toString() {
            return "DecimalCodec";
        }
    }
}
