package io.reactivecql.protocol.response;

import io.reactivecql.protocol.MessageRoundTrip;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.MalformedInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static io.reactivecql.protocol.ProtocolVersion.V4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** AUTH_CHALLENGE (section 4.2.7): one [bytes] token, a server challenge; the same bytes in v4 and v5. */
class AuthChallengeTest {

    private static final AuthChallengeCodec CODEC = new AuthChallengeCodec();

    private static final ByteBuffer TOKEN = ByteBuffer.wrap("token".getBytes(StandardCharsets.UTF_8));
    private static final String TOKEN_HEX = "00000005" + "746f6b656e"; // [bytes] 5, "token"

    @Test
    void opcode() {
        assertEquals(Opcode.AUTH_CHALLENGE, CODEC.opcode());
        assertEquals(Opcode.AUTH_CHALLENGE, new AuthChallenge(null).opcode());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void token(ProtocolVersion version) {
        MessageRoundTrip.assertRoundTrip(CODEC, new AuthChallenge(TOKEN), version, TOKEN_HEX);
        assertEquals(0, TOKEN.position());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void nullAndEmptyTokens(ProtocolVersion version) {
        MessageRoundTrip.assertRoundTrip(CODEC, new AuthChallenge(null), version, "ffffffff");                  // null
        MessageRoundTrip.assertRoundTrip(CODEC, new AuthChallenge(ByteBuffer.allocate(0)), version, "00000000"); // empty
    }

    @Test
    void anyNegativeLengthIsNull() {
        assertNull(MessageRoundTrip.decode(CODEC, V4, "80000000").token());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void truncatedOrMutated(ProtocolVersion version) {
        MalformedInput.assertRobust(CODEC, version, TOKEN_HEX);
        MalformedInput.assertRejected(CODEC, version, "00000006" + "746f6b656e");
    }
}
