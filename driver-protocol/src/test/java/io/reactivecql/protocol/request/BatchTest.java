package io.reactivecql.protocol.request;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.MessageRoundTrip;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.reactivecql.protocol.ProtocolVersion.V4;
import static io.reactivecql.protocol.ProtocolVersion.V5;
import static io.reactivecql.protocol.request.QueryTest.bytes;
import static io.reactivecql.protocol.request.QueryTest.int32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BATCH (section 4.1.7): types, both statement kinds, every flag, v4 [byte] and v5 [int] flags. */
class BatchTest {

    private static final BatchCodec CODEC = new BatchCodec();

    private static final String INSERT = "INSERT INTO t (k) VALUES (?)";
    /** [long string] INSERT. */
    private static final String INSERT_HEX = "0000001c" + "494e5345525420494e544f207420286b292056414c55455320283f29";

    /** A query statement with one value and a prepared one with a NULL and an unset value. */
    private static Batch.Builder twoStatements(BatchType type) {
        return Batch.builder(type)
                .addQuery(INSERT, int32(1))
                .addPrepared(bytes(0x01, 0x02), null, Primitives.UNSET);
    }

    /** The {@code <n><query_1><query_2>} of {@link #twoStatements}. */
    private static final String TWO_STATEMENTS = ""
            + "0002"                    // <n> 2 statements
            + "00"                      // <kind> 0: query string
            + INSERT_HEX                // <string_or_id> [long string]
            + "0001"                    // <n> 1 value
            + "00000004" + "00000001"   // [value] int 1
            + "01"                      // <kind> 1: prepared id
            + "0002" + "0102"           // <string_or_id> [short bytes]
            + "0002"                    // <n> 2 values
            + "ffffffff"                // [value] null
            + "fffffffe";               // [value] unset

    @Test
    void opcode() {
        assertEquals(Opcode.BATCH, CODEC.opcode());
        assertEquals(Opcode.BATCH, Batch.builder(BatchType.LOGGED).build().opcode());
    }

    @Test
    void loggedV4() {
        Batch decoded = MessageRoundTrip.assertRoundTrip(CODEC,
                twoStatements(BatchType.LOGGED).consistency(ConsistencyLevel.QUORUM).build(), V4, ""
                + "00"                  // <type> LOGGED
                + TWO_STATEMENTS
                + "0004"                // <consistency> QUORUM
                + "00");                // <flags> [byte]: none
        assertSame(Primitives.UNSET, decoded.statements().get(1).values().get(1));
    }

    @Test
    void loggedV5() {
        MessageRoundTrip.assertRoundTrip(CODEC,
                twoStatements(BatchType.LOGGED).consistency(ConsistencyLevel.QUORUM).build(), V5, ""
                + "00"                  // <type> LOGGED
                + TWO_STATEMENTS
                + "0004"                // <consistency> QUORUM
                + "00000000");          // <flags> [int]: none
    }

    @Test
    void unloggedWithSerialAndTimestampV4() {
        Batch batch = Batch.builder(BatchType.UNLOGGED)
                .addQuery(INSERT, int32(1))
                .serialConsistency(ConsistencyLevel.LOCAL_SERIAL)
                .defaultTimestamp(123456789L)
                .build();
        MessageRoundTrip.assertRoundTrip(CODEC, batch, V4, ""
                + "01"                      // <type> UNLOGGED
                + "0001"                    // <n> 1 statement
                + "00" + INSERT_HEX         // query string
                + "0001" + "00000004" + "00000001" // 1 value: int 1
                + "0001"                    // <consistency> ONE, the default
                + "30"                      // <flags> serial 0x10 | timestamp 0x20
                + "0009"                    // <serial_consistency> LOCAL_SERIAL
                + "00000000075bcd15");      // <timestamp> 123456789
    }

