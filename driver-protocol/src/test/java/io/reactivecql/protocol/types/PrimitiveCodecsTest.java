package io.reactivecql.protocol.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.reactivecql.protocol.Bytes;
import io.reactivecql.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static io.reactivecql.protocol.types.CodecAssertions.assertMalformed;
import static io.reactivecql.protocol.types.CodecAssertions.assertNullHandling;
import static io.reactivecql.protocol.types.CodecAssertions.assertRoundTrip;
import static io.reactivecql.protocol.types.CodecAssertions.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrimitiveCodecsTest {

    private static final byte[] EMPTY = new byte[0];

    @Test
    void intCodec() {
        assertRoundTrip(TypeCodecs.INT, 1, "00000001");
        assertRoundTrip(TypeCodecs.INT, 0, "00000000");
        assertRoundTrip(TypeCodecs.INT, -1, "ffffffff");
        assertRoundTrip(TypeCodecs.INT, Integer.MIN_VALUE, "80000000");
        assertRoundTrip(TypeCodecs.INT, Integer.MAX_VALUE, "7fffffff");
        assertNullHandling(TypeCodecs.INT);
        assertNull(TypeCodecs.INT.decode(EMPTY, 0, 0), "empty int decodes to null (Java driver 4.x)");
        assertMalformed(TypeCodecs.INT, "000001");
        assertMalformed(TypeCodecs.INT, "0000000001");
    }

    @Test
    void intPrimitivePaths() {
        byte[] bytes = hex("aa0000002a");
        assertEquals(42, TypeCodecs.INT.decodeInt(bytes, 1, 4));
        assertEquals(0, TypeCodecs.INT.decodeInt(bytes, 0, -1), "NULL gives 0");
        assertEquals(0, TypeCodecs.INT.decodeInt(bytes, 0, 0), "empty gives 0");
        assertEquals("0000002a", hex(TypeCodecs.INT.encodeInt(42)));
        ByteBuf out = Unpooled.buffer();
        TypeCodecs.INT.encodeInt(-2, out);
        Bytes.assertBytes("00000004 fffffffe", out);
        assertThrows(ProtocolException.class, () -> TypeCodecs.INT.decodeInt(bytes, 0, 3));
    }

    @Test
    void bigintAndCounter() {
        assertRoundTrip(TypeCodecs.BIGINT, 1L, "0000000000000001");
        assertRoundTrip(TypeCodecs.BIGINT, Long.MIN_VALUE, "8000000000000000");
        assertRoundTrip(TypeCodecs.BIGINT, Long.MAX_VALUE, "7fffffffffffffff");
        assertRoundTrip(TypeCodecs.COUNTER, -1L, "ffffffffffffffff");
        assertEquals(PrimitiveType.COUNTER, TypeCodecs.COUNTER.cqlType());
        assertNullHandling(TypeCodecs.BIGINT);
        assertNull(TypeCodecs.BIGINT.decode(EMPTY, 0, 0));
        assertMalformed(TypeCodecs.BIGINT, "00000000000001");
        byte[] bytes = hex("0000000000000007");
        assertEquals(7L, TypeCodecs.BIGINT.decodeLong(bytes, 0, 8));
        assertEquals(0L, TypeCodecs.BIGINT.decodeLong(bytes, 0, -1));
        assertEquals("0000000000000007", hex(TypeCodecs.BIGINT.encodeLong(7L)));
        ByteBuf out = Unpooled.buffer();
        TypeCodecs.COUNTER.encodeLong(Long.MIN_VALUE, out);
        Bytes.assertBytes("00000008 8000000000000000", out);
    }

    @Test
    void smallintAndTinyint() {
        assertRoundTrip(TypeCodecs.SMALLINT, (short) 1, "0001");
        assertRoundTrip(TypeCodecs.SMALLINT, Short.MIN_VALUE, "8000");
        assertRoundTrip(TypeCodecs.SMALLINT, Short.MAX_VALUE, "7fff");
        assertRoundTrip(TypeCodecs.TINYINT, (byte) 1, "01");
        assertRoundTrip(TypeCodecs.TINYINT, Byte.MIN_VALUE, "80");
        assertRoundTrip(TypeCodecs.TINYINT, Byte.MAX_VALUE, "7f");
        assertNullHandling(TypeCodecs.SMALLINT);
        assertNullHandling(TypeCodecs.TINYINT);
        assertNull(TypeCodecs.SMALLINT.decode(EMPTY, 0, 0));
        assertNull(TypeCodecs.TINYINT.decode(EMPTY, 0, 0));
        assertMalformed(TypeCodecs.SMALLINT, "01");
        assertMalformed(TypeCodecs.SMALLINT, "000001");
        assertMalformed(TypeCodecs.TINYINT, "0001");
        assertEquals((short) -2, TypeCodecs.SMALLINT.decodeShort(hex("fffe"), 0, 2));
        assertEquals((byte) -2, TypeCodecs.TINYINT.decodeByte(hex("fe"), 0, 1));
        assertEquals((byte) 0, TypeCodecs.TINYINT.decodeByte(EMPTY, 0, 0));
        ByteBuf out = Unpooled.buffer();
        TypeCodecs.SMALLINT.encodeShort((short) 3, out);
        TypeCodecs.TINYINT.encodeByte((byte) 4, out);
        Bytes.assertBytes("00000002 0003 00000001 04", out);
    }

    @Test
    void floatAndDouble() {
        assertRoundTrip(TypeCodecs.FLOAT, 1.0f, "3f800000");
        assertRoundTrip(TypeCodecs.FLOAT, -0.0f, "80000000");
        assertRoundTrip(TypeCodecs.FLOAT, Float.MAX_VALUE, "7f7fffff");
        assertRoundTrip(TypeCodecs.FLOAT, Float.MIN_VALUE, "00000001");
        assertRoundTrip(TypeCodecs.FLOAT, Float.POSITIVE_INFINITY, "7f800000");
        assertRoundTrip(TypeCodecs.FLOAT, Float.NaN, "7fc00000");
        assertRoundTrip(TypeCodecs.DOUBLE, 1.0, "3ff0000000000000");
        assertRoundTrip(TypeCodecs.DOUBLE, Double.NEGATIVE_INFINITY, "fff0000000000000");
        assertRoundTrip(TypeCodecs.DOUBLE, Double.NaN, "7ff8000000000000");
        assertRoundTrip(TypeCodecs.DOUBLE, Double.MIN_VALUE, "0000000000000001");
        assertNullHandling(TypeCodecs.FLOAT);
        assertNullHandling(TypeCodecs.DOUBLE);
        assertNull(TypeCodecs.DOUBLE.decode(EMPTY, 0, 0));
        assertMalformed(TypeCodecs.FLOAT, "3f8000");
        assertMalformed(TypeCodecs.DOUBLE, "3ff00000");
        assertEquals(1.0f, TypeCodecs.FLOAT.decodeFloat(hex("3f800000"), 0, 4));
        assertEquals(0f, TypeCodecs.FLOAT.decodeFloat(EMPTY, 0, -1));
        assertEquals(1.0, TypeCodecs.DOUBLE.decodeDouble(hex("3ff0000000000000"), 0, 8));
        assertEquals("3f800000", hex(TypeCodecs.FLOAT.encodeFloat(1.0f)));
        assertEquals("3ff0000000000000", hex(TypeCodecs.DOUBLE.encodeDouble(1.0)));
        ByteBuf out = Unpooled.buffer();
        TypeCodecs.FLOAT.encodeFloat(-2f, out);
        TypeCodecs.DOUBLE.encodeDouble(2.0, out);
        Bytes.assertBytes("00000004 c0000000 00000008 4000000000000000", out);
    }

    @Test
    void booleanCodec() {
        assertRoundTrip(TypeCodecs.BOOLEAN, true, "01");
        assertRoundTrip(TypeCodecs.BOOLEAN, false, "00");
        assertEquals(true, TypeCodecs.BOOLEAN.decode(hex("02"), 0, 1), "any non-zero byte is true");
        assertNullHandling(TypeCodecs.BOOLEAN);
        assertNull(TypeCodecs.BOOLEAN.decode(EMPTY, 0, 0));
        assertMalformed(TypeCodecs.BOOLEAN, "0001");
        assertTrue(TypeCodecs.BOOLEAN.decodeBoolean(hex("ff"), 0, 1));
        assertFalse(TypeCodecs.BOOLEAN.decodeBoolean(EMPTY, 0, -1));
        assertEquals("01", hex(TypeCodecs.BOOLEAN.encodeBoolean(true)));
        ByteBuf out = Unpooled.buffer();
        TypeCodecs.BOOLEAN.encodeBoolean(false, out);
        Bytes.assertBytes("00000001 00", out);
    }

    @Test
    void varintFollowsTheSpecTable() {
        assertRoundTrip(TypeCodecs.VARINT, BigInteger.ZERO, "00");
        assertRoundTrip(TypeCodecs.VARINT, BigInteger.ONE, "01");
        assertRoundTrip(TypeCodecs.VARINT, BigInteger.valueOf(127), "7f");
        assertRoundTrip(TypeCodecs.VARINT, BigInteger.valueOf(128), "0080");
        assertRoundTrip(TypeCodecs.VARINT, BigInteger.valueOf(129), "0081");
        assertRoundTrip(TypeCodecs.VARINT, BigInteger.valueOf(-1), "ff");
        assertRoundTrip(TypeCodecs.VARINT, BigInteger.valueOf(-128), "80");
        assertRoundTrip(TypeCodecs.VARINT, BigInteger.valueOf(-129), "ff7f");
        assertRoundTrip(TypeCodecs.VARINT, BigInteger.TWO.pow(64), "010000000000000000");
        assertNullHandling(TypeCodecs.VARINT);
        assertNull(TypeCodecs.VARINT.decode(EMPTY, 0, 0));
        // a non-minimal form still decodes
        assertEquals(BigInteger.ONE, TypeCodecs.VARINT.decode(hex("0001"), 0, 2));
    }

    @Test
    void decimalIsScaleThenVarint() {
        assertRoundTrip(TypeCodecs.DECIMAL, new BigDecimal("1.5"), "00000001 0f");
        assertRoundTrip(TypeCodecs.DECIMAL, BigDecimal.ZERO, "00000000 00");
        assertRoundTrip(TypeCodecs.DECIMAL, new BigDecimal("-1.23E-10"), "0000000c 85");
        assertRoundTrip(TypeCodecs.DECIMAL, new BigDecimal("1E+3"), "fffffffd 01");
        assertRoundTrip(TypeCodecs.DECIMAL, new BigDecimal("12.80"), "00000002 0500");
        assertNullHandling(TypeCodecs.DECIMAL);
        assertNull(TypeCodecs.DECIMAL.decode(EMPTY, 0, 0));
        assertMalformed(TypeCodecs.DECIMAL, "000001");
        assertMalformed(TypeCodecs.DECIMAL, "00000001");
    }

    @Test
    void textAndAscii() {
        assertRoundTrip(TypeCodecs.TEXT, "", "");
        assertRoundTrip(TypeCodecs.TEXT, "héllo", "68c3a96c6c6f");
        assertRoundTrip(TypeCodecs.TEXT, "\uD83D\uDE00", "f09f9880");
        assertRoundTrip(TypeCodecs.ASCII, "abc", "616263");
        assertRoundTrip(TypeCodecs.ASCII, "", "");
        assertEquals("", TypeCodecs.TEXT.decode(EMPTY, 0, 0), "empty text decodes to \"\"");
        assertNullHandling(TypeCodecs.TEXT);
        assertNullHandling(TypeCodecs.ASCII);
        assertThrows(InvalidValueException.class, () -> TypeCodecs.ASCII.encode("caf\u00e9"));
        ByteBuf out = Unpooled.buffer();
        out.writeByte(9);
        assertThrows(InvalidValueException.class, () -> TypeCodecs.ASCII.encodeValue("\u00e9", out));
        Bytes.assertBytes("09", out); // nothing of the failed value is left
        // netty and String agree on the size of an unpaired surrogate
        String unpaired = "a\uD800b";
        assertEquals(TypeCodecs.TEXT.encode(unpaired).remaining(), TypeCodecs.TEXT.encodedSize(unpaired));
        String long3 = "\u20ac".repeat(1000);
        assertRoundTrip(TypeCodecs.TEXT, long3, "e282ac".repeat(1000));
        TupleType oneText = new TupleType(List.of(PrimitiveType.VARCHAR));
        assertEquals(4 + 3000, TypeCodecs.codecFor(oneText, TupleValue.class).encode(TupleValue.of(oneText, long3))
                .remaining(), "text inside an exactly sized buffer");
    }

    @Test
    void blobCopiesOnDecode() {
        assertRoundTrip(TypeCodecs.BLOB, ByteBuffer.wrap(hex("0102ff")), "0102ff");
        assertRoundTrip(TypeCodecs.BLOB, ByteBuffer.allocate(0), "");
        assertNullHandling(TypeCodecs.BLOB);
        byte[] page = hex("00010203");
        ByteBuffer decoded = TypeCodecs.BLOB.decode(page, 1, 2);
        page[1] = 9;
        assertEquals(ByteBuffer.wrap(hex("0102")), decoded, "the decoded blob does not share the page");
        ByteBuffer source = ByteBuffer.wrap(hex("aabbcc"));
        source.position(1);
        assertEquals("bbcc", hex(TypeCodecs.BLOB.encode(source)), "only the remaining bytes");
        assertEquals(1, source.position(), "encoding does not move the position");
    }

    @Test
    void dateIsCenteredAtTwoToThe31() {
        assertRoundTrip(TypeCodecs.DATE, LocalDate.EPOCH, "80000000");
        assertRoundTrip(TypeCodecs.DATE, LocalDate.of(1970, 1, 2), "80000001");
        assertRoundTrip(TypeCodecs.DATE, LocalDate.of(1969, 12, 31), "7fffffff");
        assertRoundTrip(TypeCodecs.DATE, LocalDate.of(2024, 2, 29), "80004d46");
        // the spec's examples: 0 and 2^32 - 1 are the range's ends
        assertRoundTrip(TypeCodecs.DATE, LocalDate.of(-5877641, 6, 23), "00000000");
        assertRoundTrip(TypeCodecs.DATE, LocalDate.of(5881580, 7, 11), "ffffffff");
        assertThrows(InvalidValueException.class, () -> TypeCodecs.DATE.encode(LocalDate.of(5881580, 7, 12)));
        assertThrows(InvalidValueException.class, () -> TypeCodecs.DATE.encode(LocalDate.MIN));
        assertNullHandling(TypeCodecs.DATE);
        assertNull(TypeCodecs.DATE.decode(EMPTY, 0, 0));
        assertMalformed(TypeCodecs.DATE, "800000");
    }

    @Test
    void timeIsNanosSinceMidnight() {
        assertRoundTrip(TypeCodecs.TIME, LocalTime.MIDNIGHT, "0000000000000000");
        assertRoundTrip(TypeCodecs.TIME, LocalTime.of(0, 0, 1), "000000003b9aca00");
        assertRoundTrip(TypeCodecs.TIME, LocalTime.MAX, "00004e94914effff");
        assertNullHandling(TypeCodecs.TIME);
        assertNull(TypeCodecs.TIME.decode(EMPTY, 0, 0));
        assertMalformed(TypeCodecs.TIME, "00004e94914f0000");
        assertMalformed(TypeCodecs.TIME, "ffffffffffffffff");
        assertMalformed(TypeCodecs.TIME, "00000000");
    }

    @Test
    void timestampIsEpochMillis() {
        assertRoundTrip(TypeCodecs.TIMESTAMP, Instant.EPOCH, "0000000000000000");
        assertRoundTrip(TypeCodecs.TIMESTAMP, Instant.ofEpochMilli(1), "0000000000000001");
        assertRoundTrip(TypeCodecs.TIMESTAMP, Instant.ofEpochMilli(-1), "ffffffffffffffff");
        assertRoundTrip(TypeCodecs.TIMESTAMP, Instant.ofEpochMilli(Long.MAX_VALUE), "7fffffffffffffff");
        assertRoundTrip(TypeCodecs.TIMESTAMP, Instant.ofEpochMilli(Long.MIN_VALUE), "8000000000000000");
        assertRoundTrip(TypeCodecs.TIMESTAMP, Instant.ofEpochSecond(0, 1_999_999), "0000000000000001",
                Instant.ofEpochMilli(1));
        assertRoundTrip(TypeCodecs.TIMESTAMP, Instant.ofEpochSecond(-1, 999_500_000), "ffffffffffffffff",
                Instant.ofEpochMilli(-1));
        assertThrows(InvalidValueException.class, () -> TypeCodecs.TIMESTAMP.encode(Instant.MAX));
        assertNullHandling(TypeCodecs.TIMESTAMP);
        assertEquals(5L, TypeCodecs.TIMESTAMP.decodeEpochMillis(hex("0000000000000005"), 0, 8));
        ByteBuf out = Unpooled.buffer();
        TypeCodecs.TIMESTAMP.encodeEpochMillis(5L, out);
        Bytes.assertBytes("00000008 0000000000000005", out);
    }

    @Test
    void uuidAndTimeuuid() {
        UUID uuid = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
        assertRoundTrip(TypeCodecs.UUID, uuid, "00112233445566778899aabbccddeeff");
        UUID timeBased = UUID.fromString("00112233-4455-1677-8899-aabbccddeeff");
        assertRoundTrip(TypeCodecs.TIMEUUID, timeBased, "00112233445516778899aabbccddeeff");
        assertThrows(InvalidValueException.class, () -> TypeCodecs.TIMEUUID.encode(uuid), "version 6 is no timeuuid");
        assertNullHandling(TypeCodecs.UUID);
        assertNull(TypeCodecs.UUID.decode(EMPTY, 0, 0));
        assertMalformed(TypeCodecs.UUID, "00112233445566778899aabbccddee");
    }

    @Test
    void inet() throws Exception {
        assertRoundTrip(TypeCodecs.INET, InetAddress.getByName("127.0.0.1"), "7f000001");
        assertRoundTrip(TypeCodecs.INET, InetAddress.getByName("::1"), "00000000000000000000000000000001");
        byte[] mapped = hex("00000000000000000000ffff01020304");
        InetAddress decoded = TypeCodecs.INET.decode(mapped, 0, 16);
        assertInstanceOf(Inet6Address.class, decoded, "an IPv4-mapped address stays 16 bytes");
        assertEquals("00000000000000000000ffff01020304", hex(TypeCodecs.INET.encode(decoded)));
        assertNullHandling(TypeCodecs.INET);
        assertNull(TypeCodecs.INET.decode(EMPTY, 0, 0));
        assertMalformed(TypeCodecs.INET, "7f00000101");
        assertMalformed(TypeCodecs.INET, "7f0000");
    }

    @Test
    void customTypesAreRawBytes() {
        CustomType custom = new CustomType("org.example.Custom");
        TypeCodec<?> codec = TypeCodecs.codecFor(custom);
        assertInstanceOf(SimpleCodecs.BlobCodec.class, codec);
        assertEquals(custom, codec.cqlType());
        assertSame(codec, TypeCodecs.codecFor(custom), "cached");
        assertEquals(ByteBuffer.wrap(hex("cafe")), codec.decode(hex("cafe"), 0, 2));
        assertThrows(IllegalArgumentException.class, () -> new SimpleCodecs.BlobCodec(PrimitiveType.INT));
    }

    @Test
    void sliceOutsideTheArrayIsMalformedNotIndexOutOfBounds() {
        byte[] four = new byte[4];
        for (TypeCodec<?> codec : new TypeCodec<?>[] {TypeCodecs.INT, TypeCodecs.TEXT, TypeCodecs.BLOB,
                TypeCodecs.VARINT, TypeCodecs.DURATION, TypeCodecs.INET}) {
            assertThrows(ProtocolException.class, () -> codec.decode(four, 2, 4), codec::toString);
            assertThrows(ProtocolException.class, () -> codec.decode(four, -1, 4), codec::toString);
            assertThrows(ProtocolException.class, () -> codec.decode(four, 0, -2), codec::toString);
        }
    }
}
