package io.reactivecql.protocol.response.error;

import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.response.result.CodecAssertions;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import static io.reactivecql.protocol.MessageRoundTrip.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;

class WriteFailureTest {

    private static final ErrorCodec CODEC = new ErrorCodec();

    private static final String PREFIX = "00001500" // code: Write_failure
            + "0002 6e6f"                            // message "no"
            + "0006"                                 // cl LOCAL_QUORUM
            + "00000002"                             // received 2
            + "00000003";                            // blockfor 3

    private static final String V5_HEX = PREFIX
            + "00000001"                             // reasonmap: 1 entry
            + "04 0a000005"                          //   endpoint 10.0.0.5
            + "0002"                                 //   failure code 2
            + "0005 4241544348";                     // writeType "BATCH"

    private static final String V4_HEX = PREFIX
            + "00000001"                             // numfailures 1
            + "0005 4241544348";                     // writeType "BATCH"

    private static Map<InetAddress, Integer> reasons() throws UnknownHostException {
        return Map.of(InetAddress.getByName("10.0.0.5"), 2);
    }

    @Test
    void v5CarriesTheReasonMap() throws UnknownHostException {
        assertRoundTrip(CODEC,
                WriteFailure.withReasons("no", ConsistencyLevel.LOCAL_QUORUM, 2, 3, reasons(), WriteType.BATCH),
                ProtocolVersion.V5, V5_HEX);
    }

    @Test
    void v4CarriesTheCount() {
        assertRoundTrip(CODEC,
                WriteFailure.withCount("no", ConsistencyLevel.LOCAL_QUORUM, 2, 3, 1, WriteType.BATCH),
                ProtocolVersion.V4, V4_HEX);
    }

    @Test
    void v4EncodingWritesTheMapSize() throws UnknownHostException {
        WriteFailure decoded = (WriteFailure) CodecAssertions.assertEncodesTo(CODEC,
                WriteFailure.withReasons("no", ConsistencyLevel.LOCAL_QUORUM, 2, 3, reasons(), WriteType.BATCH),
                ProtocolVersion.V4, V4_HEX);
        assertEquals(WriteFailure.withCount("no", ConsistencyLevel.LOCAL_QUORUM, 2, 3, 1, WriteType.BATCH), decoded);
    }

    @Test
    void everyTruncationFails() {
        CodecAssertions.assertEveryTruncationFails(CODEC, ProtocolVersion.V4, V4_HEX);
        CodecAssertions.assertEveryTruncationFails(CODEC, ProtocolVersion.V5, V5_HEX);
    }

    @Test
    void absurdReasonMapSizeIsRejected() {
        CodecAssertions.assertRejected(CODEC, ProtocolVersion.V5, PREFIX + "10000000 0005 4241544348",
                "cannot fit");
    }

    @Test
    void unknownWriteTypeIsRejected() {
        CodecAssertions.assertRejected(CODEC, ProtocolVersion.V4, PREFIX + "00000001 0003 464f4f",
                "unknown write type 'FOO'");
    }
}
