package io.reactivecql.protocol.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.reactivecql.protocol.Bytes;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static io.reactivecql.protocol.types.CodecAssertions.assertMalformed;
import static io.reactivecql.protocol.types.CodecAssertions.assertNullHandling;
import static io.reactivecql.protocol.types.CodecAssertions.assertRoundTrip;
import static io.reactivecql.protocol.types.CodecAssertions.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The expected bytes come from Cassandra 5.0.9's own {@code VectorType} serializers: fixed-size
 * elements back to back, the others behind an unsigned vint length. Cassandra counts smallint,
 * tinyint, date, time and counter as variable-size here.
 */
class VectorCodecTest {

    @SuppressWarnings("unchecked")
    private static <E> TypeCodec<CqlVector<E>> codec(DataType element, int dimension) {
        return (TypeCodec<CqlVector<E>>) TypeCodecs.codecFor(new VectorType(element, dimension));
    }

    @Test
    void fixedSizeElementsAreBackToBack() {
        assertRoundTrip(codec(PrimitiveType.FLOAT, 3), CqlVector.of(1.0f, 2.5f, -3.0f), "3f800000 40200000 c0400000");
        assertRoundTrip(codec(PrimitiveType.INT, 2), CqlVector.of(1, -2), "00000001 fffffffe");
        assertRoundTrip(codec(PrimitiveType.BOOLEAN, 2), CqlVector.of(true, false), "01 00");
        assertRoundTrip(codec(PrimitiveType.BIGINT, 1), CqlVector.of(5L), "0000000000000005");
        assertRoundTrip(codec(PrimitiveType.UUID, 1), CqlVector.of(new java.util.UUID(1, 2)),
                "0000000000000001 0000000000000002");
        assertNullHandling(codec(PrimitiveType.FLOAT, 3));
        assertNull(codec(PrimitiveType.FLOAT, 3).decode(new byte[0], 0, 0), "empty decodes to null");
    }

    @Test
    void variableSizeElementsHaveVintLengths() {
        assertRoundTrip(codec(PrimitiveType.VARCHAR, 3), CqlVector.of("a", "", "bcd"), "01 61 00 03 626364");
        assertRoundTrip(codec(PrimitiveType.VARINT, 2), CqlVector.of(BigInteger.valueOf(128), BigInteger.ONE),
                "02 0080 01 01");
        String z200 = "z".repeat(200);
        assertRoundTrip(codec(PrimitiveType.VARCHAR, 1), CqlVector.of(z200), "80c8" + "7a".repeat(200));
    }

    @Test
    void typesCassandraDoesNotDeclareFixedAreVariableSize() {
        assertEquals(-1, PrimitiveType.SMALLINT.fixedSize());
        assertEquals(-1, PrimitiveType.COUNTER.fixedSize());
        assertRoundTrip(codec(PrimitiveType.SMALLINT, 2), CqlVector.of((short) 1, (short) -2), "02 0001 02 fffe");
        assertRoundTrip(codec(PrimitiveType.TINYINT, 2), CqlVector.of((byte) 1, (byte) -2), "01 01 01 fe");
        assertRoundTrip(codec(PrimitiveType.TIME, 1), CqlVector.of(LocalTime.ofNanoOfDay(1)), "08 0000000000000001");
        assertRoundTrip(codec(PrimitiveType.DATE, 1), CqlVector.of(LocalDate.EPOCH), "04 80000000");
    }

    @Test
    void nestedVectorsAndCollections() {
        VectorType inner = new VectorType(PrimitiveType.FLOAT, 2);
        assertEquals(8, inner.fixedSize());
        assertEquals(16, new VectorType(inner, 2).fixedSize());
        assertRoundTrip(codec(inner, 2), CqlVector.of(CqlVector.of(1f, 2f), CqlVector.of(3f, 4f)),
                "3f800000 40000000 40400000 40800000");
        assertRoundTrip(codec(new VectorType(PrimitiveType.VARCHAR, 1), 2),
                CqlVector.of(CqlVector.of("x"), CqlVector.of("yz")), "02 01 78 03 02 797a");
        assertRoundTrip(codec(new ListType(PrimitiveType.INT, true), 2), CqlVector.of(List.of(1), List.of()),
                "0c 00000001 00000004 00000001 04 00000000");
    }

