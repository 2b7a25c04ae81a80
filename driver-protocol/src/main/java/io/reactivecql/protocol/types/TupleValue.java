package io.reactivecql.protocol.types;

import java.util.Arrays;
import java.util.Objects;

/**
 * A value of a tuple type: the type and one value per component (null for NULL), read with the
 * typed getters of {@link IndexedValues}. Immutable ({@link #with} returns a copy).
 *
 * <p>Two tuple values are equal when their values are and their types have the same shape
 * (frozen flags aside: result metadata does not carry them).
 */
public final class TupleValue extends IndexedValues {

    private final TupleType type;

    /** Takes ownership of {@code values}: for codecs, which build the array themselves. */
    TupleValue(TupleType type, Object[] values) {
        super(values);
        this.type = type;
    }

    /**
     * A tuple of {@code type} holding {@code values}, one per component. The values' classes are
     * checked when the tuple is encoded.
     *
     * @throws IllegalArgumentException when the number of values differs from the components'
     */
    public static TupleValue of(TupleType type, Object... values) {
        Objects.requireNonNull(type, "type");
        if (values.length != type.componentTypes().size()) {
            throw new IllegalArgumentException(type.asCql() + " has " + type.componentTypes().size()
                    + " components, " + values.length + " values given");
        }
        return new TupleValue(type, values.clone());
    }

    /** A tuple of {@code type} whose components are all NULL. */
    public static TupleValue ofNulls(TupleType type) {
        return new TupleValue(type, new Object[type.componentTypes().size()]);
    }

    public TupleType type() {
        return type;
    }

    /** A copy with the value at {@code i} replaced. */
    public TupleValue with(int i, Object value) {
        get(i);
        Object[] copy = values.clone();
        copy[i] = value;
        return new TupleValue(type, copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TupleValue t && Arrays.equals(values, t.values) && TypeShapes.sameShape(type, t.type);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    /** The tuple as a CQL literal, e.g. {@code (1, 'a', NULL)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            appendLiteral(sb, values[i]);
        }
        return sb.append(')').toString();
    }
}
