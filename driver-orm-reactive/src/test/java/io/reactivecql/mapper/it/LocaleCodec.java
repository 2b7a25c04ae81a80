package io.reactivecql.mapper.it;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.types.DataType;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.protocol.types.TypeCodec;
import io.reactivecql.protocol.types.TypeCodecs;

import java.util.Locale;

/** A user codec: {@code text} ↔ {@link Locale} (its language tag), registered on a session. */
final class LocaleCodec implements TypeCodec<Locale> {

    @Override
    public DataType cqlType() {
        return PrimitiveType.VARCHAR;
    }

    @Override
    public Class<?> javaType() {
        return Locale.class;
    }

    @Override
    public int encodedSize(Locale value) {
        return TypeCodecs.TEXT.encodedSize(value.toLanguageTag());
    }

    @Override
    public void encodeBody(Locale value, ByteBuf out) {
        TypeCodecs.TEXT.encodeBody(value.toLanguageTag(), out);
    }

    @Override
    public Locale decode(byte[] array, int offset, int length) {
        String tag = TypeCodecs.TEXT.decode(array, offset, length);
        return tag == null ? null : Locale.forLanguageTag(tag);
    }
}
