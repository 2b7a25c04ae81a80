package io.reactivecql.protocol.response.error;

import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.response.result.CodecAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static io.reactivecql.protocol.MessageRoundTrip.assertRoundTrip;

class FunctionFailureTest {

    private static final ErrorCodec CODEC = new ErrorCodec();

    // identical in v4 and v5
    private static final String HEX = "00001400" // code: Function_failure
            + "0002 6e6f"                         // message "no"
            + "0002 6b73"                         // keyspace "ks"
            + "0002 6676"                         // function "fv"
            + "0002"                              // arg_types: 2 strings
            + "0003 696e74"                       //   "int"
            + "0004 74657874";                    //   "text"

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void roundTrip(ProtocolVersion version) {
        assertRoundTrip(CODEC, new FunctionFailure("no", "ks", "fv", List.of("int", "text")), version, HEX);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void noArguments(ProtocolVersion version) {
        assertRoundTrip(CODEC, new FunctionFailure("no", "ks", "fv", List.of()), version,
                "00001400 0002 6e6f 0002 6b73 0002 6676 0000"); // empty arg_types
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void everyTruncationFails(ProtocolVersion version) {
        CodecAssertions.assertEveryTruncationFails(CODEC, version, HEX);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void absurdArgumentCountIsRejected(ProtocolVersion version) {
        CodecAssertions.assertRejected(CODEC, version, "00001400 0002 6e6f 0002 6b73 0002 6676 ffff 0003 696e74",
                "needs");
    }
}
