package io.reactivecql.protocol.response.error;

import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.response.result.CodecAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.OptionalInt;

import static io.reactivecql.protocol.MessageRoundTrip.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WriteTimeoutTest {

    private static final ErrorCodec CODEC = new ErrorCodec();

    // a non-CAS write: identical in v4 and v5
    private static final String SIMPLE_HEX = "00001100" // code: Write_timeout
            + "0002 6e6f"                                // message "no"
            + "0004"                                     // cl QUORUM
            + "00000001"                                 // received 1
            + "00000002"                                 // blockfor 2
            + "0006 53494d504c45";                       // writeType "SIMPLE"

    private static final String CAS_V4_HEX = "00001100" // code: Write_timeout
            + "0002 6e6f"                                // message "no"
            + "0008"                                     // cl SERIAL
            + "00000001"                                 // received 1
            + "00000002"                                 // blockfor 2
            + "0003 434153";                             // writeType "CAS" (v4: nothing follows)

    private static final String CAS_V5_HEX = CAS_V4_HEX
            + "0005";                                    // v5 only: contentions 5 (see below)

    private static final WriteTimeout SIMPLE =
            new WriteTimeout("no", ConsistencyLevel.QUORUM, 1, 2, WriteType.SIMPLE);

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void simpleWriteRoundTrip(ProtocolVersion version) {
        assertRoundTrip(CODEC, SIMPLE, version, SIMPLE_HEX);
    }

    @Test
    void casWriteCarriesContentionsInV5() {
        assertRoundTrip(CODEC, WriteTimeout.cas("no", ConsistencyLevel.SERIAL, 1, 2, 5), ProtocolVersion.V5,
                CAS_V5_HEX);
    }

    @Test
    void casWriteHasNoContentionsInV4() {
        assertRoundTrip(CODEC, new WriteTimeout("no", ConsistencyLevel.SERIAL, 1, 2, WriteType.CAS),
                ProtocolVersion.V4, CAS_V4_HEX);
    }

    @Test
    void v4EncodingDropsContentions() {
        WriteTimeout decoded = roundTripLossy(WriteTimeout.cas("no", ConsistencyLevel.SERIAL, 1, 2, 5),
                ProtocolVersion.V4, CAS_V4_HEX);
        assertEquals(OptionalInt.empty(), decoded.contentions());
    }

    /** Cassandra sends v5 CAS timeouts without contentions when they are not contention timeouts. */
    @Test
    void v5CasWriteWithoutContentionsAsCassandraSendsIt() {
        WriteTimeout decoded = (WriteTimeout) assertRoundTrip(CODEC,
                new WriteTimeout("no", ConsistencyLevel.SERIAL, 1, 2, WriteType.CAS), ProtocolVersion.V5, CAS_V4_HEX);
        assertEquals(OptionalInt.empty(), decoded.contentions());
    }

    @Test
    void everyTruncationFails() {
        CodecAssertions.assertEveryTruncationFails(CODEC, ProtocolVersion.V4, SIMPLE_HEX);
        CodecAssertions.assertEveryTruncationFails(CODEC, ProtocolVersion.V4, CAS_V4_HEX);
        CodecAssertions.assertEveryTruncationFails(CODEC, ProtocolVersion.V5, SIMPLE_HEX);
        // v5 CAS: every cut up to the contentions (a body ending there is valid, see above)
        CodecAssertions.assertEveryTruncationFails(CODEC, ProtocolVersion.V5, CAS_V4_HEX);
    }

    @Test
    void halfAContentionsShortIsRejected() {
        CodecAssertions.assertRejected(CODEC, ProtocolVersion.V5, CAS_V4_HEX + "00", "contentions needs 2 bytes");
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void unknownWriteTypeIsRejected(ProtocolVersion version) {
        CodecAssertions.assertRejected(CODEC, version, "00001100 0002 6e6f 0004 00000001 00000002 0003 464f4f",
                "unknown write type 'FOO'");
    }

    @Test
    void contentionsOnlyForCas() {
        assertThrows(IllegalArgumentException.class, () -> new WriteTimeout("no", ConsistencyLevel.ONE, 0, 1,
                WriteType.SIMPLE, OptionalInt.of(1)));
        assertThrows(IllegalArgumentException.class, () -> WriteTimeout.cas("no", ConsistencyLevel.SERIAL, 0, 1,
                0x10000));
    }

    private static WriteTimeout roundTripLossy(WriteTimeout message, ProtocolVersion version, String hex) {
        return (WriteTimeout) CodecAssertions.assertEncodesTo(CODEC, message, version, hex);
    }
}