    @Test
    void counterWithEveryFlagV5() {
        Batch batch = Batch.builder(BatchType.COUNTER)
                .addPrepared(bytes(0xAB))
                .consistency(ConsistencyLevel.LOCAL_QUORUM)
                .serialConsistency(ConsistencyLevel.SERIAL)
                .defaultTimestamp(123456789L)
                .keyspace("ks1")
                .nowInSeconds(1700000000)
                .build();
        MessageRoundTrip.assertRoundTrip(CODEC, batch, V5, ""
                + "02"                  // <type> COUNTER
                + "0001"                // <n> 1 statement
                + "01" + "0001" + "ab"  // prepared id 0xAB
                + "0000"                // no values
                + "0006"                // <consistency> LOCAL_QUORUM
                + "000001b0"            // <flags> serial 0x10 | timestamp 0x20 | keyspace 0x80 | now 0x100
                + "0008"                // <serial_consistency> SERIAL
                + "00000000075bcd15"    // <timestamp> 123456789
                + "0003" + "6b7331"     // <keyspace> "ks1"
                + "6553f100");          // <now_in_seconds> 1700000000
    }

    @Test
    void emptyBatch() {
        MessageRoundTrip.assertRoundTrip(CODEC, Batch.builder(BatchType.LOGGED).build(), V5, ""
                + "00" + "0000"         // LOGGED, no statements
                + "0001" + "00000000"); // ONE, no flags
    }

