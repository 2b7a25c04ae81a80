package io.reactivecql.internal.codec;

import io.reactivecql.api.codec.CodecRegistry;
import io.reactivecql.api.errors.InvalidBindingException;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.types.CodecNotFoundException;
import io.reactivecql.protocol.types.DataType;
import io.reactivecql.protocol.types.TypeCodec;

import java.nio.ByteBuffer;

/**
 * Encodes statement values: for a bind marker of known type (prepared statements), or from the
 * value's own class (simple statements). Every failure is an {@link InvalidBindingException} that
 * names the marker, its CQL type and the Java type given.
 */
public final class ValueBinder {

    private ValueBinder() {
    }

    /**
     * Encodes {@code value} for the marker {@code name} (index {@code index}) of type {@code type}:
     * null as NULL, {@link SimpleStatement#UNSET} as unset.
     */
    public static ByteBuffer encode(CodecRegistry registry, int index, String name, DataType type, Object value) {
        if (value == null) {
            return null;
        }
        if (value == SimpleStatement.UNSET || value == Primitives.UNSET) {
            return Primitives.UNSET;
        }
        TypeCodec<?> codec;
        try {
            codec = registry.codecFor(type, value);
        } catch (CodecNotFoundException e) {
            throw mismatch(index, name, type, value, e);
        }
        if (!codec.accepts(value)) {
            throw mismatch(index, name, type, value, null);
        }
        try {
            return encodeWith(codec, value);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new InvalidBindingException("cannot bind " + describe(index, name) + " (CQL type " + type.asCql()
                    + ") to " + value.getClass().getName() + " value " + abbreviate(value) + ": " + e.getMessage(), e);
        }
    }

    /** Encodes a value of a simple statement, its CQL type inferred from its class. */
    public static ByteBuffer encodeInferred(CodecRegistry registry, int index, String name, Object value) {
        if (value == null) {
            return null;
        }
        if (value == SimpleStatement.UNSET || value == Primitives.UNSET) {
            return Primitives.UNSET;
        }
        TypeCodec<?> codec;
        try {
            codec = registry.codecForValue(value);
        } catch (CodecNotFoundException e) {
            throw new InvalidBindingException("cannot bind " + describe(index, name) + ": " + e.getMessage(), e);
        }
        try {
            return encodeWith(codec, value);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new InvalidBindingException("cannot bind " + describe(index, name) + " as "
                    + codec.cqlType().asCql() + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> ByteBuffer encodeWith(TypeCodec<T> codec, Object value) {
        return codec.encode((T) value);
    }

    private static InvalidBindingException mismatch(int index, String name, DataType type, Object value,
                                                    Throwable cause) {
        String expected;
        try {
            expected = DefaultCodecRegistry.DEFAULT.codecFor(type).javaType().getName();
        } catch (RuntimeException e) {
            expected = "?";
        }
        String message = "cannot bind " + describe(index, name) + " of CQL type " + type.asCql() + " to a "
                + value.getClass().getName() + " (" + abbreviate(value) + "): expected a " + expected;
        return cause == null ? new InvalidBindingException(message) : new InvalidBindingException(message, cause);
    }

    private static String describe(int index, String name) {
        return name == null ? "value " + index : "column '" + name + "' (value " + index + ")";
    }

    private static String abbreviate(Object value) {
        String s = String.valueOf(value);
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
