package io.reactivecql.protocol.response.event;

import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.response.result.CodecAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetSocketAddress;

import static io.reactivecql.protocol.MessageRoundTrip.assertRoundTrip;

class TopologyChangeEventTest {

    private static final EventCodec CODEC = new EventCodec();

    // identical in v4 and v5
    private static final String NEW_NODE_HEX = "000f 544f504f4c4f47595f4348414e4745" // event type "TOPOLOGY_CHANGE"
            + "0008 4e45575f4e4f4445"                                                // change "NEW_NODE"
            + "04 7f000001"                                                          // [inet] address 127.0.0.1
            + "00002352";                                                            //        port 9042

    private static final String REMOVED_NODE_V6_HEX = "000f 544f504f4c4f47595f4348414e4745" // "TOPOLOGY_CHANGE"
            + "000c 52454d4f5645445f4e4f4445"                                              // "REMOVED_NODE"
            + "10 20010db8000000000000000000000001"                                        // address 2001:db8::1
            + "00002352";                                                                  // port 9042

    private static final String MOVED_NODE_HEX = "000f 544f504f4c4f47595f4348414e4745" // "TOPOLOGY_CHANGE"
            + "000a 4d4f5645445f4e4f4445"                                             // "MOVED_NODE"
            + "04 0a000002"                                                           // address 10.0.0.2
            + "00002352";                                                             // port 9042

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void newNode(ProtocolVersion version) {
        assertRoundTrip(CODEC, new TopologyChangeEvent(TopologyChangeEvent.Change.NEW_NODE,
                new InetSocketAddress("127.0.0.1", 9042)), version, NEW_NODE_HEX);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void removedIpv6Node(ProtocolVersion version) {
        assertRoundTrip(CODEC, new TopologyChangeEvent(TopologyChangeEvent.Change.REMOVED_NODE,
                new InetSocketAddress("2001:db8::1", 9042)), version, REMOVED_NODE_V6_HEX);
    }

    /** Not in the v4/v5 spec texts, but Cassandra 4 and 5 send it when a node moves. */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void movedNodeAsRealServersSendIt(ProtocolVersion version) {
        assertRoundTrip(CODEC, new TopologyChangeEvent(TopologyChangeEvent.Change.MOVED_NODE,
                new InetSocketAddress("10.0.0.2", 9042)), version, MOVED_NODE_HEX);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void everyTruncationFails(ProtocolVersion version) {
        CodecAssertions.assertEveryTruncationFails(CODEC, version, NEW_NODE_HEX);
        CodecAssertions.assertEveryTruncationFails(CODEC, version, REMOVED_NODE_V6_HEX);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void unknownChangeIsRejected(ProtocolVersion version) {
        CodecAssertions.assertRejected(CODEC, version,
                "000f 544f504f4c4f47595f4348414e4745 0002 5550 04 7f000001 00002352", // change "UP"
                "unknown topology change 'UP'");
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void badAddressIsRejected(ProtocolVersion version) {
        CodecAssertions.assertRejected(CODEC, version,
                "000f 544f504f4c4f47595f4348414e4745 0008 4e45575f4e4f4445 06 7f0000010000 00002352",
                "invalid address size 6");
        CodecAssertions.assertRejected(CODEC, version,
                "000f 544f504f4c4f47595f4348414e4745 0008 4e45575f4e4f4445 04 7f000001 00010000",
                "invalid port 65536");
    }
}
