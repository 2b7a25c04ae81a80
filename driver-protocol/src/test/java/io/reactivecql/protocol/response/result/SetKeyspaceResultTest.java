package io.reactivecql.protocol.response.result;

import io.reactivecql.protocol.ProtocolVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.reactivecql.protocol.MessageRoundTrip.assertRoundTrip;

class SetKeyspaceResultTest {

    private static final ResultCodec CODEC = new ResultCodec();

    // identical in v4 and v5
    private static final String HEX = "00000003" // kind Set_keyspace
            + "0006 4d794b657973";                // keyspace "MyKeys" (case kept as sent)

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void roundTrip(ProtocolVersion version) {
        assertRoundTrip(CODEC, new SetKeyspaceResult("MyKeys"), version, HEX);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void everyTruncationFails(ProtocolVersion version) {
        CodecAssertions.assertEveryTruncationFails(CODEC, version, HEX);
    }
}
