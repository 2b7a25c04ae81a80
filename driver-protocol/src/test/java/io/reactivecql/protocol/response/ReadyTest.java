package io.reactivecql.protocol.response;

import io.reactivecql.protocol.MessageRoundTrip;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.ProtocolVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** READY (section 4.2.2): an empty body. */
class ReadyTest {

    private static final ReadyCodec CODEC = new ReadyCodec();

    @Test
    void opcode() {
        assertEquals(Opcode.READY, CODEC.opcode());
        assertEquals(Opcode.READY, Ready.INSTANCE.opcode());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void emptyBody(ProtocolVersion version) {
        assertSame(Ready.INSTANCE, MessageRoundTrip.assertRoundTrip(CODEC, Ready.INSTANCE, version, ""));
        assertEquals(Ready.INSTANCE, new Ready());
    }
}
