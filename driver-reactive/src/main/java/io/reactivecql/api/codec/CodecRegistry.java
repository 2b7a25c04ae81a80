package io.reactivecql.api.codec;

import io.reactivecql.internal.codec.DefaultCodecRegistry;
import io.reactivecql.protocol.types.DataType;
import io.reactivecql.protocol.types.TypeCodec;

import java.util.List;

/**
 * Maps CQL types to Java types through {@link TypeCodec}s: the built-in ones of
 * {@link io.reactivecql.protocol.types.TypeCodecs} (text as String, bigint as Long, timestamp as
 * Instant, list as List, tuple as TupleValue, vector as CqlVector, ...) and user codecs, which are
 * looked up first. Composite types (collections, tuples, UDTs, vectors) get codecs built from their
 * components' codecs, so a user codec of {@code text} also serves {@code list<text>} for a
 * {@code List} of its Java type. Thread-safe; lookups are cached.
 */
public interface CodecRegistry {

    /** The built-in codecs only. */
    static CodecRegistry defaultRegistry() {
        return DefaultCodecRegistry.DEFAULT;
    }

    /** The built-in codecs, with {@code userCodecs} taking precedence (earlier ones first). */
    static CodecRegistry of(List<TypeCodec<?>> userCodecs) {
        return userCodecs.isEmpty() ? DefaultCodecRegistry.DEFAULT : new DefaultCodecRegistry(userCodecs);
    }

    /**
     * The default codec of {@code cqlType}: the first user codec for exactly that type, else the
     * built-in one.
     *
     * @throws io.reactivecql.protocol.types.CodecNotFoundException for an unresolved UDT
     */
    TypeCodec<?> codecFor(DataType cqlType);

    /**
     * A codec between {@code cqlType} and {@code javaType} (a primitive class stands for its
     * wrapper).
     *
     * @throws io.reactivecql.protocol.types.CodecNotFoundException when there is none
     */
    <T> TypeCodec<T> codecFor(DataType cqlType, Class<T> javaType);

    /**
     * A codec that encodes {@code value} as {@code cqlType}: the default codec when it accepts the
     * value, else one for the value's class.
     *
     * @throws io.reactivecql.protocol.types.CodecNotFoundException when there is none
     */
    TypeCodec<?> codecFor(DataType cqlType, Object value);

    /**
     * A codec for a value whose CQL type is not known (the values of a simple statement), chosen
     * from its Java class: String as text, Long as bigint, Integer as int, ... A user codec whose
     * Java type the value is an instance of comes first.
     *
     * @throws io.reactivecql.protocol.types.CodecNotFoundException when no CQL type fits
     */
    TypeCodec<?> codecForValue(Object value);
}
