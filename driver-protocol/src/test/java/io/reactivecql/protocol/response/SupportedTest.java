package io.reactivecql.protocol.response;

import io.reactivecql.protocol.MessageRoundTrip;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.MalformedInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** SUPPORTED (section 4.2.4): a [string multimap], the same bytes in v4 and v5. */
class SupportedTest {

    private static final SupportedCodec CODEC = new SupportedCodec();

    private static final String HEX = ""
            + "0003"                                            // [string multimap] 3 entries
            + "0011" + "50524f544f434f4c5f56455253494f4e53"     // "PROTOCOL_VERSIONS"
            + "0002"                                            //   [string list] 2 entries
            + "0004" + "342f7634"                               //   "4/v4"
            + "0004" + "352f7635"                               //   "5/v5"
            + "000b" + "434f4d5052455353494f4e"                 // "COMPRESSION"
            + "0002"                                            //   2 entries
            + "0003" + "6c7a34"                                 //   "lz4"
            + "0006" + "736e61707079"                           //   "snappy"
            + "000b" + "43514c5f56455253494f4e"                 // "CQL_VERSION"
            + "0001"                                            //   1 entry
            + "0005" + "332e342e37";                            //   "3.4.7"

    private static Supported sample() {
        Map<String, List<String>> options = new LinkedHashMap<>();
        options.put(Supported.PROTOCOL_VERSIONS, List.of("4/v4", "5/v5"));
        options.put(Supported.COMPRESSION, List.of("lz4", "snappy"));
        options.put(Supported.CQL_VERSION, List.of("3.4.7"));
        return new Supported(options);
    }

    @Test
    void opcode() {
        assertEquals(Opcode.SUPPORTED, CODEC.opcode());
        assertEquals(Opcode.SUPPORTED, sample().opcode());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void multimap(ProtocolVersion version) {
        Supported decoded = MessageRoundTrip.assertRoundTrip(CODEC, sample(), version, HEX);
        assertEquals(List.of("lz4", "snappy"), decoded.values(Supported.COMPRESSION));
        assertEquals(List.of(), decoded.values("NOT_THERE"));
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void empty(ProtocolVersion version) {
        MessageRoundTrip.assertRoundTrip(CODEC, new Supported(Map.of()), version, "0000");
    }

    @Test
    void optionsAreDeeplyCopied() {
        List<String> values = new ArrayList<>(List.of("lz4"));
        Supported supported = new Supported(Map.of(Supported.COMPRESSION, values));
        values.add("snappy");
        assertEquals(List.of("lz4"), supported.values(Supported.COMPRESSION));
        assertThrows(UnsupportedOperationException.class, () -> supported.values(Supported.COMPRESSION).add("x"));
        assertThrows(UnsupportedOperationException.class, () -> supported.options().clear());
        assertThrows(NullPointerException.class, () -> new Supported(null));
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void truncatedOrMutated(ProtocolVersion version) {
        MalformedInput.assertRobust(CODEC, version, HEX);
        MalformedInput.assertRejected(CODEC, version, "ffff" + "0000");
        MalformedInput.assertRejected(CODEC, version, "0001" + "0001" + "41" + "ffff");
    }
}
