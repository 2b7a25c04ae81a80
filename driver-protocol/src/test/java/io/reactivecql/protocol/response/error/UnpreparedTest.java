package io.reactivecql.protocol.response.error;

import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.response.result.CodecAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.reactivecql.protocol.MessageRoundTrip.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnpreparedTest {

    private static final ErrorCodec CODEC = new ErrorCodec();
    private static final byte[] ID = {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe};

    // identical in v4 and v5
    private static final String HEX = "00002500" // code: Unprepared
            + "0002 6e6f"                         // message "no"
            + "0004 cafebabe";                    // id ([short bytes])

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void roundTrip(ProtocolVersion version) {
        Unprepared decoded = (Unprepared) assertRoundTrip(CODEC, new Unprepared("no", ID), version, HEX);
        assertArrayEquals(ID, decoded.id());
        assertTrue(decoded.isId(ID));
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void everyTruncationFails(ProtocolVersion version) {
        CodecAssertions.assertEveryTruncationFails(CODEC, version, HEX);
    }

    @Test
    void valueSemantics() {
        byte[] id = ID.clone();
        Unprepared error = new Unprepared("no", id);
        id[0] = 0; // the constructor copied it
        assertEquals(new Unprepared("no", ID), error);
        assertEquals(new Unprepared("no", ID).hashCode(), error.hashCode());
        assertNotEquals(new Unprepared("no", new byte[] {1}), error);
        assertEquals("Unprepared[message=no, id=0xcafebabe]", error.toString());
    }
}
