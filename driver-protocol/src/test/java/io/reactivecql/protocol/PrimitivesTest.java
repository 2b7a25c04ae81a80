package io.reactivecql.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notations of section 3: exact bytes, round trips, and malformed input, which must throw
 * {@link ProtocolException} (never an index or allocation error).
 */
class PrimitivesTest {

    private final List<ByteBuf> buffers = new ArrayList<>();

    @AfterEach
    void release() {
        buffers.forEach(ByteBuf::release);
    }

    private ByteBuf out() {
        ByteBuf buf = Unpooled.buffer();
        buffers.add(buf);
        return buf;
    }

    private ByteBuf in(String hex) {
        ByteBuf buf = Bytes.fromHex(hex);
        buffers.add(buf);
        return buf;
    }

    /** Decodes {@code hex} and checks that every byte was consumed. */
    private <T> T read(String hex, Function<ByteBuf, T> reader) {
        ByteBuf buf = in(hex);
        T value = reader.apply(buf);
        assertFalse(buf.isReadable(), () -> buf.readableBytes() + " bytes left");
        return value;
    }

    private void assertMalformed(String hex, Function<ByteBuf, ?> reader) {
        ByteBuf buf = in(hex);
        ProtocolException e = assertThrows(ProtocolException.class, () -> reader.apply(buf));
        assertTrue(e.getMessage().contains("test value"), e.getMessage());
    }

    // ---------------------------------------------------------------- fixed size

    @Test
    void fixedSizeNotations() {
        assertEquals(Integer.valueOf(0xFE), read("fe", b -> Primitives.readByte(b, "test value")));
        assertEquals(Integer.valueOf(0xFFFE), read("fffe", b -> Primitives.readUnsignedShort(b, "test value")));
        assertEquals(Integer.valueOf(-2), read("fffffffe", b -> Primitives.readInt(b, "test value")));
        assertEquals(Long.valueOf(0x0102030405060708L), read("0102030405060708", b -> Primitives.readLong(b, "test value")));
        UUID uuid = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
        ByteBuf out = out();
        Primitives.writeUuid(uuid, out);
        Bytes.assertBytes("00112233445566778899aabbccddeeff", out);
        assertEquals(uuid, Primitives.readUuid(out, "test value"));
    }

    @Test
    void truncatedFixedSizeNotations() {
        assertMalformed("", b -> Primitives.readByte(b, "test value"));
        assertMalformed("ff", b -> Primitives.readUnsignedShort(b, "test value"));
        assertMalformed("ffffff", b -> Primitives.readInt(b, "test value"));
        assertMalformed("01020304050607", b -> Primitives.readLong(b, "test value"));
        assertMalformed("00112233445566778899aabbccddee", b -> Primitives.readUuid(b, "test value"));
    }

    // ---------------------------------------------------------------- strings

    @Test
    void strings() {
        ByteBuf out = out();
        Primitives.writeString("héllo", out);
        Bytes.assertBytes("0006 68c3a96c6c6f", out);
        assertEquals("héllo", Primitives.readString(out, "test value"));

        Primitives.writeLongString("héllo", out);
        Bytes.assertBytes("00000006 68c3a96c6c6f", out);
        assertEquals("héllo", Primitives.readLongString(out, "test value"));

        assertEquals("", read("0000", b -> Primitives.readString(b, "test value")));
        assertEquals("", read("00000000", b -> Primitives.readLongString(b, "test value")));
    }

    @Test
    void stringCollections() {
        ByteBuf out = out();
        Primitives.writeStringList(List.of("a", "bc"), out);
        Bytes.assertBytes("0002 000161 00026263", out);
        assertEquals(List.of("a", "bc"), Primitives.readStringList(out, "test value"));

        Map<String, String> map = new LinkedHashMap<>();
        map.put("CQL_VERSION", "3.0.0");
        map.put("COMPRESSION", "lz4");
        Primitives.writeStringMap(map, out);
        Bytes.assertBytes("0002 000b43514c5f56455253494f4e 0005332e302e30 000b434f4d5052455353494f4e 00036c7a34", out);
        assertEquals(map, Primitives.readStringMap(out, "test value"));

        Map<String, List<String>> multimap = new LinkedHashMap<>();
        multimap.put("COMPRESSION", List.of("lz4", "snappy"));
        multimap.put("X", List.of());
        Primitives.writeStringMultimap(multimap, out);
        Bytes.assertBytes("0002 000b434f4d5052455353494f4e 0002 00036c7a34 0006736e61707079 000158 0000", out);
        assertEquals(multimap, Primitives.readStringMultimap(out, "test value"));
    }

