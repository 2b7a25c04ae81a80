package io.reactivecql.protocol.response.result;

import io.reactivecql.protocol.MessageRoundTrip;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.ProtocolVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.reactivecql.protocol.MessageRoundTrip.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class VoidResultTest {

    private static final ResultCodec CODEC = new ResultCodec();

    private static final String HEX = "00000001"; // kind Void, nothing follows (v4 and v5)

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void roundTrip(ProtocolVersion version) {
        assertRoundTrip(CODEC, VoidResult.INSTANCE, version, HEX);
        assertSame(VoidResult.INSTANCE, MessageRoundTrip.decode(CODEC, version, HEX));
        assertEquals(Opcode.RESULT, VoidResult.INSTANCE.opcode());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void everyTruncationFails(ProtocolVersion version) {
        CodecAssertions.assertEveryTruncationFails(CODEC, version, HEX);
    }
}
