package io.reactivecql.protocol.response.error;

import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.response.result.CodecAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.reactivecql.protocol.MessageRoundTrip.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlreadyExistsTest {

    private static final ErrorCodec CODEC = new ErrorCodec();

    // identical in v4 and v5
    private static final String TABLE_HEX = "00002400" // code: Already_exists
            + "0002 6e6f"                               // message "no"
            + "0002 6b73"                               // ks "ks"
            + "0002 7462";                              // table "tb"

    private static final String KEYSPACE_HEX = "00002400" // code: Already_exists
            + "0002 6e6f"                                  // message "no"
            + "0002 6b73"                                  // ks "ks"
            + "0000";                                      // table "" (the keyspace exists)

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void table(ProtocolVersion version) {
        AlreadyExists decoded =
                (AlreadyExists) assertRoundTrip(CODEC, new AlreadyExists("no", "ks", "tb"), version, TABLE_HEX);
        assertFalse(decoded.isKeyspace());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void keyspace(ProtocolVersion version) {
        AlreadyExists decoded =
                (AlreadyExists) assertRoundTrip(CODEC, new AlreadyExists("no", "ks", ""), version, KEYSPACE_HEX);
        assertTrue(decoded.isKeyspace());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void everyTruncationFails(ProtocolVersion version) {
        CodecAssertions.assertEveryTruncationFails(CODEC, version, TABLE_HEX);
        CodecAssertions.assertEveryTruncationFails(CODEC, version, KEYSPACE_HEX);
    }
}
