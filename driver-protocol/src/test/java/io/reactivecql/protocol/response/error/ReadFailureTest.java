package io.reactivecql.protocol.response.error;

import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.response.result.CodecAssertions;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.reactivecql.protocol.MessageRoundTrip.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReadFailureTest {

    private static final ErrorCodec CODEC = new ErrorCodec();

    private static final String PREFIX = "00001300" // code: Read_failure
            + "0002 6e6f"                            // message "no"
            + "0004"                                 // cl QUORUM
            + "00000001"                             // received 1
            + "00000002";                            // blockfor 2

    private static final String V5_HEX = PREFIX
            + "00000002"                             // reasonmap: 2 entries
            + "04 7f000001"                          //   endpoint 127.0.0.1 ([inetaddr], 4 bytes)
            + "0001"                                 //   failure code 1 (READ_TOO_MANY_TOMBSTONES)
            + "10 00000000000000000000000000000001"  //   endpoint ::1 ([inetaddr], 16 bytes)
            + "0000"                                 //   failure code 0 (UNKNOWN)
            + "01";                                  // data_present true

    private static final String V4_HEX = PREFIX
            + "00000002"                             // numfailures 2
            + "01";                                  // data_present true

    private static final Map<InetAddress, Integer> REASONS = reasons();

    private static Map<InetAddress, Integer> reasons() {
        try {
            Map<InetAddress, Integer> map = new LinkedHashMap<>();
            map.put(InetAddress.getByName("127.0.0.1"), 1);
            map.put(InetAddress.getByName("::1"), 0);
            return map;
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void v5CarriesTheReasonMap() {
        ReadFailure decoded = (ReadFailure) assertRoundTrip(CODEC,
                ReadFailure.withReasons("no", ConsistencyLevel.QUORUM, 1, 2, REASONS, true), ProtocolVersion.V5,
                V5_HEX);
        assertEquals(2, decoded.numFailures());
        assertEquals(REASONS, decoded.reasonMap());
    }

    @Test
    void v4CarriesTheCount() {
        ReadFailure decoded = (ReadFailure) assertRoundTrip(CODEC,
                ReadFailure.withCount("no", ConsistencyLevel.QUORUM, 1, 2, 2, true), ProtocolVersion.V4, V4_HEX);
        assertEquals(Map.of(), decoded.reasonMap());
    }

    @Test
    void v4EncodingWritesTheMapSize() {
        ReadFailure decoded = (ReadFailure) CodecAssertions.assertEncodesTo(CODEC,
                ReadFailure.withReasons("no", ConsistencyLevel.QUORUM, 1, 2, REASONS, true), ProtocolVersion.V4,
                V4_HEX);
        assertEquals(ReadFailure.withCount("no", ConsistencyLevel.QUORUM, 1, 2, 2, true), decoded);
    }

    @Test
    void v5EncodingOfACountOnlyFailureWritesAnEmptyMap() {
        ReadFailure decoded = (ReadFailure) CodecAssertions.assertEncodesTo(CODEC,
                ReadFailure.withCount("no", ConsistencyLevel.QUORUM, 1, 2, 2, true), ProtocolVersion.V5,
                PREFIX + "00000000 01"); // empty reasonmap, data_present true
        assertEquals(0, decoded.numFailures());
    }

    @Test
    void everyTruncationFails() {
        CodecAssertions.assertEveryTruncationFails(CODEC, ProtocolVersion.V4, V4_HEX);
        CodecAssertions.assertEveryTruncationFails(CODEC, ProtocolVersion.V5, V5_HEX);
    }

    @Test
    void absurdReasonMapSizeIsRejectedBeforeAllocating() {
        CodecAssertions.assertRejected(CODEC, ProtocolVersion.V5, PREFIX + "7fffffff 04 7f000001 0001 01",
                "reason map of 2147483647 entries cannot fit");
        CodecAssertions.assertRejected(CODEC, ProtocolVersion.V5, PREFIX + "ffffffff 01", "negative reason map size");
    }

    @Test
    void negativeV4CountIsRejected() {
        CodecAssertions.assertRejected(CODEC, ProtocolVersion.V4, PREFIX + "ffffffff 01", "negative");
    }

    @Test
    void badEndpointIsRejected() {
        CodecAssertions.assertRejected(CODEC, ProtocolVersion.V5, PREFIX + "00000001 05 7f00000100 0001 01",
                "invalid address size 5");
    }

    @Test
    void duplicateEndpointIsRejected() {
        CodecAssertions.assertRejected(CODEC, ProtocolVersion.V5,
                PREFIX + "00000002 04 7f000001 0001 04 7f000001 0002 01", "twice in the reason map");
    }

    @Test
    void countAndMapMustAgree() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReadFailure("no", ConsistencyLevel.ONE, 0, 1, 3, REASONS, false));
        assertThrows(IllegalArgumentException.class,
                () -> ReadFailure.withCount("no", ConsistencyLevel.ONE, 0, 1, -1, false));
    }
}
