package io.reactivecql.protocol.request;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.reactivecql.protocol.Bytes;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.MessageRoundTrip;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static io.reactivecql.protocol.ProtocolVersion.V4;
import static io.reactivecql.protocol.ProtocolVersion.V5;
import static io.reactivecql.protocol.request.QueryTest.bytes;
import static io.reactivecql.protocol.request.QueryTest.int32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EXECUTE (section 4.1.6): v4 {@code <id><query_parameters>}, v5 adds {@code <result_metadata_id>}. */
class ExecuteTest {

    private static final ExecuteCodec CODEC = new ExecuteCodec();

    /** A 16-byte id, as Cassandra's MD5 ids are. */
    private static final ByteBuffer ID = bytes(0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
            0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF);
    private static final String ID_HEX = "0010" + "00112233445566778899aabbccddeeff"; // [short bytes] 16

    private static final QueryOptions OPTIONS = QueryOptions.builder()
            .consistency(ConsistencyLevel.LOCAL_QUORUM)
            .values(int32(1), Primitives.UNSET)
            .skipMetadata(true)
            .pageSize(5000)
            .build();

    /** What {@link #OPTIONS} adds after the flags. */
    private static final String VALUES_AND_PAGE = ""
            + "0002"                    // <n> 2 values
            + "00000004" + "00000001"   // [value] int 1
            + "fffffffe"                // [value] unset
            + "00001388";               // <result_page_size> 5000

    @Test
    void opcode() {
        assertEquals(Opcode.EXECUTE, CODEC.opcode());
        assertEquals(Opcode.EXECUTE, new Execute(ID, QueryOptions.DEFAULT).opcode());
    }

    @Test
    void v4() {
        MessageRoundTrip.assertRoundTrip(CODEC, new Execute(ID, OPTIONS), V4, ""
                + ID_HEX                // <id>
                + "0006"                // <consistency> LOCAL_QUORUM
                + "07"                  // <flags> [byte] values | skip metadata | page size
                + VALUES_AND_PAGE);
    }

    @Test
    void v5() {
        MessageRoundTrip.assertRoundTrip(CODEC, new Execute(ID, bytes(0xAB, 0xCD), OPTIONS), V5, ""
                + ID_HEX                // <id>
                + "0002" + "abcd"       // <result_metadata_id> [short bytes]
                + "0006"                // <consistency> LOCAL_QUORUM
                + "00000007"            // <flags> [int]
                + VALUES_AND_PAGE);
    }

    @Test
    void v5WithEmptyIdsAndV5Options() {
        QueryOptions options = QueryOptions.builder().nowInSeconds(1700000000).build();
        MessageRoundTrip.assertRoundTrip(CODEC, new Execute(bytes(), bytes(), options), V5, ""
                + "0000"                // <id> empty
                + "0000"                // <result_metadata_id> empty
                + "0001"                // <consistency> ONE
                + "00000100"            // <flags> now_in_seconds
                + "6553f100");          // <now_in_seconds> 1700000000
    }

    @Test
    void resultMetadataIdMustMatchTheVersion() {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            IllegalArgumentException v5 = assertThrows(IllegalArgumentException.class,
                    () -> CODEC.encode(new Execute(ID, QueryOptions.DEFAULT), out, V5));
            assertTrue(v5.getMessage().contains("resultMetadataId"), v5.getMessage());
            IllegalArgumentException v4 = assertThrows(IllegalArgumentException.class,
                    () -> CODEC.encode(new Execute(ID, bytes(1), QueryOptions.DEFAULT), out, V4));
            assertEquals("resultMetadataId needs protocol v5", v4.getMessage());
            assertEquals(0, out.writerIndex());
        } finally {
            out.release();
        }
    }

    @Test
    void keyspaceIsNotAnExecuteOptionOnV4() {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            Execute execute = new Execute(ID, QueryOptions.builder().keyspace("ks").build());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CODEC.encode(execute, out, V4));
            assertEquals("keyspace per query needs protocol v5", e.getMessage());
            assertEquals(0, out.writerIndex());
        } finally {
            out.release();
        }
    }

    @Test
    void idPositionIsNotMoved() {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            CODEC.encode(new Execute(ID, QueryOptions.DEFAULT), out, V4);
            CODEC.encode(new Execute(ID, QueryOptions.DEFAULT), out, V4);
            Bytes.assertBytes(ID_HEX + "0001" + "00" + ID_HEX + "0001" + "00", out);
            assertEquals(0, ID.position());
        } finally {
            out.release();
        }
    }

    @Test
    void argumentsAreChecked() {
        assertThrows(NullPointerException.class, () -> new Execute(null, QueryOptions.DEFAULT));
        assertThrows(NullPointerException.class, () -> new Execute(ID, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Execute(ByteBuffer.allocate(65_536), QueryOptions.DEFAULT));
        assertTrue(e.getMessage().contains("id"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Execute(ID, ByteBuffer.allocate(65_536), QueryOptions.DEFAULT));
    }

    @Test
    void truncatedOrMutatedV4() {
        MalformedInput.assertRobust(CODEC, V4, ID_HEX + "0006" + "07" + VALUES_AND_PAGE);
    }

    @Test
    void truncatedOrMutatedV5() {
        MalformedInput.assertRobust(CODEC, V5, ID_HEX + "0002abcd" + "0006" + "00000007" + VALUES_AND_PAGE);
    }

    @Test
    void idLongerThanTheBytesIsRefused() {
        ProtocolException e = MalformedInput.assertRejected(CODEC, V4, "ffff" + "0001" + "00");
        assertTrue(e.getMessage().contains("EXECUTE id"), e.getMessage());
    }

    @Test
    void unknownFlagsAreRefused() {
        MalformedInput.assertRejected(CODEC, V4, ID_HEX + "0001" + "80");
        MalformedInput.assertRejected(CODEC, V5, ID_HEX + "0000" + "0001" + "00000400");
    }
}
