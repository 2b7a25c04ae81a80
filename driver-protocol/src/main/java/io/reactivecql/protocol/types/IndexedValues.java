package io.reactivecql.protocol.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The fixed-arity values of a {@link TupleValue} or {@link UdtValue}, with typed getters by index.
 * Shallowly immutable: there are no setters ({@code with} methods of the subclasses return
 * copies), but a value that is itself mutable (a decoded list, a blob) is shared, not copied.
 *
 * <p>Getters of primitives return 0 (false) for null, as the Java driver does; use
 * {@link #isNull} to tell the two apart. A getter for the wrong class throws
 * {@link ClassCastException} naming the index and both classes.
 */
public abstract sealed class IndexedValues permits TupleValue, UdtValue {

    final Object[] values;

    IndexedValues(Object[] values) {
        this.values = values;
    }

    /** The number of values (the tuple's components or the UDT's fields). */
    public int size() {
        return values.length;
    }

    /** The values in order, as an unmodifiable list (nulls included). */
    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /** The value at {@code i}, null for NULL. */
    public Object get(int i) {
        return values[checkIndex(i)];
    }

    /** The value at {@code i} as a {@code type} (primitive classes mean their wrappers). */
    public <T> T get(int i, Class<T> type) {
        Object value = get(i);
        Class<?> boxed = boxed(type);
        if (value != null && !boxed.isInstance(value)) {
            throw new ClassCastException("value " + i + " is a " + value.getClass().getName() + ", not a "
                    + type.getName());
        }
        @SuppressWarnings("unchecked")
        T t = (T) value;
        return t;
    }

    public boolean isNull(int i) {
        return get(i) == null;
    }

    public int getInt(int i) {
        Integer v = get(i, Integer.class);
        return v == null ? 0 : v;
    }

    public long getLong(int i) {
        Long v = get(i, Long.class);
        return v == null ? 0L : v;
    }

    public short getShort(int i) {
        Short v = get(i, Short.class);
        return v == null ? 0 : v;
    }

    public byte getByte(int i) {
        Byte v = get(i, Byte.class);
        return v == null ? 0 : v;
    }

    public double getDouble(int i) {
        Double v = get(i, Double.class);
        return v == null ? 0d : v;
    }

    public float getFloat(int i) {
        Float v = get(i, Float.class);
        return v == null ? 0f : v;
    }

    public boolean getBoolean(int i) {
        Boolean v = get(i, Boolean.class);
        return v != null && v;
    }

    public String getString(int i) {
        return get(i, String.class);
    }

    /** A blob or custom value, as a duplicate: moving its position does not change this value. */
    public ByteBuffer getBytes(int i) {
        ByteBuffer v = get(i, ByteBuffer.class);
        return v == null ? null : v.duplicate();
    }

    public UUID getUuid(int i) {
        return get(i, UUID.class);
    }

    public Instant getInstant(int i) {
        return get(i, Instant.class);
    }

    public LocalDate getLocalDate(int i) {
        return get(i, LocalDate.class);
    }

    public LocalTime getLocalTime(int i) {
        return get(i, LocalTime.class);
    }

    public CqlDuration getDuration(int i) {
        return get(i, CqlDuration.class);
    }

    public BigInteger getBigInteger(int i) {
        return get(i, BigInteger.class);
    }

    public BigDecimal getBigDecimal(int i) {
        return get(i, BigDecimal.class);
    }

    public InetAddress getInetAddress(int i) {
        return get(i, InetAddress.class);
    }

    public TupleValue getTupleValue(int i) {
        return get(i, TupleValue.class);
    }

    public UdtValue getUdtValue(int i) {
        return get(i, UdtValue.class);
    }

    /** A list whose elements are all {@code elementType} (checked). */
    @SuppressWarnings("unchecked")
    public <E> List<E> getList(int i, Class<E> elementType) {
        return (List<E>) checkElements(i, get(i, List.class), elementType);
    }

    /** A set whose elements are all {@code elementType} (checked). */
    @SuppressWarnings("unchecked")
    public <E> Set<E> getSet(int i, Class<E> elementType) {
        return (Set<E>) checkElements(i, get(i, Set.class), elementType);
    }

    /** A map whose keys and values are of the given classes (checked). */
    @SuppressWarnings("unchecked")
    public <K, V> Map<K, V> getMap(int i, Class<K> keyType, Class<V> valueType) {
        Map<?, ?> map = get(i, Map.class);
        if (map != null) {
            checkElements(i, map.keySet(), keyType);
            checkElements(i, map.values(), valueType);
        }
        return (Map<K, V>) map;
    }

    /** A vector whose elements are all {@code elementType} (checked). */
    @SuppressWarnings("unchecked")
    public <E> CqlVector<E> getVector(int i, Class<E> elementType) {
        CqlVector<?> vector = get(i, CqlVector.class);
        if (vector != null) {
            checkElements(i, vector.asList(), elementType);
        }
        return (CqlVector<E>) vector;
    }

    private static Collection<?> checkElements(int i, Collection<?> elements, Class<?> type) {
        if (elements != null) {
            Class<?> boxed = boxed(type);
            for (Object e : elements) {
                if (e != null && !boxed.isInstance(e)) {
                    throw new ClassCastException("value " + i + " holds a " + e.getClass().getName() + ", not a "
                            + type.getName());
                }
            }
        }
        return elements;
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= values.length) {
            throw new IndexOutOfBoundsException("index " + i + " out of " + values.length + " values");
        }
        return i;
    }

    static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        } else if (type == long.class) {
            return Long.class;
        } else if (type == double.class) {
            return Double.class;
        } else if (type == float.class) {
            return Float.class;
        } else if (type == boolean.class) {
            return Boolean.class;
        } else if (type == short.class) {
            return Short.class;
        } else if (type == byte.class) {
            return Byte.class;
        } else if (type == char.class) {
            return Character.class;
        }
        return Void.class;
    }

    /** A value as in a CQL literal: strings quoted, NULL for null. */
    static void appendLiteral(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("NULL");
        } else if (value instanceof String s) {
            sb.append('\'').append(s.replace("'", "''")).append('\'');
        } else {
            sb.append(value);
        }
    }
}
