package io.reactivecql.internal.codec;

import io.reactivecql.api.codec.CodecRegistry;
import io.reactivecql.protocol.types.CodecNotFoundException;
import io.reactivecql.protocol.types.CqlDuration;
import io.reactivecql.protocol.types.CqlVector;
import io.reactivecql.protocol.types.CustomType;
import io.reactivecql.protocol.types.DataType;
import io.reactivecql.protocol.types.ListType;
import io.reactivecql.protocol.types.MapType;
import io.reactivecql.protocol.types.PrimitiveType;
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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session's codec registry: built-in codecs, user codecs first where they apply. Built-in
 * codecs stay the default of their CQL type (so {@code getString} keeps working on a text column
 * when a user codec maps text to another class); a user codec is reached by asking for its Java
 * type, by binding a value of its Java type, or as the default of a custom type.
 */
public final class DefaultCodecRegistry implements CodecRegistry {

    /** Built-in codecs only. */
    public static final DefaultCodecRegistry DEFAULT = new DefaultCodecRegistry(List.of());

    private static final int MAX_CACHED = 10_000;

    private final List<TypeCodec<?>> userCodecs;
    private final Map<Key, TypeCodec<?>> byJavaType = new ConcurrentHashMap<>();

    private record Key(DataType type, Class<?> javaType) {
    }

    public DefaultCodecRegistry(List<TypeCodec<?>> userCodecs) {
        this.userCodecs = List.copyOf(userCodecs);
    }

