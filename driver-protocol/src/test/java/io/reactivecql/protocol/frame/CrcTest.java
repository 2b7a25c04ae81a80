package io.reactivecql.protocol.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.reactivecql.protocol.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Known answers for the header CRC24 and the payload CRC32. The expected values were computed
 * outside this code base: by an independent Python transcription of the algorithm the spec
 * describes (init 0x875060, polynomial 0x1974F0B, bytes least significant first), checked against
 * Cassandra 5.0's own {@code org.apache.cassandra.net.Crc}, and zlib's CRC-32 primed with
 * FA 2D 55 CA.
 */
class CrcTest {

    @ParameterizedTest(name = "crc24({0}, {1} bytes) = {2}")
    @CsvSource({
        // uncompressed headers: 17-bit length | self-contained << 17
        "020009, 3, C1C8A4",    // 9-byte self-contained payload
        "000000, 3, 7DE777",    // empty, not self-contained
        "01FFFF, 3, FE9138",    // 131071 bytes, not self-contained
        "03FFFF, 3, 474025",    // 131071 bytes, self-contained
        // LZ4 headers: compressed | uncompressed << 17 | self-contained << 34
        "0400000009, 5, 95B8C2", // 9 bytes sent as is, self-contained
        "12345678, 5, 440AB5",
    })
    void crc24KnownAnswers(String header, int length, String expected) {
        assertEquals(Integer.parseInt(expected, 16), Crc24.compute(Long.parseLong(header, 16), length),
                () -> String.format("crc24 = %06X", Crc24.compute(Long.parseLong(header, 16), length)));
    }

    @Test
    void crc24IgnoresBytesBeyondLength() {
        assertEquals(0xC1C8A4, Crc24.compute(0xABCDEF_020009L, 3));
    }

    @ParameterizedTest(name = "crc32({0}) = {1}")
    @CsvSource({
        "'', 44777ED3",
        "050000010500000000, 867455B5", // an OPTIONS request envelope
    })
    void crc32KnownAnswers(String hex, String expected) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        int want = (int) Long.parseLong(expected, 16);
        ByteBuf heap = Unpooled.wrappedBuffer(bytes);
        ByteBuf direct = PooledByteBufAllocator.DEFAULT.directBuffer().writeZero(3).writeBytes(bytes);
        CompositeByteBuf composite = Unpooled.compositeBuffer();
        composite.addComponent(true, Unpooled.wrappedBuffer(bytes, 0, bytes.length / 2));
        composite.addComponent(true, PooledByteBufAllocator.DEFAULT.directBuffer()
                .writeBytes(bytes, bytes.length / 2, bytes.length - bytes.length / 2));
        try {
            assertEquals(want, Crc32.compute(heap, 0, bytes.length), "heap");
            assertEquals(want, Crc32.compute(direct, 3, bytes.length), "direct, offset");
            assertEquals(want, Crc32.compute(composite, 0, bytes.length), "composite");
        } finally {
            heap.release();
            direct.release();
            composite.release();
        }
    }

    @Test
    void crc32OfPooledHeapSliceUsesArrayOffset() {
        ByteBuf pooled = PooledByteBufAllocator.DEFAULT.heapBuffer(64).writeZero(10)
                .writeBytes(HexFormat.of().parseHex("050000010500000000"));
        try {
            assertEquals(0x867455B5, Crc32.compute(pooled.slice(10, 9), 0, 9));
            Bytes.assertBytes("050000010500000000", pooled.slice(10, 9));
        } finally {
            pooled.release();
        }
    }
}