    @Test
    void v5OptionsOnV4AreRefused() {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            IllegalArgumentException keyspace = assertThrows(IllegalArgumentException.class,
                    () -> CODEC.encode(twoStatements(BatchType.LOGGED).keyspace("ks").build(), out, V4));
            assertEquals("keyspace per query needs protocol v5", keyspace.getMessage());
            IllegalArgumentException now = assertThrows(IllegalArgumentException.class,
                    () -> CODEC.encode(twoStatements(BatchType.LOGGED).nowInSeconds(1).build(), out, V4));
            assertEquals("now_in_seconds needs protocol v5", now.getMessage());
            assertEquals(0, out.writerIndex());
        } finally {
            out.release();
        }
    }

    @Test
    void failureMidEncodingRestoresWriterIndex() {
        Batch batch = Batch.builder(BatchType.LOGGED).addQuery(INSERT).keyspace("k".repeat(70_000)).build();
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            assertThrows(IllegalArgumentException.class, () -> CODEC.encode(batch, out, V5));
            assertEquals(0, out.writerIndex());
        } finally {
            out.release();
        }
    }

    @Test
    void statementsAreCheckedAndCompareUnsetByIdentity() {
        assertThrows(IllegalArgumentException.class, () -> new BatchStatement(null, null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new BatchStatement("q", bytes(1), List.of()));
        assertThrows(IllegalArgumentException.class, () -> BatchStatement.prepared(ByteBuffer.allocate(65_536)));
        assertThrows(NullPointerException.class, () -> BatchStatement.query(null));
        assertNotEquals(BatchStatement.query("q", Primitives.UNSET), BatchStatement.query("q", ByteBuffer.allocate(0)));
        assertEquals(BatchStatement.query("q", Primitives.UNSET), BatchStatement.query("q", Primitives.UNSET));
        assertEquals(BatchStatement.KIND_PREPARED, BatchStatement.prepared(bytes(1)).kind());
        assertEquals(BatchStatement.KIND_QUERY, BatchStatement.query("q").kind());
    }

    @Test
    void batchArgumentsAreChecked() {
        assertThrows(NullPointerException.class, () -> Batch.builder(null));
        assertThrows(IllegalArgumentException.class,
                () -> Batch.builder(BatchType.LOGGED).serialConsistency(ConsistencyLevel.ONE).build());
        assertThrows(IllegalArgumentException.class, () -> Batch.builder(BatchType.LOGGED).defaultTimestamp(-2).build());
        assertThrows(IllegalArgumentException.class, () -> Batch.builder(BatchType.LOGGED).keyspace("").build());
        List<BatchStatement> tooMany = Collections.nCopies(65_536, BatchStatement.query("q"));
        assertThrows(IllegalArgumentException.class, () -> new Batch(BatchType.LOGGED, tooMany, ConsistencyLevel.ONE,
                null, QueryOptions.NO_DEFAULT_TIMESTAMP, null, QueryOptions.NO_NOW_IN_SECONDS));
        List<BatchStatement> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> new Batch(BatchType.LOGGED, withNull, ConsistencyLevel.ONE,
                null, QueryOptions.NO_DEFAULT_TIMESTAMP, null, QueryOptions.NO_NOW_IN_SECONDS));
    }

    @Test
    void builtBatchIsNotChangedByTheBuilder() {
        Batch.Builder builder = Batch.builder(BatchType.LOGGED).addQuery("a");
        Batch batch = builder.build();
        builder.addQuery("b");
        assertEquals(1, batch.statements().size());
        assertThrows(UnsupportedOperationException.class, () -> batch.statements().add(BatchStatement.query("c")));
    }

    // ---------------------------------------------------------------- malformed input

    @Test
    void truncatedOrMutatedV4() {
        MalformedInput.assertRobust(CODEC, V4, "00" + TWO_STATEMENTS + "0004" + "30" + "0009" + "00000000075bcd15");
    }

    @Test
    void truncatedOrMutatedV5() {
        MalformedInput.assertRobust(CODEC, V5, "02" + TWO_STATEMENTS + "0006" + "000001b0"
                + "0008" + "00000000075bcd15" + "0003" + "6b7331" + "6553f100");
    }

    @Test
    void unknownBatchTypeIsRefused() {
        ProtocolException e = MalformedInput.assertRejected(CODEC, V4, "03" + "0000" + "0001" + "00");
        assertTrue(e.getMessage().contains("unknown BATCH type 3"), e.getMessage());
    }

    @Test
    void unknownStatementKindIsRefused() {
        ProtocolException e = MalformedInput.assertRejected(CODEC, V4, "00" + "0001" + "02" + "0000" + "0000" + "0001" + "00");
        assertTrue(e.getMessage().contains("unknown kind 2 of BATCH statement 0"), e.getMessage());
    }

    @Test
    void lowFlagBitsAreRefused() {
        for (String flags : new String[] {"01", "02", "04", "08"}) {
            ProtocolException e = MalformedInput.assertRejected(CODEC, V4, "00" + "0000" + "0001" + flags);
            assertTrue(e.getMessage().contains("must be 0"), e.getMessage());
        }
        MalformedInput.assertRejected(CODEC, V5, "00" + "0000" + "0001" + "0000000f");
    }

    @Test
    void namesForValuesIsRefused() {
        ProtocolException e = MalformedInput.assertRejected(CODEC, V5, "00" + "0000" + "0001" + "00000040");
        assertTrue(e.getMessage().contains("names for values"), e.getMessage());
    }

    @Test
    void unknownFlagBitsAreRefused() {
        // 0x80 (keyspace) does not exist in v4
        ProtocolException v4 = MalformedInput.assertRejected(CODEC, V4, "00" + "0000" + "0001" + "80");
        assertTrue(v4.getMessage().contains("unknown BATCH flags 0x80"), v4.getMessage());
        MalformedInput.assertRejected(CODEC, V5, "00" + "0000" + "0001" + "00000200");
    }

    @Test
    void countsBeyondTheBytesAreRefused() {
        // 65535 statements announced, none present
        ProtocolException statements = MalformedInput.assertRejected(CODEC, V4, "00" + "ffff" + "0001" + "00");
        assertTrue(statements.getMessage().contains("BATCH statements"), statements.getMessage());
        // 65535 values announced in one statement
        MalformedInput.assertRejected(CODEC, V4, "00" + "0001" + "01" + "0000" + "ffff" + "0001" + "00");
    }

    @Test
    void unknownConsistencyIsRefused() {
        ProtocolException e = MalformedInput.assertRejected(CODEC, V4, "00" + "0000" + "ffff" + "00");
        assertTrue(e.getMessage().contains("BATCH consistency"), e.getMessage());
    }
}