    @Override
    public TypeCodec<?> codecFor(DataType cqlType) {
        if (cqlType instanceof CustomType) {
            for (TypeCodec<?> c : userCodecs) {
                if (c.cqlType().equals(cqlType)) {
                    return c;
                }
            }
        }
        return TypeCodecs.codecFor(cqlType);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> TypeCodec<T> codecFor(DataType cqlType, Class<T> javaType) {
        Class<?> wanted = boxed(javaType);
        TypeCodec<?> builtIn = codecFor(cqlType);
        if (wanted.isAssignableFrom(builtIn.javaType())) {
            return (TypeCodec<T>) builtIn;
        }
        Key key = new Key(cqlType, wanted);
        TypeCodec<?> codec = byJavaType.get(key);
        if (codec == null) {
            codec = findUserCodec(cqlType, wanted);
            if (byJavaType.size() < MAX_CACHED) {
                byJavaType.putIfAbsent(key, codec);
            }
        }
        return (TypeCodec<T>) codec;
    }

    private TypeCodec<?> findUserCodec(DataType cqlType, Class<?> wanted) {
        for (TypeCodec<?> c : userCodecs) {
            if (c.cqlType().equals(cqlType) && wanted.isAssignableFrom(c.javaType())) {
                return c;
            }
        }
        throw new CodecNotFoundException("no codec maps CQL type " + cqlType.asCql() + " to " + wanted.getName()
                + " (its default Java type is " + codecFor(cqlType).javaType().getName() + ")");
    }

    @Override
    public TypeCodec<?> codecFor(DataType cqlType, Object value) {
        TypeCodec<?> builtIn = codecFor(cqlType);
        if (value == null) {
            return builtIn;
        }
        for (TypeCodec<?> c : userCodecs) {
            if (c.cqlType().equals(cqlType) && c.accepts(value)) {
                return c;
            }
        }
        if (!userCodecs.isEmpty()) {
            // a collection of user-mapped elements: build it from the codecs its elements need
            TypeCodec<?> composite = compositeFor(cqlType, value);
            if (composite != null) {
                return composite;
            }
        }
        return builtIn;
    }

    private TypeCodec<?> compositeFor(DataType cqlType, Object value) {
        if (cqlType instanceof ListType l && value instanceof Collection<?> c && !c.isEmpty()) {
            Object first = firstNonNull(c);
            return first == null ? null : TypeCodecs.build(l, t -> codecFor(t, first));
        }
        if (cqlType instanceof SetType s && value instanceof Collection<?> c && !c.isEmpty()) {
            Object first = firstNonNull(c);
            return first == null ? null : TypeCodecs.build(s, t -> codecFor(t, first));
        }
        if (cqlType instanceof MapType m && value instanceof Map<?, ?> map && !map.isEmpty()) {
            Object key = firstNonNull(map.keySet());
            Object val = firstNonNull(map.values());
            return TypeCodecs.build(m, t -> t == m.keyType() ? codecFor(t, key) : codecFor(t, val));
        }
        return null;
    }

    private static Object firstNonNull(Collection<?> c) {
        for (Object o : c) {
            if (o != null) {
                return o;
            }
        }
        return null;
    }

    @Override
    public TypeCodec<?> codecForValue(Object value) {
        if (value == null) {
            return TypeCodecs.BLOB;
        }
        for (TypeCodec<?> c : userCodecs) {
            if (c.accepts(value)) {
                return c;
            }
        }
        return codecFor(inferType(value), value);
    }

    /** The CQL type a value of unknown column type is sent as. */
    static DataType inferType(Object value) {
        if (value instanceof String) {
            return PrimitiveType.VARCHAR;
        } else if (value instanceof Long) {
            return PrimitiveType.BIGINT;
        } else if (value instanceof Integer) {
            return PrimitiveType.INT;
        } else if (value instanceof Boolean) {
            return PrimitiveType.BOOLEAN;
        } else if (value instanceof Double) {
            return PrimitiveType.DOUBLE;
        } else if (value instanceof Float) {
            return PrimitiveType.FLOAT;
        } else if (value instanceof Short) {
            return PrimitiveType.SMALLINT;
        } else if (value instanceof Byte) {
            return PrimitiveType.TINYINT;
        } else if (value instanceof UUID) {
            return PrimitiveType.UUID;
        } else if (value instanceof Instant) {
            return PrimitiveType.TIMESTAMP;
        } else if (value instanceof LocalDate) {
            return PrimitiveType.DATE;
        } else if (value instanceof LocalTime) {
            return PrimitiveType.TIME;
        } else if (value instanceof ByteBuffer) {
            return PrimitiveType.BLOB;
        } else if (value instanceof BigDecimal) {
            return PrimitiveType.DECIMAL;
        } else if (value instanceof BigInteger) {
            return PrimitiveType.VARINT;
        } else if (value instanceof InetAddress) {
            return PrimitiveType.INET;
        } else if (value instanceof CqlDuration) {
            return PrimitiveType.DURATION;
        } else if (value instanceof TupleValue t) {
            return t.type();
        } else if (value instanceof UdtValue u) {
            return u.type();
        } else if (value instanceof List<?> list) {
            return new ListType(elementType(list), false);
        } else if (value instanceof Set<?> set) {
            return new SetType(elementType(set), false);
        } else if (value instanceof Map<?, ?> map) {
            return new MapType(elementType(map.keySet()), elementType(map.values()), false);
        } else if (value instanceof CqlVector<?> vector) {
            if (vector.size() == 0) {
                throw new CodecNotFoundException("cannot infer the CQL type of an empty vector");
            }
            return new VectorType(elementType(vector.asList()), vector.size());
        }
        throw new CodecNotFoundException("no CQL type for a value of " + value.getClass().getName()
                + ": register a codec for it (SessionBuilder.withCodecs) or use a prepared statement");
    }

    private static DataType elementType(Collection<?> elements) {
        Object first = firstNonNull(elements);
        // an empty collection is encoded the same whatever its element type
        return first == null ? PrimitiveType.BLOB : inferType(first);
    }

    /** The wrapper of a primitive class, else the class itself. */
    public static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        } else if (type == int.class) {
            return Integer.class;
        } else if (type == long.class) {
            return Long.class;
        } else if (type == boolean.class) {
            return Boolean.class;
        } else if (type == double.class) {
            return Double.class;
        } else if (type == float.class) {
            return Float.class;
        } else if (type == short.class) {
            return Short.class;
        } else if (type == byte.class) {
            return Byte.class;
        } else if (type == char.class) {
            return Character.class;
        }
        return Void.class;
    }
}