    @Test
    void malformedStrings() {
        assertMalformed("0005 61626364", b -> Primitives.readString(b, "test value"));
        assertMalformed("00000005 61626364", b -> Primitives.readLongString(b, "test value"));
        assertMalformed("ffffffff", b -> Primitives.readLongString(b, "test value"));
        assertMalformed("80000000", b -> Primitives.readLongString(b, "test value"));
        // 65535 entries announced, two bytes present: refused before sizing anything
        assertMalformed("ffff 0000", b -> Primitives.readStringList(b, "test value"));
        assertMalformed("ffff 0000", b -> Primitives.readStringMap(b, "test value"));
        assertMalformed("ffff 0000", b -> Primitives.readStringMultimap(b, "test value"));
        assertMalformed("0001 000161", b -> Primitives.readStringMap(b, "test value"));
        assertMalformed("0001 000161 0001", b -> Primitives.readStringMultimap(b, "test value"));
    }

    @Test
    void tooLongStringIsRefusedWhenWriting() {
        assertThrows(IllegalArgumentException.class, () -> Primitives.writeString("x".repeat(65536), out()));
    }

    // ---------------------------------------------------------------- bytes and values

    @Test
    void bytesAndValues() {
        ByteBuf out = out();
        Primitives.writeBytes(ByteBuffer.wrap(new byte[] {1, 2}), out);
        Primitives.writeBytes((ByteBuffer) null, out);
        Primitives.writeBytes(new byte[] {3}, out);
        Primitives.writeBytes((byte[]) null, out);
        Primitives.writeValue(Primitives.UNSET, out);
        Primitives.writeValue(null, out);
        Primitives.writeValue(ByteBuffer.allocate(0), out);
        Primitives.writeShortBytes(new byte[] {4, 5}, out);
        Bytes.assertBytes("00000002 0102 ffffffff 00000001 03 ffffffff fffffffe ffffffff 00000000 0002 0405", out);

        assertEquals(ByteBuffer.wrap(new byte[] {1, 2}), Primitives.readBytes(out, "test value"));
        assertNull(Primitives.readBytes(out, "test value"));
        assertEquals(ByteBuffer.wrap(new byte[] {3}), Primitives.readBytes(out, "test value"));
        assertNull(Primitives.readBytes(out, "test value"));
        assertSame(Primitives.UNSET, Primitives.readValue(out, "test value"));
        assertNull(Primitives.readValue(out, "test value"));
        assertEquals(0, Primitives.readValue(out, "test value").remaining());
        assertArrayEquals(new byte[] {4, 5}, Primitives.readShortBytes(out, "test value"));
        assertFalse(out.isReadable());
    }

    @Test
    void writingDoesNotMoveTheSourcePosition() {
        ByteBuffer value = ByteBuffer.wrap(new byte[] {9, 8, 7});
        value.position(1);
        Primitives.writeBytes(value, out());
        assertEquals(1, value.position());
    }