    @Test
    void malformedVectors() {
        assertMalformed(codec(PrimitiveType.FLOAT, 3), "3f800000 40200000");            // too short
        assertMalformed(codec(PrimitiveType.FLOAT, 3), "3f800000 40200000 c0400000 00"); // too long
        assertMalformed(codec(PrimitiveType.VARCHAR, 2), "01 61");                       // missing element
        assertMalformed(codec(PrimitiveType.VARCHAR, 2), "01 61 05 6263");               // element overruns
        assertMalformed(codec(PrimitiveType.VARCHAR, 1), "01 61 00");                    // trailing bytes
        assertMalformed(codec(PrimitiveType.VARCHAR, 1), "ff");                          // truncated vint
        assertMalformed(codec(PrimitiveType.VARCHAR, 1), "ffffffffffffffffff");          // absurd length
        assertMalformed(codec(PrimitiveType.SMALLINT, 1), "00");                          // element decodes to null
        assertMalformed(codec(PrimitiveType.SMALLINT, 1), "03 000001");                   // smallint of 3 bytes
        // hostile dimensions are checked against the bytes before anything is allocated
        assertMalformed(codec(PrimitiveType.VARCHAR, 100_000_000), "00 00 00");
        assertMalformed(codec(PrimitiveType.FLOAT, 1_000_000_000), "3f800000");
    }

    @Test
    void encodingChecksTheDimension() {
        TypeCodec<CqlVector<Float>> codec = codec(PrimitiveType.FLOAT, 3);
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            out.writeByte(7);
            assertThrows(InvalidValueException.class, () -> codec.encodeValue(CqlVector.of(1f, 2f), out));
            assertThrows(InvalidValueException.class, () -> codec.encode(CqlVector.of(1f, 2f, 3f, 4f)));
            Bytes.assertBytes("07", out);
            TypeCodec<CqlVector<Object>> ints = codec(PrimitiveType.INT, 1);
            assertThrows(InvalidValueException.class, () -> ints.encodeValue(CqlVector.of((Object) "x"), out));
            Bytes.assertBytes("07", out);
        } finally {
            out.release();
        }
        assertThrows(IllegalArgumentException.class, () -> CqlVector.of(1f, null));
    }

    @Test
    void floatArraysWithoutBoxing() {
        VectorCodec<Float> codec = new VectorCodec<>(new VectorType(PrimitiveType.FLOAT, 3), TypeCodecs.FLOAT);
        byte[] bytes = hex("ee 3f800000 40200000 c0400000");
        assertArrayEquals(new float[] {1.0f, 2.5f, -3.0f}, codec.decodeFloats(bytes, 1, 12));
        assertNull(codec.decodeFloats(bytes, 0, -1));
        assertThrows(io.reactivecql.protocol.ProtocolException.class, () -> codec.decodeFloats(bytes, 1, 8));
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            codec.encodeFloats(new float[] {1.0f, 2.5f, -3.0f}, out);
            codec.encodeFloats(null, out);
            Bytes.assertBytes("0000000c 3f800000 40200000 c0400000 ffffffff", out);
            assertThrows(InvalidValueException.class, () -> codec.encodeFloats(new float[2], out));
        } finally {
            out.release();
        }
        VectorCodec<?> texts = (VectorCodec<?>) TypeCodecs.codecFor(new VectorType(PrimitiveType.VARCHAR, 1));
        assertThrows(IllegalStateException.class, () -> texts.decodeFloats(bytes, 0, 0));
    }

    @Test
    void cqlVectorIsAnImmutableValue() {
        CqlVector<Float> v = CqlVector.ofFloats(1f, 2f);
        assertEquals(CqlVector.of(1f, 2f), v);
        assertEquals(CqlVector.from(List.of(1f, 2f)), v);
        assertEquals(CqlVector.of(1f, 2f).hashCode(), v.hashCode());
        assertNotEquals(CqlVector.of(2f, 1f), v);
        assertEquals("[1.0, 2.0]", v.toString());
        assertEquals("['a', 'b']", CqlVector.of("a", "b").toString());
        assertEquals(2, v.size());
        assertEquals(2f, v.get(1));
        assertArrayEquals(new float[] {1f, 2f}, v.toFloatArray());
        assertThrows(UnsupportedOperationException.class, () -> v.asList().add(3f));
        List<Float> source = new ArrayList<>(List.of(1f));
        CqlVector<Float> copied = CqlVector.from(source);
        source.set(0, 9f);
        assertEquals(1f, copied.get(0), "from() copies");
        Float[] array = {1f};
        CqlVector<Float> fromArray = CqlVector.of(array);
        array[0] = 9f;
        assertEquals(1f, fromArray.get(0), "of() copies");
        List<Float> iterated = new ArrayList<>();
        v.forEach(iterated::add);
        assertEquals(List.of(1f, 2f), iterated);
        assertEquals(3f, v.stream().mapToDouble(Float::doubleValue).sum());
    }
}
