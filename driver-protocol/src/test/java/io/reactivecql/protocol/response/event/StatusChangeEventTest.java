package io.reactivecql.protocol.response.event;

import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.response.result.CodecAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetSocketAddress;

import static io.reactivecql.protocol.MessageRoundTrip.assertRoundTrip;

class StatusChangeEventTest {

    private static final EventCodec CODEC = new EventCodec();

    // identical in v4 and v5
    private static final String UP_HEX = "000d 5354415455535f4348414e4745" // event type "STATUS_CHANGE"
            + "0002 5550"                                                   // status "UP"
            + "04 c0a80001"                                                 // [inet] address 192.168.0.1
            + "00002352";                                                   //        port 9042

    private static final String DOWN_HEX = "000d 5354415455535f4348414e4745" // "STATUS_CHANGE"
            + "0004 444f574e"                                                 // "DOWN"
            + "04 c0a80001"                                                   // address 192.168.0.1
            + "0000235c";                                                     // port 9052

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void up(ProtocolVersion version) {
        assertRoundTrip(CODEC, new StatusChangeEvent(StatusChangeEvent.Status.UP,
                new InetSocketAddress("192.168.0.1", 9042)), version, UP_HEX);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void down(ProtocolVersion version) {
        assertRoundTrip(CODEC, new StatusChangeEvent(StatusChangeEvent.Status.DOWN,
                new InetSocketAddress("192.168.0.1", 9052)), version, DOWN_HEX);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void everyTruncationFails(ProtocolVersion version) {
        CodecAssertions.assertEveryTruncationFails(CODEC, version, UP_HEX);
        CodecAssertions.assertEveryTruncationFails(CODEC, version, DOWN_HEX);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void unknownStatusIsRejected(ProtocolVersion version) {
        CodecAssertions.assertRejected(CODEC, version,
                "000d 5354415455535f4348414e4745 0008 4e45575f4e4f4445 04 c0a80001 00002352", // "NEW_NODE"
                "unknown status change 'NEW_NODE'");
    }
}
