package io.reactivecql.internal.result;

import io.reactivecql.api.result.ColumnDefinitions;
import io.reactivecql.api.result.Row;
import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.protocol.types.CollectionCodecs;
import io.reactivecql.protocol.types.CqlDuration;
import io.reactivecql.protocol.types.CqlVector;
import io.reactivecql.protocol.types.DataType;
import io.reactivecql.protocol.types.ListType;
import io.reactivecql.protocol.types.MapType;
import io.reactivecql.protocol.types.NumberCodecs;
import io.reactivecql.protocol.types.SetType;
import io.reactivecql.protocol.types.TupleValue;
import io.reactivecql.protocol.types.TypeCodec;
import io.reactivecql.protocol.types.TypeCodecs;
import io.reactivecql.protocol.types.UdtValue;
import io.reactivecql.protocol.types.VectorType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A row: its page's {@link RowsResult}, its index and the page's {@link RowShape}; nothing else.
 * Each getter decodes straight from the page's backing array with the column's codec.
 */
final class DefaultRow implements Row {

    private final RowsResult rows;
    private final int index;
    private final RowShape shape;

    DefaultRow(RowsResult rows, int index, RowShape shape) {
        this.rows = rows;
        this.index = index;
        this.shape = shape;
    }

    @Override
    public ColumnDefinitions columnDefinitions() {
        return shape.definitions();
    }

    @Override
    public int size() {
        return shape.size();
    }

    @Override
    public boolean isNull(int column) {
        return rows.isNull(index, column);
    }

    @Override
    public Object getObject(int column) {
        return decode(shape.codec(column), column);
    }

    private <T> T decode(TypeCodec<T> codec, int column) {
        return codec.decode(rows.data(), rows.cellOffset(index, column), rows.cellLength(index, column));
    }

    private DataType type(int column) {
        return shape.specs().get(column).type();
    }

    @Override
    public <T> T get(int column, Class<T> javaType) {
        TypeCodec<T> codec = shape.registry().codecFor(type(column), javaType);
        return decode(codec, column);
    }

    /** The column's default codec when it produces {@code javaType}, else one from the registry. */
    @SuppressWarnings("unchecked")
    private <T> T typed(int column, Class<T> javaType) {
        TypeCodec<?> codec = shape.codec(column);
        if (codec.javaType() == javaType) {
            return decode((TypeCodec<T>) codec, column);
        }
        return get(column, javaType);
    }

    @Override
    public ByteBuffer getBytesUnsafe(int column) {
        return rows.cell(index, column);
    }

    @Override
    public String getString(int column) {
        return typed(column, String.class);
    }

    @Override
    public long getLong(int column) {
        if (shape.codec(column) instanceof NumberCodecs.BigIntCodec c) {
            return c.decodeLong(rows.data(), rows.cellOffset(index, column), rows.cellLength(index, column));
        }
        Long v = get(column, Long.class);
        return v == null ? 0L : v;
    }

    @Override
    public int getInt(int column) {
        if (shape.codec(column) instanceof NumberCodecs.IntCodec c) {
            return c.decodeInt(rows.data(), rows.cellOffset(index, column), rows.cellLength(index, column));
        }
        Integer v = get(column, Integer.class);
        return v == null ? 0 : v;
    }

    @Override
    public short getShort(int column) {
        Short v = typed(column, Short.class);
        return v == null ? 0 : v;
    }

    @Override
    public byte getByte(int column) {
        Byte v = typed(column, Byte.class);
        return v == null ? 0 : v;
    }

    @Override
    public double getDouble(int column) {
        if (shape.codec(column) instanceof NumberCodecs.DoubleCodec c) {
            return c.decodeDouble(rows.data(), rows.cellOffset(index, column), rows.cellLength(index, column));
        }
        Double v = get(column, Double.class);
        return v == null ? 0.0 : v;
    }

    @Override
    public float getFloat(int column) {
        if (shape.codec(column) instanceof NumberCodecs.FloatCodec c) {
            return c.decodeFloat(rows.data(), rows.cellOffset(index, column), rows.cellLength(index, column));
        }
        Float v = get(column, Float.class);
        return v == null ? 0.0f : v;
    }

    @Override
    public boolean getBoolean(int column) {
        if (shape.codec(column) instanceof NumberCodecs.BooleanCodec c) {
            return c.decodeBoolean(rows.data(), rows.cellOffset(index, column), rows.cellLength(index, column));
        }
        Boolean v = get(column, Boolean.class);
        return v != null && v;
    }

