package io.reactivecql.protocol.request;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.reactivecql.protocol.MessageRoundTrip;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.ProtocolException;
import io.reactivecql.protocol.ProtocolVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.reactivecql.protocol.ProtocolVersion.V4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** STARTUP (section 4.1.1): a [string map], the same bytes in v4 and v5. */
class StartupTest {

    private static final StartupCodec CODEC = new StartupCodec();

    /** [string] "CQL_VERSION" then [string] "3.0.0". */
    private static final String CQL_VERSION_300 = "000b" + "43514c5f56455253494f4e" + "0005" + "332e302e30";

    @Test
    void opcode() {
        assertEquals(Opcode.STARTUP, CODEC.opcode());
        assertEquals(Opcode.STARTUP, Startup.of(null).opcode());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void cqlVersionOnly(ProtocolVersion version) {
        Startup startup = MessageRoundTrip.assertRoundTrip(CODEC, Startup.of(null), version, ""
                + "0001"                // [string map] 1 entry
                + CQL_VERSION_300);     // CQL_VERSION: 3.0.0
        assertNull(startup.compression());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void everyOptionInOrder(ProtocolVersion version) {
        Startup startup = MessageRoundTrip.assertRoundTrip(CODEC, Startup.of("lz4", "ReactiveCQL", "0.1.0"), version, ""
                + "0004"                                            // [string map] 4 entries
                + CQL_VERSION_300                                   // CQL_VERSION: 3.0.0
                + "000b" + "434f4d5052455353494f4e"                 // "COMPRESSION"
                + "0003" + "6c7a34"                                 // "lz4"
                + "000b" + "4452495645525f4e414d45"                 // "DRIVER_NAME"
                + "000b" + "526561637469766543514c"                 // "ReactiveCQL"
                + "000e" + "4452495645525f56455253494f4e"           // "DRIVER_VERSION"
                + "0005" + "302e312e30");                           // "0.1.0"
        assertEquals("lz4", startup.compression());
    }

    @Test
    void givenOrderIsKept() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(Startup.THROW_ON_OVERLOAD, "1");
        options.put(Startup.CQL_VERSION, "3.0.0");
        MessageRoundTrip.assertRoundTrip(CODEC, new Startup(options), V4, ""
                + "0002"
                + "0011" + "5448524f575f4f4e5f4f5645524c4f4144"         // "THROW_ON_OVERLOAD"
                + "0001" + "31"                                         // "1"
                + CQL_VERSION_300);
    }

    @Test
    void argumentsAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Startup(Map.of(Startup.COMPRESSION, "lz4")));
        assertTrue(e.getMessage().contains("CQL_VERSION"), e.getMessage());
        Map<String, String> nullValue = new LinkedHashMap<>();
        nullValue.put(Startup.CQL_VERSION, null);
        assertThrows(NullPointerException.class, () -> new Startup(nullValue));
        assertThrows(NullPointerException.class, () -> new Startup(null));
    }

    @Test
    void optionsAreCopiedAndUnmodifiable() {
        Map<String, String> options = new LinkedHashMap<>(Map.of(Startup.CQL_VERSION, "3.0.0"));
        Startup startup = new Startup(options);
        options.put(Startup.COMPRESSION, "lz4");
        assertEquals(1, startup.options().size());
        assertThrows(UnsupportedOperationException.class, () -> startup.options().put("a", "b"));
    }

    @Test
    void tooLongValueRestoresWriterIndex() {
        Startup startup = new Startup(Map.of(Startup.CQL_VERSION, "x".repeat(70_000)));
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            assertThrows(IllegalArgumentException.class, () -> CODEC.encode(startup, out, V4));
            assertEquals(0, out.writerIndex());
        } finally {
            out.release();
        }
    }

    @Test
    void missingCqlVersionIsRefused() {
        ProtocolException e = MalformedInput.assertRejected(CODEC, V4, "0001" + "000b" + "434f4d5052455353494f4e" + "0003" + "6c7a34");
        assertTrue(e.getMessage().contains("CQL_VERSION"), e.getMessage());
    }

    @Test
    void countBeyondTheBytesIsRefused() {
        MalformedInput.assertRejected(CODEC, V4, "ffff" + CQL_VERSION_300);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void truncatedOrMutated(ProtocolVersion version) {
        MalformedInput.assertRobust(CODEC, version, "0002" + CQL_VERSION_300 + "000b" + "434f4d5052455353494f4e" + "0003" + "6c7a34");
    }
}
