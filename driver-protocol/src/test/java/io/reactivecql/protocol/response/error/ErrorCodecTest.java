package io.reactivecql.protocol.response.error;

import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.response.result.CodecAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** What concerns every error: the code table and the rejection of unknown codes. */
class ErrorCodecTest {

    private static final ErrorCodec CODEC = new ErrorCodec();

    @Test
    void opcode() {
        assertEquals(Opcode.ERROR, CODEC.opcode());
        assertEquals(Opcode.ERROR, new ServerError("x").opcode());
    }

    @Test
    void everySpecCodeIsKnown() {
        int[] spec = {0x0000, 0x000A, 0x0100, 0x1000, 0x1001, 0x1002, 0x1003, 0x1100, 0x1200, 0x1300, 0x1400,
            0x1500, 0x1600, 0x1700, 0x2000, 0x2100, 0x2200, 0x2300, 0x2400, 0x2500};
        Set<ErrorCode> seen = new HashSet<>();
        for (int code : spec) {
            ErrorCode errorCode = ErrorCode.fromCode(code);
            assertEquals(code, errorCode.code());
            seen.add(errorCode);
        }
        assertEquals(ErrorCode.values().length, seen.size());
    }

    @ParameterizedTest
    @ValueSource(ints = {0x0001, 0x1004, 0x1800, 0x2600, 0xFFFF, -1})
    void unknownCodeIsNull(int code) {
        assertNull(ErrorCode.fromCode(code));
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void unknownCodeIsRejected(ProtocolVersion version) {
        CodecAssertions.assertRejected(CODEC, version, "00001234 0002 6e6f", "unknown error code 0x1234");
        CodecAssertions.assertRejected(CODEC, version, "ffffffff 0002 6e6f", "unknown error code 0xFFFFFFFF");
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void messageLongerThanTheBodyIsRejected(ProtocolVersion version) {
        CodecAssertions.assertRejected(CODEC, version, "00000000 ffff 6e6f", "needs 65535 bytes");
    }

    @Test
    void writeTypesHaveTheirWireNames() {
        for (WriteType type : WriteType.values()) {
            assertSame(type, WriteType.fromName(type.name()));
        }
        assertNull(WriteType.fromName("simple"));
    }
}
