package io.reactivecql.protocol.response.error;

import io.reactivecql.protocol.MessageRoundTrip;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.response.result.CodecAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.Stream;

import static io.reactivecql.protocol.MessageRoundTrip.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The eleven errors whose body is only {@code <code><message>}, the same in v4 and v5: one case per
 * class and version rather than eleven identical test classes.
 */
class MessageOnlyErrorTest {

    private static final ErrorCodec CODEC = new ErrorCodec();

    /** Each error with its expected body: [int] code then [string] message "no" (0002 6e6f). */
    static Stream<Arguments> errors() {
        Object[][] cases = {
            {new ServerError("no"), "00000000 0002 6e6f"},
            {new ProtocolError("no"), "0000000a 0002 6e6f"},
            {new AuthenticationError("no"), "00000100 0002 6e6f"},
            {new Overloaded("no"), "00001001 0002 6e6f"},
            {new IsBootstrapping("no"), "00001002 0002 6e6f"},
            {new TruncateError("no"), "00001003 0002 6e6f"},
            {new CdcWriteFailure("no"), "00001600 0002 6e6f"},
            {new SyntaxError("no"), "00002000 0002 6e6f"},
            {new Unauthorized("no"), "00002100 0002 6e6f"},
            {new Invalid("no"), "00002200 0002 6e6f"},
            {new ConfigError("no"), "00002300 0002 6e6f"},
        };
        return Arrays.stream(cases).flatMap(c -> Arrays.stream(ProtocolVersion.values())
                .map(v -> Arguments.of(c[0].getClass().getSimpleName(), v, c[0], c[1])));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("errors")
    void roundTrip(String name, ProtocolVersion version, ErrorResponse error, String hex) {
        ErrorResponse decoded = (ErrorResponse) assertRoundTrip(CODEC, error, version, hex);
        assertEquals(error.code(), decoded.code());
        assertEquals("no", decoded.message());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("errors")
    void everyTruncationFails(String name, ProtocolVersion version, ErrorResponse error, String hex) {
        CodecAssertions.assertEveryTruncationFails(CODEC, version, hex);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("errors")
    void emptyMessage(String name, ProtocolVersion version, ErrorResponse error, String hex) {
        // same code, [string] of length 0
        String emptyHex = hex.substring(0, 8) + "0000";
        ErrorResponse decoded = MessageRoundTrip.decode(CODEC, version, emptyHex);
        assertEquals(error.code(), decoded.code());
        assertEquals("", decoded.message());
    }
}
