package io.reactivecql.protocol.request;

import io.reactivecql.protocol.MessageRoundTrip;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.ProtocolVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static io.reactivecql.protocol.ProtocolVersion.V4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** AUTH_RESPONSE (section 4.1.2): one [bytes] token, the same bytes in v4 and v5. */
class AuthResponseTest {

    private static final AuthResponseCodec CODEC = new AuthResponseCodec();

    /** A SASL PLAIN response: NUL, user, NUL, password. */
    private static final ByteBuffer PLAIN = ByteBuffer.wrap("\0cassandra\0cassandra".getBytes(StandardCharsets.UTF_8));
    private static final String PLAIN_HEX = ""
            + "00000014"                                    // [bytes] length 20
            + "00" + "63617373616e647261"                   // NUL "cassandra"
            + "00" + "63617373616e647261";                  // NUL "cassandra"

    @Test
    void opcode() {
        assertEquals(Opcode.AUTH_RESPONSE, CODEC.opcode());
        assertEquals(Opcode.AUTH_RESPONSE, new AuthResponse(null).opcode());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void token(ProtocolVersion version) {
        MessageRoundTrip.assertRoundTrip(CODEC, new AuthResponse(PLAIN), version, PLAIN_HEX);
        assertEquals(0, PLAIN.position());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void nullAndEmptyTokens(ProtocolVersion version) {
        MessageRoundTrip.assertRoundTrip(CODEC, new AuthResponse(null), version, "ffffffff");   // [bytes] null
        MessageRoundTrip.assertRoundTrip(CODEC, new AuthResponse(ByteBuffer.allocate(0)), version, "00000000"); // empty
    }

    @Test
    void anyNegativeLengthIsNull() {
        assertNull(MessageRoundTrip.decode(CODEC, V4, "fffffffe").token());
    }

    @Test
    void toStringHidesTheToken() {
        String s = new AuthResponse(PLAIN).toString();
        assertFalse(s.contains("cassandra"), s);
        assertEquals("AuthResponse[token=20 bytes]", s);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void truncatedOrMutated(ProtocolVersion version) {
        MalformedInput.assertRobust(CODEC, version, PLAIN_HEX);
        MalformedInput.assertRejected(CODEC, version, "7fffffff" + "00");
    }
}
