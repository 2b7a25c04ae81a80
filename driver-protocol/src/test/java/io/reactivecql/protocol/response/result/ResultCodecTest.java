package io.reactivecql.protocol.response.result;

import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.ProtocolVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What concerns every result: the opcode and kinds. */
class ResultCodecTest {

    private static final ResultCodec CODEC = new ResultCodec();

    @Test
    void opcodeAndKinds() {
        assertEquals(Opcode.RESULT, CODEC.opcode());
        for (ResultKind kind : ResultKind.values()) {
            assertEquals(kind, ResultKind.fromCode(kind.code()));
        }
        assertNull(ResultKind.fromCode(0));
        assertNull(ResultKind.fromCode(6));
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void unknownKindIsRejected(ProtocolVersion version) {
        CodecAssertions.assertRejected(CODEC, version, "00000006", "unknown result kind 6");
        CodecAssertions.assertRejected(CODEC, version, "00000000", "unknown result kind 0");
        CodecAssertions.assertRejected(CODEC, version, "80000001", "unknown result kind -2147483647");
    }
}
