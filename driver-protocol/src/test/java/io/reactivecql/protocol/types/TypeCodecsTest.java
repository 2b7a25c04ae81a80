package io.reactivecql.protocol.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.reactivecql.protocol.Bytes;
import io.reactivecql.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.reactivecql.protocol.types.CodecAssertions.assertRoundTrip;
import static io.reactivecql.protocol.types.CodecAssertions.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypeCodecsTest {

    @Test
    void everyNativeTypeHasItsCodec() {
        Map<PrimitiveType, Class<?>> javaTypes = Map.ofEntries(
                Map.entry(PrimitiveType.ASCII, String.class), Map.entry(PrimitiveType.BIGINT, Long.class),
                Map.entry(PrimitiveType.BLOB, ByteBuffer.class), Map.entry(PrimitiveType.BOOLEAN, Boolean.class),
                Map.entry(PrimitiveType.COUNTER, Long.class), Map.entry(PrimitiveType.DECIMAL, BigDecimal.class),
                Map.entry(PrimitiveType.DOUBLE, Double.class), Map.entry(PrimitiveType.FLOAT, Float.class),
                Map.entry(PrimitiveType.INT, Integer.class), Map.entry(PrimitiveType.TIMESTAMP, Instant.class),
                Map.entry(PrimitiveType.UUID, UUID.class), Map.entry(PrimitiveType.VARCHAR, String.class),
                Map.entry(PrimitiveType.VARINT, BigInteger.class), Map.entry(PrimitiveType.TIMEUUID, UUID.class),
                Map.entry(PrimitiveType.INET, InetAddress.class), Map.entry(PrimitiveType.DATE, LocalDate.class),
                Map.entry(PrimitiveType.TIME, LocalTime.class), Map.entry(PrimitiveType.SMALLINT, Short.class),
                Map.entry(PrimitiveType.TINYINT, Byte.class), Map.entry(PrimitiveType.DURATION, CqlDuration.class));
        assertEquals(PrimitiveType.values().length, javaTypes.size());
        for (PrimitiveType type : PrimitiveType.values()) {
            TypeCodec<?> codec = TypeCodecs.codecFor(type);
            assertSame(type, codec.cqlType(), type::name);
            assertEquals(javaTypes.get(type), codec.javaType(), type::name);
            assertSame(codec, TypeCodecs.codecFor((DataType) type));
            assertEquals(List.of(), codec.componentCodecs());
        }
    }

    @Test
    void compositeCodecsAreBuiltOnceAndCached() {
        DataType type = new MapType(PrimitiveType.VARCHAR, new ListType(PrimitiveType.INT, true), false);
        TypeCodec<?> codec = TypeCodecs.codecFor(type);
        assertSame(codec, TypeCodecs.codecFor(new MapType(PrimitiveType.VARCHAR, new ListType(PrimitiveType.INT, true),
                false)));
        assertEquals(List.of(TypeCodecs.TEXT, TypeCodecs.codecFor(new ListType(PrimitiveType.INT, true))),
                codec.componentCodecs());
        assertSame(codec.componentCodecs().get(1), TypeCodecs.codecFor(new ListType(PrimitiveType.INT, true)));
        TupleType tuple = new TupleType(List.of(PrimitiveType.INT, PrimitiveType.UUID));
        assertEquals(List.of(TypeCodecs.INT, TypeCodecs.UUID), TypeCodecs.codecFor(tuple).componentCodecs());
        VectorType vector = new VectorType(PrimitiveType.FLOAT, 2);
        assertEquals(List.of(TypeCodecs.FLOAT), TypeCodecs.codecFor(vector).componentCodecs());
    }

    @Test
    void concurrentLookupsAgree() {
        DataType type = new ListType(new TupleType(List.of(PrimitiveType.INT, new VectorType(PrimitiveType.FLOAT, 7))),
                false);
        List<CompletableFuture<TypeCodec<?>>> futures = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.<TypeCodec<?>>supplyAsync(() -> TypeCodecs.codecFor(type))).toList();
        TypeCodec<?> expected = TypeCodecs.codecFor(type);
        for (CompletableFuture<TypeCodec<?>> f : futures) {
            assertEquals(expected.cqlType(), f.join().cqlType());
        }
        assertSame(expected, TypeCodecs.codecFor(type));
    }

    @Test
    void typedLookup() {
        TypeCodec<Integer> ints = TypeCodecs.codecFor(PrimitiveType.INT, Integer.class);
        assertSame(TypeCodecs.INT, ints);
        assertSame(TypeCodecs.INT, TypeCodecs.codecFor(PrimitiveType.INT, int.class));
        assertSame(TypeCodecs.INT, TypeCodecs.codecFor(PrimitiveType.INT, Number.class));
        assertThrows(CodecNotFoundException.class, () -> TypeCodecs.codecFor(PrimitiveType.INT, String.class));
        assertThrows(CodecNotFoundException.class, () -> TypeCodecs.codecFor(PrimitiveType.INT, long.class));
        @SuppressWarnings("rawtypes")
        TypeCodec<List> lists = TypeCodecs.codecFor(new ListType(PrimitiveType.INT, false), List.class);
        assertEquals(List.of(1), lists.decode(hex("00000001 00000004 00000001"), 0, 12));
        assertThrows(CodecNotFoundException.class,
                () -> TypeCodecs.codecFor(new ListType(PrimitiveType.INT, false), Set.class));
    }

    /** A user codec: text as upper case on decode. Only the five required methods. */
    private static class ShoutingTextCodec implements TypeCodec<String> {

        @Override
        public DataType cqlType() {
            return PrimitiveType.VARCHAR;
        }

        @Override
        public Class<?> javaType() {
            return String.class;
        }

        @Override
        public int encodedSize(String value) {
            return value.getBytes(StandardCharsets.UTF_8).length;
        }

        @Override
        public void encodeBody(String value, ByteBuf out) {
            out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String decode(byte[] array, int offset, int length) {
            return length < 0 ? null
                    : new String(array, offset, length, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
        }
    }

    @Test
    void userCodecsComposeThroughBuild() {
        ShoutingTextCodec shouting = new ShoutingTextCodec();
        assertRoundTrip(shouting, "HI", "4849");
        DataType type = new MapType(PrimitiveType.INT, new ListType(PrimitiveType.VARCHAR, true), false);
        TypeCodec<?> codec = TypeCodecs.build(type, new java.util.function.Function<>() {
            @Override
            public TypeCodec<?> apply(DataType t) {
                return t == PrimitiveType.VARCHAR ? shouting : TypeCodecs.build(t, this);
            }
        });
        Object decoded = codec.decode(hex("00000001 00000004 00000001 0000000d 00000001 00000005 68656c6c6f"), 0, 29);
        assertEquals(Map.of(1, List.of("HELLO")), decoded);
        assertSame(TypeCodecs.INT, TypeCodecs.build(PrimitiveType.INT, TypeCodecs::codecFor));
        assertThrows(IllegalArgumentException.class,
                () -> TypeCodecs.build(new ListType(PrimitiveType.INT, false), t -> shouting));
    }

    @Test
    void aCodecWhoseSizeIsWrongFailsLoudly() {
        ShoutingTextCodec under = new ShoutingTextCodec() {
            @Override
            public int encodedSize(String value) {
                return 1;
            }
        };
        ShoutingTextCodec over = new ShoutingTextCodec() {
            @Override
            public int encodedSize(String value) {
                return 9;
            }
        };
        assertThrows(IllegalStateException.class, () -> under.encode("abc"));
        assertThrows(IllegalStateException.class, () -> over.encode("abc"));
        VectorCodec<String> vector = new VectorCodec<>(new VectorType(PrimitiveType.VARCHAR, 1), over);
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            assertThrows(IllegalStateException.class, () -> vector.encodeValue(CqlVector.of("abc"), out));
            assertEquals(0, out.writerIndex());
        } finally {
            out.release();
        }
    }

    @Test
    void encodeObjectChecksTheClass() {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            TypeCodecs.INT.encodeObject(5, out);
            TypeCodecs.INT.encodeObject(null, out);
            Bytes.assertBytes("00000004 00000005 ffffffff", out);
            InvalidValueException e = assertThrows(InvalidValueException.class,
                    () -> TypeCodecs.INT.encodeObject(5L, out));
            assertTrue(e.getMessage().contains("java.lang.Long"), e.getMessage());
            assertThrows(InvalidValueException.class, () -> TypeCodecs.TEXT.encodeObject(new StringBuilder("x"), out));
            Bytes.assertBytes("00000004 00000005 ffffffff", out);
        } finally {
            out.release();
        }
        assertTrue(TypeCodecs.INT.accepts(null));
        assertTrue(TypeCodecs.BLOB.accepts(ByteBuffer.allocateDirect(1)));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void heapPollutionIsAnInvalidValueNotAClassCastException() {
        TypeCodec raw = TypeCodecs.BIGINT;
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            assertThrows(InvalidValueException.class, () -> raw.encodeValue("x", out));
            assertThrows(InvalidValueException.class, () -> raw.encode("x"));
            assertEquals(0, out.writerIndex());
        } finally {
            out.release();
        }
    }

    @Test
    void decodeFromBuffersChecksBounds() {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer();
        try {
            buf.writeInt(42);
            assertEquals(42, TypeCodecs.INT.decode(buf, 0, 4));
            assertNull(TypeCodecs.INT.decode(buf, 0, -1));
            assertThrows(ProtocolException.class, () -> TypeCodecs.INT.decode(buf, 2, 4));
            assertThrows(ProtocolException.class, () -> TypeCodecs.INT.decode(buf, -1, 4));
            assertThrows(ProtocolException.class, () -> TypeCodecs.INT.decode(buf, 0, -2));
            assertEquals(0, buf.readerIndex(), "decoding does not consume");
        } finally {
            buf.release();
        }
    }
}
