package io.reactivecql.protocol.request;

import io.reactivecql.protocol.MessageRoundTrip;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.ProtocolException;
import io.reactivecql.protocol.ProtocolVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static io.reactivecql.protocol.ProtocolVersion.V4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** REGISTER (section 4.1.8): a [string list] of event types, the same bytes in v4 and v5. */
class RegisterTest {

    private static final RegisterCodec CODEC = new RegisterCodec();

    private static final String ALL_HEX = ""
            + "0003"                                        // [string list] 3 entries
            + "000f" + "544f504f4c4f47595f4348414e4745"     // "TOPOLOGY_CHANGE"
            + "000d" + "5354415455535f4348414e4745"         // "STATUS_CHANGE"
            + "000d" + "534348454d415f4348414e4745";        // "SCHEMA_CHANGE"

    @Test
    void opcode() {
        assertEquals(Opcode.REGISTER, CODEC.opcode());
        assertEquals(Opcode.REGISTER, Register.all().opcode());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void everyEventType(ProtocolVersion version) {
        MessageRoundTrip.assertRoundTrip(CODEC, Register.all(), version, ALL_HEX);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void oneEventType(ProtocolVersion version) {
        MessageRoundTrip.assertRoundTrip(CODEC, Register.of(Register.SCHEMA_CHANGE), version, ""
                + "0001"                                    // 1 entry
                + "000d" + "534348454d415f4348414e4745");   // "SCHEMA_CHANGE"
    }

    @Test
    void unknownEventTypeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Register.of("FOO"));
        assertTrue(e.getMessage().contains("FOO"), e.getMessage());
        assertThrows(NullPointerException.class, () -> new Register(null));
        ProtocolException p = MalformedInput.assertRejected(CODEC, V4, "0001" + "0003" + "464f4f"); // "FOO"
        assertTrue(p.getMessage().contains("'FOO'"), p.getMessage());
    }

    @Test
    void eventTypesAreUnmodifiable() {
        assertThrows(UnsupportedOperationException.class, () -> Register.all().eventTypes().add("x"));
        assertEquals(List.of(Register.TOPOLOGY_CHANGE, Register.STATUS_CHANGE, Register.SCHEMA_CHANGE),
                Register.all().eventTypes());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void truncatedOrMutated(ProtocolVersion version) {
        MalformedInput.assertRobust(CODEC, version, ALL_HEX);
        MalformedInput.assertRejected(CODEC, version, "ffff" + "0000");
    }
}
