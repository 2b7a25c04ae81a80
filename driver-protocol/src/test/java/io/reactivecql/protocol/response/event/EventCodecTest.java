package io.reactivecql.protocol.response.event;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.response.result.CodecAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What concerns every event: the opcode and the rejection of unknown event types. */
class EventCodecTest {

    private static final EventCodec CODEC = new EventCodec();

    @Test
    void opcode() {
        assertEquals(Opcode.EVENT, CODEC.opcode());
        assertEquals(Opcode.EVENT, new StatusChangeEvent(StatusChangeEvent.Status.UP,
                new InetSocketAddress("127.0.0.1", 9042)).opcode());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void unknownEventTypeIsRejected(ProtocolVersion version) {
        // "CLIENT_CHANGE"
        CodecAssertions.assertRejected(CODEC, version, "000d 434c49454e545f4348414e4745 0002 5550",
                "unknown event type 'CLIENT_CHANGE'");
        // case matters: "status_change"
        CodecAssertions.assertRejected(CODEC, version, "000d 7374617475735f6368616e6765 0002 5550",
                "unknown event type 'status_change'");
    }

    @Test
    void unresolvedAddressCannotBeEncoded() {
        StatusChangeEvent event = new StatusChangeEvent(StatusChangeEvent.Status.UP,
                InetSocketAddress.createUnresolved("node1", 9042));
        ByteBuf out = Unpooled.buffer();
        try {
            assertThrows(IllegalArgumentException.class, () -> CODEC.encode(event, out, ProtocolVersion.V5));
        } finally {
            out.release();
        }
    }
}
