package io.reactivecql.protocol.request;

import io.reactivecql.protocol.MessageRoundTrip;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.ProtocolVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** OPTIONS (section 4.1.3): an empty body. */
class OptionsTest {

    private static final OptionsCodec CODEC = new OptionsCodec();

    @Test
    void opcode() {
        assertEquals(Opcode.OPTIONS, CODEC.opcode());
        assertEquals(Opcode.OPTIONS, Options.INSTANCE.opcode());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void emptyBody(ProtocolVersion version) {
        Options decoded = MessageRoundTrip.assertRoundTrip(CODEC, Options.INSTANCE, version, "");
        assertSame(Options.INSTANCE, decoded);
        assertEquals(Options.INSTANCE, new Options());
    }
}
