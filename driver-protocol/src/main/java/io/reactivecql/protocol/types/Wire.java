package io.reactivecql.protocol.types;

import io.reactivecql.protocol.ProtocolException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Bounds-checked big-endian reads from byte arrays, shared by the codecs. Every read is checked
 * against the value's end before it happens, so malformed bytes give a {@link ProtocolException}
 * naming the type, never an {@code IndexOutOfBoundsException}. The VarHandles compile to single
 * loads: no per-value allocation.
 */
final class Wire {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    static final byte[] EMPTY = new byte[0];

    private Wire() {
    }

    static short getShort(byte[] a, int p) {
        return (short) SHORT.get(a, p);
    }

    static int getInt(byte[] a, int p) {
        return (int) INT.get(a, p);
    }

    static long getLong(byte[] a, int p) {
        return (long) LONG.get(a, p);
    }

    /**
     * Checks a value's slice: {@code length} must be -1 (NULL) or fit in the array from
     * {@code offset}. Returns true when the value is NULL.
     */
    static boolean isNull(byte[] a, int offset, int length, DataType type) {
        if (length == -1) {
            return true;
        }
        if (length < -1) {
            throw malformed(type, "invalid length " + length);
        }
        if (offset < 0 || (long) offset + length > a.length) {
            throw malformed(type, "slice [" + offset + ", +" + length + ") outside an array of " + a.length + " bytes");
        }
        return false;
    }

    /** Checks that a fixed-size value has exactly its size. */
    static void requireSize(int length, int expected, DataType type) {
        if (length != expected) {
            throw malformed(type, "expected " + expected + " bytes but got " + length);
        }
    }

    /**
     * Reads a collection's element count at {@code p}, checking that {@code n} elements of at least
     * {@code minElementSize} bytes can fit before {@code end}: a hostile count must not size a list.
     */
    static int readCount(byte[] a, int p, int end, int minElementSize, DataType type) {
        if (end - p < 4) {
            throw malformed(type, "truncated element count");
        }
        int n = getInt(a, p);
        if (n < 0) {
            throw malformed(type, "negative element count " + n);
        }
        if ((long) n * minElementSize > end - p - 4) {
            throw malformed(type, n + " elements cannot fit in " + (end - p - 4) + " bytes");
        }
        return n;
    }

    /**
     * Reads an element's [bytes] length at {@code p} and checks that its bytes fit before
     * {@code end}; -1 (NULL) is returned as is.
     */
    static int readElementLength(byte[] a, int p, int end, DataType type) {
        if (end - p < 4) {
            throw malformed(type, "truncated element length");
        }
        int n = getInt(a, p);
        if (n < -1) {
            throw malformed(type, "invalid element length " + n);
        }
        if (n > end - p - 4) {
            throw malformed(type, "element of " + n + " bytes but only " + (end - p - 4) + " remain");
        }
        return n;
    }

    /** The total size (first byte included) of the unsigned vint whose first byte is {@code first}. */
    static int vintSize(byte first) {
        return 1 + Integer.numberOfLeadingZeros(~(first << 24));
    }

    /** Reads an unsigned vint of {@code size} bytes (from {@link #vintSize}) at {@code p}. */
    static long readUnsignedVInt(byte[] a, int p, int size) {
        int first = a[p] & 0xFF;
        int extra = size - 1;
        long value = extra >= 8 ? 0 : first & (0xFF >>> extra);
        for (int i = 1; i <= extra; i++) {
            value = (value << 8) | (a[p + i] & 0xFF);
        }
        return value;
    }

    static long zigZagDecode(long n) {
        return (n >>> 1) ^ -(n & 1);
    }

    /** The exception an encode failure surfaces as: a wrong class becomes an {@link InvalidValueException}. */
    static RuntimeException encodeFailure(TypeCodec<?> codec, Object value, RuntimeException e) {
        if (e instanceof ClassCastException) {
            return new InvalidValueException("a part of " + describe(value) + " has the wrong class for "
                    + codec.cqlType().asCql() + ": " + e.getMessage(), e);
        }
        return e;
    }

    static String describe(Object value) {
        return value == null ? "null" : "a " + value.getClass().getName();
    }

    static ProtocolException malformed(DataType type, String what) {
        return new ProtocolException("malformed " + type.asCql() + " value: " + what);
    }
}
