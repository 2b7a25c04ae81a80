package io.reactivecql.protocol.response;

import io.reactivecql.protocol.MessageRoundTrip;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.MalformedInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** AUTHENTICATE (section 4.2.3): one [string], the authenticator class, the same in v4 and v5. */
class AuthenticateTest {

    private static final AuthenticateCodec CODEC = new AuthenticateCodec();

    private static final String PASSWORD_AUTHENTICATOR_HEX = ""
            + "002f"    // [string] length 47, then "org.apache.cassandra.auth.PasswordAuthenticator"
            + "6f72672e6170616368652e63617373616e6472612e617574682e50617373776f726441757468656e74696361746f72";

    @Test
    void opcode() {
        assertEquals(Opcode.AUTHENTICATE, CODEC.opcode());
        assertEquals(Opcode.AUTHENTICATE, new Authenticate("x").opcode());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void passwordAuthenticator(ProtocolVersion version) {
        MessageRoundTrip.assertRoundTrip(CODEC, new Authenticate("org.apache.cassandra.auth.PasswordAuthenticator"),
                version, PASSWORD_AUTHENTICATOR_HEX);
    }

    @Test
    void authenticatorIsRequired() {
        assertThrows(NullPointerException.class, () -> new Authenticate(null));
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void truncatedOrMutated(ProtocolVersion version) {
        MalformedInput.assertRobust(CODEC, version, PASSWORD_AUTHENTICATOR_HEX);
        MalformedInput.assertRejected(CODEC, version, "ffff" + "41");
    }
}
