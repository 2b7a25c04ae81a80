package io.reactivecql.protocol.response.error;

import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.response.result.CodecAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.reactivecql.protocol.MessageRoundTrip.assertRoundTrip;

/** CAS_WRITE_UNKNOWN is listed by the v5 spec only; the codec accepts it on v4 too, with the same body. */
class CasWriteUnknownTest {

    private static final ErrorCodec CODEC = new ErrorCodec();

    private static final String HEX = "00001700" // code: CAS_WRITE_UNKNOWN
            + "0002 6e6f"                         // message "no"
            + "0008"                              // cl SERIAL
            + "00000001"                          // received 1
            + "00000002";                         // blockfor 2

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void roundTrip(ProtocolVersion version) {
        assertRoundTrip(CODEC, new CasWriteUnknown("no", ConsistencyLevel.SERIAL, 1, 2), version, HEX);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void everyTruncationFails(ProtocolVersion version) {
        CodecAssertions.assertEveryTruncationFails(CODEC, version, HEX);
    }
}