    @Test
    void anyNegativeBytesLengthIsNull() {
        assertNull(read("fffffffe", b -> Primitives.readBytes(b, "test value")));
        assertNull(read("80000000", b -> Primitives.readBytes(b, "test value")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fffffffd", "80000000"})
    void valueLengthBelowMinusTwoIsAnError(String length) {
        assertMalformed(length, b -> Primitives.readValue(b, "test value"));
    }

    @Test
    void malformedBytes() {
        assertMalformed("00000003 0102", b -> Primitives.readBytes(b, "test value"));
        assertMalformed("7fffffff 01", b -> Primitives.readBytes(b, "test value")); // 2 GB announced
        assertMalformed("00000003 0102", b -> Primitives.readValue(b, "test value"));
        assertMalformed("0003 0102", b -> Primitives.readShortBytes(b, "test value"));
        assertMalformed("ffff 0000", b -> Primitives.readBytesMap(b, "test value"));
        assertMalformed("0001 000161 0000", b -> Primitives.readBytesMap(b, "test value"));
    }

    @Test
    void bytesMap() {
        Map<String, ByteBuffer> map = new LinkedHashMap<>();
        map.put("k", ByteBuffer.wrap(new byte[] {1}));
        map.put("n", null);
        ByteBuf out = out();
        Primitives.writeBytesMap(map, out);
        Bytes.assertBytes("0002 00016b 00000001 01 00016e ffffffff", out);
        assertEquals(map, Primitives.readBytesMap(out, "test value"));
    }

    // ---------------------------------------------------------------- addresses

    @Test
    void inet() throws Exception {
        ByteBuf out = out();
        InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 9042);
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 65535);
        Primitives.writeInet(v4, out);
        Primitives.writeInet(v6, out);
        Primitives.writeInetAddr(v4.getAddress(), out);
        Bytes.assertBytes("04 7f000001 00002352 10 20010db8000000000000000000000001 0000ffff 04 7f000001", out);
        assertEquals(v4, Primitives.readInet(out, "test value"));
        assertEquals(v6, Primitives.readInet(out, "test value"));
        assertEquals(v4.getAddress(), Primitives.readInetAddr(out, "test value"));
    }

    @Test
    void malformedInet() {
        assertMalformed("05 0102030405 00002352", b -> Primitives.readInet(b, "test value"));
        assertMalformed("00", b -> Primitives.readInetAddr(b, "test value"));
        assertMalformed("10 0102030405", b -> Primitives.readInetAddr(b, "test value"));
        assertMalformed("04 7f000001 0000", b -> Primitives.readInet(b, "test value"));
        assertMalformed("04 7f000001 00010000", b -> Primitives.readInet(b, "test value"));
        assertMalformed("04 7f000001 ffffffff", b -> Primitives.readInet(b, "test value"));
    }

    // ---------------------------------------------------------------- vints

    @Test
    void specExampleUnsignedVInt() {
        // "256 000 will be encoded on 3 bytes as [110]00011 11101000 00000000"
        ByteBuf out = out();
        Primitives.writeUnsignedVInt(256_000, out);
        Bytes.assertBytes("c3e800", out);
        assertEquals(3, Primitives.unsignedVIntSize(256_000));
        assertEquals(256_000, Primitives.readUnsignedVInt(out, "test value"));
    }

    @ParameterizedTest(name = "unsigned vint {0} = {1}")
    @CsvSource({
        "0, 00",
        "1, 01",
        "127, 7f",
        "128, 8080",
        "16383, bfff",
        "16384, c04000",
        "2097151, dfffff",
        "2097152, e0200000",
        "72057594037927935, feffffffffffffff",     // 2^56 - 1: the longest 8-byte form
        "72057594037927936, ff0100000000000000",   // 2^56: the 9-byte form
        "9223372036854775807, ff7fffffffffffffff", // Long.MAX_VALUE
        "-1, ffffffffffffffffff",                  // 2^64 - 1 as an unsigned value
    })
    void unsignedVIntBoundaries(long value, String hex) {
        ByteBuf out = out();
        Primitives.writeUnsignedVInt(value, out);
        Bytes.assertBytes(hex, out);
        assertEquals(hex.length() / 2, Primitives.unsignedVIntSize(value));
        assertEquals(value, Primitives.readUnsignedVInt(out, "test value"));
        assertFalse(out.isReadable());
    }

    @ParameterizedTest(name = "vint {0} = {1}")
    @CsvSource({
        "0, 00",
        "-1, 01",
        "1, 02",
        "-2, 03",
        "63, 7e",
        "-64, 7f",
        "64, 8080",
        "128000, c3e800",                         // zig-zags to 256000: the spec's example
        "9223372036854775807, fffffffffffffffffe", // Long.MAX_VALUE
        "-9223372036854775808, ffffffffffffffffff", // Long.MIN_VALUE
    })
    void signedVIntBoundaries(long value, String hex) {
        ByteBuf out = out();
        Primitives.writeVInt(value, out);
        Bytes.assertBytes(hex, out);
        assertEquals(hex.length() / 2, Primitives.vIntSize(value));
        assertEquals(value, Primitives.readVInt(out, "test value"));
    }

    @Test
    void everyVIntLengthRoundTrips() {
        ByteBuf out = out();
        for (int bits = 0; bits < 64; bits++) {
            for (long value : new long[] {1L << bits, (1L << bits) - 1, -(1L << bits), ~(1L << bits)}) {
                out.clear();
                Primitives.writeVInt(value, out);
                assertEquals(Primitives.vIntSize(value), out.readableBytes(), "size of " + value);
                assertEquals(value, Primitives.readVInt(out, "test value"));
                out.clear();
                Primitives.writeUnsignedVInt(value, out);
                assertEquals(Primitives.unsignedVIntSize(value), out.readableBytes(), "unsigned size of " + value);
                assertEquals(value, Primitives.readUnsignedVInt(out, "test value"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "80", "c000", "e00000", "ff00000000000000"})
    void truncatedVInt(String hex) {
        assertMalformed(hex, b -> Primitives.readUnsignedVInt(b, "test value"));
        assertMalformed(hex, b -> Primitives.readVInt(b, "test value"));
    }
}
