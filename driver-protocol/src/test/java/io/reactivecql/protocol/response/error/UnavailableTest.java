package io.reactivecql.protocol.response.error;

import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.response.result.CodecAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.reactivecql.protocol.MessageRoundTrip.assertRoundTrip;

class UnavailableTest {

    private static final ErrorCodec CODEC = new ErrorCodec();

    // identical in v4 and v5
    private static final String HEX = "00001000" // code: Unavailable
            + "0002 6e6f"                         // message "no"
            + "0006"                              // cl LOCAL_QUORUM
            + "00000003"                          // required 3
            + "00000001";                         // alive 1

    private static final Unavailable ERROR = new Unavailable("no", ConsistencyLevel.LOCAL_QUORUM, 3, 1);

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void roundTrip(ProtocolVersion version) {
        assertRoundTrip(CODEC, ERROR, version, HEX);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void everyTruncationFails(ProtocolVersion version) {
        CodecAssertions.assertEveryTruncationFails(CODEC, version, HEX);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void unknownConsistencyLevelIsRejected(ProtocolVersion version) {
        CodecAssertions.assertRejected(CODEC, version, "00001000 0002 6e6f 000B 00000003 00000001",
                "unknown consistency level code 11");
    }
}
