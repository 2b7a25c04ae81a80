package io.reactivecql.protocol.request;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.MessageRoundTrip;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.ProtocolException;
import io.reactivecql.protocol.ProtocolVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static io.reactivecql.protocol.ProtocolVersion.V4;
import static io.reactivecql.protocol.ProtocolVersion.V5;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** QUERY (section 4.1.4): every flag of the query parameters, byte for byte, on v4 and v5. */
class QueryTest {

    private static final QueryCodec CODEC = new QueryCodec();

    /** [long string] "SELECT * FROM t". */
    private static final String SELECT = "0000000f" + "53454c454354202a2046524f4d2074";
    /** [long string] "SELECT * FROM t WHERE k=?". */
    private static final String SELECT_K = "00000019" + "53454c454354202a2046524f4d2074205748455245206b3d3f";

    static ByteBuffer bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return ByteBuffer.wrap(b);
    }

    static ByteBuffer int32(int value) {
        return ByteBuffer.allocate(4).putInt(0, value);
    }

    @Test
    void opcode() {
        assertEquals(Opcode.QUERY, CODEC.opcode());
        assertEquals(Opcode.QUERY, new Query("x").opcode());
    }

    @Test
    void defaultsV4() {
        MessageRoundTrip.assertRoundTrip(CODEC, new Query("SELECT * FROM t"), V4, ""
                + SELECT       // <query>
                + "0001"       // <consistency> ONE, the default
                + "00");       // <flags> [byte]: nothing follows
    }

    @Test
    void defaultsV5() {
        MessageRoundTrip.assertRoundTrip(CODEC, new Query("SELECT * FROM t"), V5, ""
                + SELECT       // <query>
                + "0001"       // <consistency> ONE
                + "00000000"); // <flags> [int]: nothing follows
    }

    /** Each flag alone: the options, and the parameters' bytes after consistency and flags. */
    static Stream<Arguments> singleFlags() {
        QueryOptions.Builder b = QueryOptions.builder().consistency(ConsistencyLevel.LOCAL_QUORUM);
        return Stream.of(
                Arguments.of(0x01, QueryOptions.builder().consistency(ConsistencyLevel.LOCAL_QUORUM)
                        .values(int32(7)).build(),
                        "0001"                       // <n> 1 value
                        + "00000004" + "00000007"),  // [value] int 7
                Arguments.of(0x02, b.build().toBuilder().skipMetadata(true).build(),
                        ""),                         // skip metadata: the flag only
                Arguments.of(0x04, b.build().toBuilder().pageSize(5000).build(),
                        "00001388"),                 // <result_page_size> [int] 5000
                Arguments.of(0x08, b.build().toBuilder().pagingState(bytes(0xCA, 0xFE, 0x01)).build(),
                        "00000003" + "cafe01"),      // <paging_state> [bytes]
                Arguments.of(0x10, b.build().toBuilder().serialConsistency(ConsistencyLevel.SERIAL).build(),
                        "0008"),                     // <serial_consistency> SERIAL
                Arguments.of(0x20, b.build().toBuilder().defaultTimestamp(123456789L).build(),
                        "00000000075bcd15"),         // <timestamp> [long] 123456789
                Arguments.of(0x41, QueryOptions.builder().consistency(ConsistencyLevel.LOCAL_QUORUM)
                        .namedValues(List.of("k"), List.of(int32(7))).build(),
                        "0001"                       // <n> 1 value
                        + "0001" + "6b"              // [string] name "k"
                        + "00000004" + "00000007")); // [value] int 7
    }

    @ParameterizedTest(name = "flag 0x{0}")
    @MethodSource("singleFlags")
    void eachFlagAloneV4(int flag, QueryOptions options, String parameters) {
        MessageRoundTrip.assertRoundTrip(CODEC, new Query("SELECT * FROM t WHERE k=?", options), V4, ""
                + SELECT_K                          // <query>
                + "0006"                            // <consistency> LOCAL_QUORUM
                + String.format("%02x", flag)       // <flags> [byte]
                + parameters);
    }

    @ParameterizedTest(name = "flag 0x{0}")
    @MethodSource("singleFlags")
    void eachFlagAloneV5(int flag, QueryOptions options, String parameters) {
        MessageRoundTrip.assertRoundTrip(CODEC, new Query("SELECT * FROM t WHERE k=?", options), V5, ""
                + SELECT_K                          // <query>
                + "0006"                            // <consistency> LOCAL_QUORUM
                + String.format("%08x", flag)       // <flags> [int]
                + parameters);
    }

    private static QueryOptions.Builder everyV4Option() {
        return QueryOptions.builder()
                .consistency(ConsistencyLevel.QUORUM)
                .values(int32(1), null, Primitives.UNSET)
                .skipMetadata(true)
                .pageSize(100)
                .pagingState(bytes(0xCA, 0xFE))
                .serialConsistency(ConsistencyLevel.LOCAL_SERIAL)
                .defaultTimestamp(123456789L);
    }

    /** The parameters every v4 flag but names adds, after the flags. */
    private static final String EVERY_V4_PARAMETER = ""
            + "0003"                    // <n> 3 values
            + "00000004" + "00000001"   // [value] int 1
            + "ffffffff"                // [value] null (-1)
            + "fffffffe"                // [value] unset (-2)
            + "00000064"                // <result_page_size> 100
            + "00000002" + "cafe"       // <paging_state> [bytes]
            + "0009"                    // <serial_consistency> LOCAL_SERIAL
            + "00000000075bcd15";       // <timestamp> 123456789

    @Test
    void everyV4FlagOnV4() {
        Query decoded = MessageRoundTrip.assertRoundTrip(CODEC, new Query("SELECT * FROM t WHERE k=?", everyV4Option().build()),
                V4, ""
                + SELECT_K              // <query>
                + "0004"                // <consistency> QUORUM
                + "3f"                  // <flags> values|skip|page size|paging state|serial|timestamp
                + EVERY_V4_PARAMETER);
        // UNSET decodes to the marker itself, null to null
        assertSame(Primitives.UNSET, decoded.options().values().get(2));
        assertNull(decoded.options().values().get(1));
    }

    @Test
    void everyV4FlagOnV5() {
        MessageRoundTrip.assertRoundTrip(CODEC, new Query("SELECT * FROM t WHERE k=?", everyV4Option().build()), V5, ""
                + SELECT_K              // <query>
                + "0004"                // <consistency> QUORUM
                + "0000003f"            // <flags> [int]
                + EVERY_V4_PARAMETER);
    }

    @Test
    void keyspaceAndNowInSecondsV5() {
        QueryOptions options = QueryOptions.builder().keyspace("ks1").nowInSeconds(1700000000).build();
        MessageRoundTrip.assertRoundTrip(CODEC, new Query("SELECT * FROM t", options), V5, ""
                + SELECT                // <query>
                + "0001"                // <consistency> ONE
                + "00000180"            // <flags> keyspace 0x80 | now_in_seconds 0x100
                + "0003" + "6b7331"     // <keyspace> [string] "ks1"
                + "6553f100");          // <now_in_seconds> [int] 1700000000
    }

    @Test
    void everyFlagV5() {
        QueryOptions options = QueryOptions.builder()
                .consistency(ConsistencyLevel.EACH_QUORUM)
                .namedValues(List.of("k", "v"), List.of(int32(42), bytes(0x61, 0x62, 0x63)))
                .skipMetadata(true)
                .pageSize(100)
                .pagingState(bytes(0xCA, 0xFE))
                .serialConsistency(ConsistencyLevel.SERIAL)
                .defaultTimestamp(123456789L)
                .keyspace("ks")
                .nowInSeconds(-1)
                .build();
        MessageRoundTrip.assertRoundTrip(CODEC, new Query("SELECT * FROM t WHERE k=?", options), V5, ""
                + SELECT_K                  // <query>
                + "0007"                    // <consistency> EACH_QUORUM
                + "000001ff"                // <flags> all nine
                + "0002"                    // <n> 2 values
                + "0001" + "6b"             // name "k"
                + "00000004" + "0000002a"   // [value] int 42
                + "0001" + "76"             // name "v"
                + "00000003" + "616263"     // [value] "abc"
                + "00000064"                // <result_page_size> 100
                + "00000002" + "cafe"       // <paging_state>
                + "0008"                    // <serial_consistency> SERIAL
                + "00000000075bcd15"        // <timestamp> 123456789
                + "0002" + "6b73"           // <keyspace> "ks"
                + "ffffffff");              // <now_in_seconds> -1
    }

    @Test
    void keyspaceOnV4IsRefusedBeforeWriting() {
        Query query = new Query("SELECT * FROM t", QueryOptions.builder().keyspace("ks").build());
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            out.writeByte(0x99); // bytes already in the buffer stay, nothing is added
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CODEC.encode(query, out, V4));
            assertEquals("keyspace per query needs protocol v5", e.getMessage());
            assertEquals(1, out.writerIndex());
        } finally {
            out.release();
        }
    }

    @Test
    void nowInSecondsOnV4IsRefused() {
        Query query = new Query("SELECT * FROM t", QueryOptions.builder().nowInSeconds(5).build());
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CODEC.encode(query, out, V4));
            assertEquals("now_in_seconds needs protocol v5", e.getMessage());
            assertEquals(0, out.writerIndex());
        } finally {
            out.release();
        }
    }

    @Test
    void failureMidEncodingRestoresWriterIndex() {
        // a name longer than a [string] can hold fails after the query string was written
        String longName = "n".repeat(70_000);
        Query query = new Query("SELECT * FROM t",
                QueryOptions.builder().namedValues(List.of(longName), List.of(int32(1))).build());
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            assertThrows(IllegalArgumentException.class, () -> CODEC.encode(query, out, V5));
            assertEquals(0, out.writerIndex());
        } finally {
            out.release();
        }
    }

    @Test
    void encodingNeitherMovesNorNeedsArrayBackedBuffers() {
        ByteBuffer sliced = ByteBuffer.wrap(new byte[] {9, 0, 0, 0, 7, 9});
        sliced.position(1).limit(5);                       // remaining: 00000007
        ByteBuffer direct = ByteBuffer.allocateDirect(2).put(0, (byte) 0xAB).put(1, (byte) 0xCD);
        ByteBuffer readOnly = bytes(0xEF).asReadOnlyBuffer();
        Query query = new Query("SELECT * FROM t", QueryOptions.of(ConsistencyLevel.ONE, sliced, direct, readOnly));
        MessageRoundTrip.assertRoundTrip(CODEC, query, V4, ""
                + SELECT                    // <query>
                + "0001" + "01"             // ONE, values flag
                + "0003"                    // <n>
                + "00000004" + "00000007"   // the slice's remaining bytes only
                + "00000002" + "abcd"       // a direct buffer
                + "00000001" + "ef");       // a read-only heap buffer
        assertEquals(1, sliced.position());
        assertEquals(0, direct.position());
        assertEquals(0, readOnly.position());
    }

    @Test
    void namesFlagWithoutValuesFlagIsIgnored() {
        Query decoded = MessageRoundTrip.decode(CODEC, V4, SELECT + "0001" + "40");
        assertEquals(new Query("SELECT * FROM t"), decoded);
    }

    @Test
    void nullPagingStateMeansNone() {
        Query decoded = MessageRoundTrip.decode(CODEC, V4, SELECT + "0001" + "08" + "ffffffff");
        assertNull(decoded.options().pagingState());
    }

    // ---------------------------------------------------------------- malformed input

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void truncatedOrMutatedEncodingsOnlyThrowProtocolException(ProtocolVersion version) {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            QueryOptions.Builder options = everyV4Option().namedValues(List.of("k"), List.of(int32(1)));
            if (version == V5) {
                options.keyspace("ks").nowInSeconds(7);
            }
            CODEC.encode(new Query("SELECT * FROM t WHERE k=?", options.build()), out, version);
            MalformedInput.assertRobust(CODEC, version, io.reactivecql.protocol.Bytes.toHex(out));
        } finally {
            out.release();
        }
    }

    @Test
    void unknownFlagBitsAreRefused() {
        ProtocolException v4 = MalformedInput.assertRejected(CODEC, V4, SELECT + "0001" + "80");
        assertTrue(v4.getMessage().contains("unknown QUERY flags 0x80"), v4.getMessage());
        ProtocolException v5 = MalformedInput.assertRejected(CODEC, V5, SELECT + "0001" + "00000200");
        assertTrue(v5.getMessage().contains("unknown QUERY flags 0x200"), v5.getMessage());
        MalformedInput.assertRejected(CODEC, V5, SELECT + "0001" + "80000000");
    }

    @Test
    void unknownConsistencyIsRefused() {
        ProtocolException e = MalformedInput.assertRejected(CODEC, V4, SELECT + "000b" + "00");
        assertTrue(e.getMessage().contains("QUERY consistency code 0x000B"), e.getMessage());
    }

    @Test
    void valueCountBeyondTheBytesIsRefusedBeforeAllocating() {
        ProtocolException e = MalformedInput.assertRejected(CODEC, V4, SELECT + "0001" + "01" + "ffff" + "00000000");
        assertTrue(e.getMessage().contains("QUERY values needs 262140 bytes"), e.getMessage());
    }

    @Test
    void valueLengthBelowMinusTwoIsRefused() {
        MalformedInput.assertRejected(CODEC, V4, SELECT + "0001" + "01" + "0001" + "fffffffd");
    }

    @Test
    void queryLengthBeyondTheBytesIsRefused() {
        MalformedInput.assertRejected(CODEC, V4, "7fffffff" + "0001" + "00");
        MalformedInput.assertRejected(CODEC, V4, "ffffffff" + "0001" + "00");
    }

    @Test
    void outOfRangeParametersAreRefused() {
        // page size must be positive
        MalformedInput.assertRejected(CODEC, V4, SELECT + "0001" + "04" + "00000000");
        // serial consistency must be SERIAL or LOCAL_SERIAL
        ProtocolException serial = MalformedInput.assertRejected(CODEC, V4, SELECT + "0001" + "10" + "0004");
        assertTrue(serial.getMessage().contains("QUORUM"), serial.getMessage());
        // negative timestamps are forbidden
        MalformedInput.assertRejected(CODEC, V4, SELECT + "0001" + "20" + "ffffffffffffffff");
        // keyspace flag with an empty keyspace
        MalformedInput.assertRejected(CODEC, V5, SELECT + "0001" + "00000080" + "0000");
        // now_in_seconds: Integer.MIN_VALUE is the "none" marker
        MalformedInput.assertRejected(CODEC, V5, SELECT + "0001" + "00000100" + "80000000");
    }

    @Test
    void argumentsAreChecked() {
        assertThrows(NullPointerException.class, () -> new Query(null));
        assertThrows(NullPointerException.class, () -> new Query("x", null));
        assertEquals(Arrays.asList((ByteBuffer) null), new Query("x", QueryOptions.of(ConsistencyLevel.ONE, (ByteBuffer) null))
                .options().values());
    }
}
