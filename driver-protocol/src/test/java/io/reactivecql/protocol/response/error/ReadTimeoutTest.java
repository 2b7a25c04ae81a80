package io.reactivecql.protocol.response.error;

import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.MessageRoundTrip;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.response.result.CodecAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.reactivecql.protocol.MessageRoundTrip.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadTimeoutTest {

    private static final ErrorCodec CODEC = new ErrorCodec();

    // identical in v4 and v5
    private static final String HEX = "00001200" // code: Read_timeout
            + "0002 6e6f"                         // message "no"
            + "0001"                              // cl ONE
            + "00000000"                          // received 0
            + "00000001"                          // blockfor 1
            + "00";                               // data_present false

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void roundTrip(ProtocolVersion version) {
        assertRoundTrip(CODEC, new ReadTimeout("no", ConsistencyLevel.ONE, 0, 1, false), version, HEX);
        assertRoundTrip(CODEC, new ReadTimeout("no", ConsistencyLevel.ONE, 0, 1, true), version,
                HEX.substring(0, HEX.length() - 2) + "01"); // data_present true
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void anyNonZeroDataPresentByteIsTrue(ProtocolVersion version) {
        ReadTimeout decoded = (ReadTimeout) MessageRoundTrip.decode(CODEC, version,
                HEX.substring(0, HEX.length() - 2) + "7f");
        assertTrue(decoded.dataPresent());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void everyTruncationFails(ProtocolVersion version) {
        CodecAssertions.assertEveryTruncationFails(CODEC, version, HEX);
    }
}