    @Override
    public UUID getUuid(int column) {
        return typed(column, UUID.class);
    }

    @Override
    public Instant getInstant(int column) {
        return typed(column, Instant.class);
    }

    @Override
    public LocalDate getLocalDate(int column) {
        return typed(column, LocalDate.class);
    }

    @Override
    public LocalTime getLocalTime(int column) {
        return typed(column, LocalTime.class);
    }

    @Override
    public ByteBuffer getBytes(int column) {
        return get(column, ByteBuffer.class);
    }

    @Override
    public BigInteger getBigInteger(int column) {
        return typed(column, BigInteger.class);
    }

    @Override
    public BigDecimal getBigDecimal(int column) {
        return typed(column, BigDecimal.class);
    }

    @Override
    public InetAddress getInetAddress(int column) {
        return get(column, InetAddress.class);
    }

    @Override
    public CqlDuration getDuration(int column) {
        return typed(column, CqlDuration.class);
    }

    @Override
    public TupleValue getTupleValue(int column) {
        return typed(column, TupleValue.class);
    }

    @Override
    public UdtValue getUdtValue(int column) {
        return typed(column, UdtValue.class);
    }

    @Override
    public <E> List<E> getList(int column, Class<E> elementType) {
        Collection<E> values = collection(column, elementType);
        if (values == null) {
            return List.of();
        }
        return values instanceof List<E> list ? list : new ArrayList<>(values);
    }

    @Override
    public <E> Set<E> getSet(int column, Class<E> elementType) {
        Collection<E> values = collection(column, elementType);
        if (values == null) {
            return Set.of();
        }
        return values instanceof Set<E> set ? set : new LinkedHashSet<>(values);
    }

    @SuppressWarnings("unchecked")
    private <E> Collection<E> collection(int column, Class<E> elementType) {
        DataType type = type(column);
        DataType element;
        if (type instanceof ListType l) {
            element = l.elementType();
        } else if (type instanceof SetType s) {
            element = s.elementType();
        } else {
            throw new IllegalArgumentException("column " + shape.definitions().get(column).name() + " is a "
                    + type.asCql() + ", not a list or set");
        }
        TypeCodec<?> codec = shape.codec(column);
        TypeCodec<?> elementCodec = shape.registry().codecFor(element, elementType);
        if (codec.componentCodecs().isEmpty() || codec.componentCodecs().get(0) != elementCodec) {
            codec = TypeCodecs.build(type, t -> elementCodec);
        }
        return (Collection<E>) decode(codec, column);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> Map<K, V> getMap(int column, Class<K> keyType, Class<V> valueType) {
        DataType type = type(column);
        if (!(type instanceof MapType m)) {
            throw new IllegalArgumentException("column " + shape.definitions().get(column).name() + " is a "
                    + type.asCql() + ", not a map");
        }
        TypeCodec<?> codec = shape.codec(column);
        TypeCodec<?> keyCodec = shape.registry().codecFor(m.keyType(), keyType);
        TypeCodec<?> valueCodec = shape.registry().codecFor(m.valueType(), valueType);
        List<TypeCodec<?>> components = codec.componentCodecs();
        if (components.size() != 2 || components.get(0) != keyCodec || components.get(1) != valueCodec) {
            codec = new CollectionCodecs.MapCodec<>(m, (TypeCodec<K>) keyCodec, (TypeCodec<V>) valueCodec);
        }
        Map<K, V> map = (Map<K, V>) decode(codec, column);
        return map == null ? Map.of() : map;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E> CqlVector<E> getVector(int column, Class<E> elementType) {
        DataType type = type(column);
        if (!(type instanceof VectorType v)) {
            throw new IllegalArgumentException("column " + shape.definitions().get(column).name() + " is a "
                    + type.asCql() + ", not a vector");
        }
        TypeCodec<?> codec = shape.codec(column);
        TypeCodec<?> elementCodec = shape.registry().codecFor(v.elementType(), elementType);
        if (codec.componentCodecs().isEmpty() || codec.componentCodecs().get(0) != elementCodec) {
            codec = TypeCodecs.build(type, t -> elementCodec);
        }
        return (CqlVector<E>) decode(codec, column);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Row[");
        for (int i = 0; i < size(); i++) {
            if (i > 0) {
                s.append(", ");
            }
            s.append(shape.definitions().get(i).name()).append('=');
            try {
                s.append(getObject(i));
            } catch (RuntimeException e) {
                s.append("<").append(e.getMessage()).append('>');
            }
        }
        return s.append(']').toString();
    }
}
