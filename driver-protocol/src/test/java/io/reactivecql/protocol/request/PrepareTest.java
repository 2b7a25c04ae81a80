package io.reactivecql.protocol.request;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.reactivecql.protocol.MessageRoundTrip;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

import static io.reactivecql.protocol.ProtocolVersion.V4;
import static io.reactivecql.protocol.ProtocolVersion.V5;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PREPARE (section 4.1.5): v4 a [long string]; v5 adds [int] flags and an optional keyspace. */
class PrepareTest {

    private static final PrepareCodec CODEC = new PrepareCodec();

    /** [long string] "SELECT * FROM t". */
    private static final String SELECT = "0000000f" + "53454c454354202a2046524f4d2074";

    @Test
    void opcode() {
        assertEquals(Opcode.PREPARE, CODEC.opcode());
        assertEquals(Opcode.PREPARE, new Prepare("x").opcode());
    }

    @Test
    void v4() {
        MessageRoundTrip.assertRoundTrip(CODEC, new Prepare("SELECT * FROM t"), V4,
                SELECT);                // <query>, and nothing else in v4
    }

    @Test
    void v5WithoutKeyspace() {
        MessageRoundTrip.assertRoundTrip(CODEC, new Prepare("SELECT * FROM t"), V5, ""
                + SELECT                // <query>
                + "00000000");          // <flags> [int]: none
    }

    @Test
    void v5WithKeyspace() {
        MessageRoundTrip.assertRoundTrip(CODEC, new Prepare("SELECT * FROM t", "ks"), V5, ""
                + SELECT                // <query>
                + "00000001"            // <flags> 0x01 with keyspace
                + "0002" + "6b73");     // <keyspace> [string] "ks"
    }

    @Test
    void keyspaceOnV4IsRefused() {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CODEC.encode(new Prepare("SELECT * FROM t", "ks"), out, V4));
            assertEquals("keyspace per query needs protocol v5", e.getMessage());
            assertEquals(0, out.writerIndex());
        } finally {
            out.release();
        }
    }

    @Test
    void argumentsAreChecked() {
        assertThrows(NullPointerException.class, () -> new Prepare(null));
        assertThrows(IllegalArgumentException.class, () -> new Prepare("x", ""));
    }

    @Test
    void truncatedOrMutated() {
        MalformedInput.assertRobust(CODEC, V4, SELECT);
        MalformedInput.assertRobust(CODEC, V5, SELECT + "00000001" + "0002" + "6b73");
    }

    @Test
    void unknownFlagsAreRefused() {
        ProtocolException e = MalformedInput.assertRejected(CODEC, V5, SELECT + "00000002");
        assertTrue(e.getMessage().contains("unknown PREPARE flags 0x2"), e.getMessage());
    }

    @Test
    void emptyKeyspaceIsRefused() {
        MalformedInput.assertRejected(CODEC, V5, SELECT + "00000001" + "0000");
    }
}
