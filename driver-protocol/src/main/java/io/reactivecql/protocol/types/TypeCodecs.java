package io.reactivecql.protocol.types;

import io.reactivecql.protocol.types.CollectionCodecs.ListCodec;
import io.reactivecql.protocol.types.CollectionCodecs.MapCodec;
import io.reactivecql.protocol.types.CollectionCodecs.SetCodec;
import io.reactivecql.protocol.types.NumberCodecs.BigIntCodec;
import io.reactivecql.protocol.types.NumberCodecs.BooleanCodec;
import io.reactivecql.protocol.types.NumberCodecs.DecimalCodec;
import io.reactivecql.protocol.types.NumberCodecs.DoubleCodec;
import io.reactivecql.protocol.types.NumberCodecs.FloatCodec;
import io.reactivecql.protocol.types.NumberCodecs.IntCodec;
import io.reactivecql.protocol.types.NumberCodecs.SmallIntCodec;
import io.reactivecql.protocol.types.NumberCodecs.TinyIntCodec;
import io.reactivecql.protocol.types.NumberCodecs.VarintCodec;
import io.reactivecql.protocol.types.SimpleCodecs.BlobCodec;
import io.reactivecql.protocol.types.SimpleCodecs.InetCodec;
import io.reactivecql.protocol.types.SimpleCodecs.TextCodec;
import io.reactivecql.protocol.types.SimpleCodecs.UuidCodec;
import io.reactivecql.protocol.types.TimeCodecs.DateCodec;
import io.reactivecql.protocol.types.TimeCodecs.DurationCodec;
import io.reactivecql.protocol.types.TimeCodecs.TimeCodec;
import io.reactivecql.protocol.types.TimeCodecs.TimestampCodec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The built-in codecs: one constant per native type, and {@link #codecFor(DataType)} for any type,
 * building (and caching) codecs of composite types from their components' codecs.
 *
 * <p>The Java types are: ascii, text, varchar → {@code String}; bigint, counter → {@code Long};
 * blob and custom types → {@code ByteBuffer}; boolean → {@code Boolean}; date →
 * {@code LocalDate}; decimal → {@code BigDecimal}; double → {@code Double}; duration →
 * {@link CqlDuration}; float → {@code Float}; inet → {@code InetAddress}; int → {@code Integer};
 * smallint → {@code Short}; tinyint → {@code Byte}; time → {@code LocalTime}; timestamp →
 * {@code Instant}; uuid, timeuuid → {@code UUID}; varint → {@code BigInteger}; list →
 * {@code List}; set → {@code Set}; map → {@code Map}; tuple → {@link TupleValue}; UDT →
 * {@link UdtValue}; vector → {@link CqlVector}.
 *
 * <p>A registry with user codecs composes through {@link #build(DataType, Function)}: it builds
 * the codec of a composite type with the component codecs the registry picks.
 */
public final class TypeCodecs {

    public static final TextCodec ASCII = new TextCodec(PrimitiveType.ASCII);
    public static final TextCodec TEXT = new TextCodec(PrimitiveType.VARCHAR);
    public static final BigIntCodec BIGINT = new BigIntCodec(PrimitiveType.BIGINT);
    public static final BigIntCodec COUNTER = new BigIntCodec(PrimitiveType.COUNTER);
    public static final BlobCodec BLOB = new BlobCodec(PrimitiveType.BLOB);
    public static final BooleanCodec BOOLEAN = new BooleanCodec();
    public static final DecimalCodec DECIMAL = new DecimalCodec();
    public static final DoubleCodec DOUBLE = new DoubleCodec();
    public static final DurationCodec DURATION = new DurationCodec();
    public static final FloatCodec FLOAT = new FloatCodec();
    public static final InetCodec INET = new InetCodec();
    public static final IntCodec INT = new IntCodec();
    public static final SmallIntCodec SMALLINT = new SmallIntCodec();
    public static final TinyIntCodec TINYINT = new TinyIntCodec();
    public static final TimeCodec TIME = new TimeCodec();
    public static final TimestampCodec TIMESTAMP = new TimestampCodec();
    public static final DateCodec DATE = new DateCodec();
    public static final UuidCodec UUID = new UuidCodec(PrimitiveType.UUID);
    public static final UuidCodec TIMEUUID = new UuidCodec(PrimitiveType.TIMEUUID);
    public static final VarintCodec VARINT = new VarintCodec();

    /** Composite codecs stop being cached past this many types (a schema churning UDTs). */
    private static final int MAX_CACHED = 10_000;

    private static final TypeCodec<?>[] BY_CODE = new TypeCodec<?>[0x16];
    private static final Map<DataType, TypeCodec<?>> CACHE = new ConcurrentHashMap<>();

    static {
        for (TypeCodec<?> codec : List.of(ASCII, TEXT, BIGINT, COUNTER, BLOB, BOOLEAN, DECIMAL, DOUBLE, DURATION,
                FLOAT, INET, INT, SMALLINT, TINYINT, TIME, TIMESTAMP, DATE, UUID, TIMEUUID, VARINT)) {
            BY_CODE[codec.cqlType().protocolCode()] = codec;
        }
    }

    private TypeCodecs() {
    }

    /** The codec of a native type. */
    public static TypeCodec<?> codecFor(PrimitiveType type) {
        return BY_CODE[type.protocolCode()];
    }

    /**
     * The built-in codec of {@code type}, built on first use for composite types and cached.
     *
     * @throws CodecNotFoundException when {@code type} is, or contains, an unresolved UDT
     */
    public static TypeCodec<?> codecFor(DataType type) {
        if (type instanceof PrimitiveType p) {
            return BY_CODE[p.protocolCode()];
        }
        TypeCodec<?> codec = CACHE.get(type);
        if (codec == null) {
            // not computeIfAbsent: building recurses into this map for the components
            codec = build(type, TypeCodecs::codecFor);
            if (CACHE.size() < MAX_CACHED) {
                TypeCodec<?> raced = CACHE.putIfAbsent(type, codec);
                if (raced != null) {
                    codec = raced;
                }
            }
        }
        return codec;
    }

    /**
     * The built-in codec of {@code type}, checked to produce {@code javaType}: its Java type must
     * be {@code javaType} (a primitive class stands for its wrapper) or a subtype of it.
     *
     * @throws CodecNotFoundException when the codec produces another class
     */
    @SuppressWarnings("unchecked")
    public static <T> TypeCodec<T> codecFor(DataType type, Class<T> javaType) {
        TypeCodec<?> codec = codecFor(type);
        if (!IndexedValues.boxed(javaType).isAssignableFrom(codec.javaType())) {
            throw new CodecNotFoundException("the codec of " + type.asCql() + " produces "
                    + codec.javaType().getName() + ", not " + javaType.getName());
        }
        return (TypeCodec<T>) codec;
    }

    /**
     * Builds a codec for {@code type}, taking the codecs of its components (list element, map key
     * and value, tuple components, UDT fields, vector element) from {@code components}. Native
     * types get their constant; custom types a {@link BlobCodec}. Not cached.
     *
     * @throws CodecNotFoundException when {@code type} is an unresolved UDT
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static TypeCodec<?> build(DataType type, Function<DataType, TypeCodec<?>> components) {
        if (type instanceof PrimitiveType p) {
            return BY_CODE[p.protocolCode()];
        } else if (type instanceof ListType l) {
            return new ListCodec(l, components.apply(l.elementType()));
        } else if (type instanceof SetType s) {
            return new SetCodec(s, components.apply(s.elementType()));
        } else if (type instanceof MapType m) {
            return new MapCodec(m, components.apply(m.keyType()), components.apply(m.valueType()));
        } else if (type instanceof TupleType t) {
            return new TupleCodec(t, apply(t.componentTypes(), components));
        } else if (type instanceof UserDefinedType u) {
            if (!u.isResolved()) {
                throw new CodecNotFoundException("UDT " + (u.keyspace() == null ? "" : u.keyspace() + ".")
                        + u.name() + " is not resolved: its fields must come from the schema before its values "
                        + "can be encoded or decoded");
            }
            return new UdtCodec(u, apply(u.fieldTypes(), components));
        } else if (type instanceof VectorType v) {
            return new VectorCodec(v, components.apply(v.elementType()));
        } else if (type instanceof CustomType c) {
            return new BlobCodec(c);
        }
        throw new CodecNotFoundException("no codec for " + type);
    }

    private static List<TypeCodec<?>> apply(List<DataType> types, Function<DataType, TypeCodec<?>> components) {
        List<TypeCodec<?>> codecs = new ArrayList<>(types.size());
        for (DataType t : types) {
            codecs.add(components.apply(t));
        }
        return codecs;
    }
}
