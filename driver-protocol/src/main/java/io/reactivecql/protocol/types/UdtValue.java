package io.reactivecql.protocol.types;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A value of a user-defined type: the (resolved) type and one value per field (null for NULL).
 * Fields are read by index with the getters of {@link IndexedValues}, or by name. Names follow CQL
 * identifier rules: {@code "zip"} and {@code "ZIP"} both name field {@code zip}, while
 * {@code "\"Zip\""} (quoted) names the case-sensitive field {@code Zip}. Immutable ({@code with}
 * returns a copy).
 *
 * <p>Two UDT values are equal when their values are and their types have the same shape (frozen
 * flags aside).
 */
public final class UdtValue extends IndexedValues {

    private final UserDefinedType type;

    /** Takes ownership of {@code values}: for codecs, which build the array themselves. */
    UdtValue(UserDefinedType type, Object[] values) {
        super(values);
        this.type = type;
    }

    /**
     * A value of {@code type} holding {@code values} in field order. The values' classes are checked
     * when the value is encoded.
     *
     * @throws IllegalArgumentException when the type is not resolved (no fields known) or the
     *                                  number of values differs from the fields'
     */
    public static UdtValue of(UserDefinedType type, Object... values) {
        checkResolved(type);
        if (values.length != type.fieldNames().size()) {
            throw new IllegalArgumentException(type.name() + " has " + type.fieldNames().size() + " fields, "
                    + values.length + " values given");
        }
        return new UdtValue(type, values.clone());
    }

    /** A value of {@code type} whose fields are all NULL, to fill in with {@link #with}. */
    public static UdtValue ofNulls(UserDefinedType type) {
        checkResolved(type);
        return new UdtValue(type, new Object[type.fieldNames().size()]);
    }

    private static void checkResolved(UserDefinedType type) {
        Objects.requireNonNull(type, "type");
        if (!type.isResolved()) {
            throw new IllegalArgumentException("UDT " + type.name() + " is not resolved: its fields are unknown");
        }
    }

    public UserDefinedType type() {
        return type;
    }

    /** The index of the field named {@code name} (CQL identifier rules), or -1. */
    public int indexOf(String name) {
        String internal = CqlIdentifiers.fromCql(name);
        List<String> names = type.fieldNames();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(internal)) {
                return i;
            }
        }
        return -1;
    }

    private int index(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("UDT " + type.name() + " has no field " + name + " (fields: "
                    + type.fieldNames() + ")");
        }
        return i;
    }

    /** A copy with the value at {@code i} replaced. */
    public UdtValue with(int i, Object value) {
        get(i);
        Object[] copy = values.clone();
        copy[i] = value;
        return new UdtValue(type, copy);
    }

    /** A copy with the field {@code name} replaced. */
    public UdtValue with(String name, Object value) {
        return with(index(name), value);
    }

    public Object get(String name) {
        return get(index(name));
    }

    public <T> T get(String name, Class<T> javaType) {
        return get(index(name), javaType);
    }

    public boolean isNull(String name) {
        return isNull(index(name));
    }

    public int getInt(String name) {
        return getInt(index(name));
    }

    public long getLong(String name) {
        return getLong(index(name));
    }

    public double getDouble(String name) {
        return getDouble(index(name));
    }

    public float getFloat(String name) {
        return getFloat(index(name));
    }

    public boolean getBoolean(String name) {
        return getBoolean(index(name));
    }

    public String getString(String name) {
        return getString(index(name));
    }

    public UUID getUuid(String name) {
        return getUuid(index(name));
    }

    public Instant getInstant(String name) {
        return getInstant(index(name));
    }

    public TupleValue getTupleValue(String name) {
        return getTupleValue(index(name));
    }

    public UdtValue getUdtValue(String name) {
        return getUdtValue(index(name));
    }

    public <E> List<E> getList(String name, Class<E> elementType) {
        return getList(index(name), elementType);
    }

    public <E> Set<E> getSet(String name, Class<E> elementType) {
        return getSet(index(name), elementType);
    }

    public <K, V> Map<K, V> getMap(String name, Class<K> keyType, Class<V> valueType) {
        return getMap(index(name), keyType, valueType);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UdtValue u && Arrays.equals(values, u.values) && TypeShapes.sameShape(type, u.type);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    /** The value as a CQL literal, e.g. {@code {street: 'Main', "Zip": 1234, city: NULL}}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(CqlIdentifiers.quoteIfNeeded(type.fieldNames().get(i))).append(": ");
            appendLiteral(sb, values[i]);
        }
        return sb.append('}').toString();
    }
}
