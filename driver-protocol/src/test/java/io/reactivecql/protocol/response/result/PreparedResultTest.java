package io.reactivecql.protocol.response.result;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.types.PrimitiveType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static io.reactivecql.protocol.MessageRoundTrip.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreparedResultTest {

    private static final ResultCodec CODEC = new ResultCodec();

    private static final ColumnSpec ID = new ColumnSpec("ks", "tb", "id", PrimitiveType.INT);
    private static final ColumnSpec NAME = new ColumnSpec("ks", "tb", "name", PrimitiveType.VARCHAR);
    private static final byte[] STATEMENT_ID = {1, 2, 3, 4};
    private static final byte[] RESULT_METADATA_ID = {(byte) 0xaa, (byte) 0xbb};

    /** {@code SELECT name FROM ks.tb WHERE id = ? AND name = ?}, in both versions after the result_metadata_id. */
    private static final String METADATA_HEX =
            "00000001"                     // <metadata> flags: Global_tables_spec
            + "00000002"                   // columns_count 2
            + "00000001"                   // pk_count 1
            + "0000"                       // pk_index 0: the partition key is bind marker 0
            + "0002 6b73 0002 7462"        // global_table_spec "ks" "tb"
            + "0002 6964 0009"             // col_spec "id" int
            + "0004 6e616d65 000d"         // col_spec "name" varchar
            + "00000001"                   // <result_metadata> flags: Global_tables_spec
            + "00000001"                   // columns_count 1
            + "0002 6b73 0002 7462"        // global_table_spec "ks" "tb"
            + "0004 6e616d65 000d";        // col_spec "name" varchar

    private static final String V5_HEX = "00000004" // kind Prepared
            + "0004 01020304"                        // id ([short bytes])
            + "0002 aabb"                            // result_metadata_id (v5 only)
            + METADATA_HEX;

    private static final String V4_HEX = "00000004" // kind Prepared
            + "0004 01020304"                        // id ([short bytes])
            + METADATA_HEX;

    private static final PreparedMetadata VARIABLES = new PreparedMetadata(List.of(ID, NAME), List.of(0));
    private static final RowsMetadata RESULT_METADATA = RowsMetadata.of(List.of(NAME));

    @Test
    void v5HasAResultMetadataId() {
        PreparedResult decoded = (PreparedResult) assertRoundTrip(CODEC,
                new PreparedResult(STATEMENT_ID, RESULT_METADATA_ID, VARIABLES, RESULT_METADATA), ProtocolVersion.V5,
                V5_HEX);
        assertArrayEquals(STATEMENT_ID, decoded.id());
        assertArrayEquals(RESULT_METADATA_ID, decoded.resultMetadataId());
        assertEquals(List.of(0), decoded.variables().partitionKeyIndexes());
        assertTrue(decoded.variables().hasPartitionKey());
    }

    @Test
    void v4HasNone() {
        PreparedResult decoded = (PreparedResult) assertRoundTrip(CODEC,
                new PreparedResult(STATEMENT_ID, null, VARIABLES, RESULT_METADATA), ProtocolVersion.V4, V4_HEX);
        assertNull(decoded.resultMetadataId());
    }

    @Test
    void v4EncodingLeavesTheResultMetadataIdOut() {
        PreparedResult decoded = (PreparedResult) CodecAssertions.assertEncodesTo(CODEC,
                new PreparedResult(STATEMENT_ID, RESULT_METADATA_ID, VARIABLES, RESULT_METADATA), ProtocolVersion.V4,
                V4_HEX);
        assertEquals(new PreparedResult(STATEMENT_ID, null, VARIABLES, RESULT_METADATA), decoded);
    }

    @Test
    void v5EncodingNeedsAResultMetadataId() {
        ByteBuf out = Unpooled.buffer();
        try {
            assertThrows(IllegalArgumentException.class, () -> CODEC.encode(
                    new PreparedResult(STATEMENT_ID, null, VARIABLES, RESULT_METADATA), out, ProtocolVersion.V5));
        } finally {
            out.release();
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void statementWithoutResultRowsAndACompositeKeyOverTwoTables(ProtocolVersion version) {
        // INSERT-like: no result columns; markers of two tables so no global spec; key = markers [1, 0]
        ColumnSpec a = new ColumnSpec("k1", "t", "a", PrimitiveType.BIGINT);
        ColumnSpec b = new ColumnSpec("k2", "t", "b", PrimitiveType.UUID);
        String hex = "00000004"                 // kind Prepared
                + "0001 ff"                     // id
                + (version == ProtocolVersion.V5 ? "0000" : "") // v5: empty result_metadata_id
                + "00000000"                    // <metadata> flags: none
                + "00000002"                    // columns_count 2
                + "00000002 0001 0000"          // pk_count 2: pk_index 1, pk_index 0
                + "0002 6b31 0001 74 0001 61 0002" // col_spec k1.t "a" bigint
                + "0002 6b32 0001 74 0001 62 000c" // col_spec k2.t "b" uuid
                + "00000004"                    // <result_metadata> flags: No_metadata
                + "00000000";                   // columns_count 0
        assertRoundTrip(CODEC, new PreparedResult(new byte[] {(byte) 0xff},
                version == ProtocolVersion.V5 ? new byte[0] : null,
                new PreparedMetadata(List.of(a, b), List.of(1, 0)), RowsMetadata.EMPTY), version, hex);
    }

    @Test
    void everyTruncationFails() {
        CodecAssertions.assertEveryTruncationFails(CODEC, ProtocolVersion.V4, V4_HEX);
        CodecAssertions.assertEveryTruncationFails(CODEC, ProtocolVersion.V5, V5_HEX);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void malformedPreparedMetadataIsRejected(ProtocolVersion version) {
        String prefix = "00000004 0004 01020304" + (version == ProtocolVersion.V5 ? "0002 aabb" : "");
        // pk_index 2 of 2 bind markers
        CodecAssertions.assertRejected(CODEC, version, prefix + "00000001 00000002 00000001 0002 "
                + "0002 6b73 0002 7462 0002 6964 0009 0004 6e616d65 000d 00000004 00000000", "pk_index 2 is not");
        CodecAssertions.assertRejected(CODEC, version, prefix + "00000001 00000002 7fffffff 0000",
                "pk_count 2147483647 cannot fit");
        CodecAssertions.assertRejected(CODEC, version, prefix + "00000001 00000002 ffffffff", "negative pk_count");
        CodecAssertions.assertRejected(CODEC, version, prefix + "00000002 00000000 00000000",
                "unknown prepared metadata flags 0x00000002");
        CodecAssertions.assertRejected(CODEC, version, prefix + "00000001 7fffffff 00000000 0002 6b73 0002 7462",
                "2147483647 column specs cannot fit");
    }

    @Test
    void valueSemantics() {
        byte[] id = STATEMENT_ID.clone();
        PreparedResult prepared = new PreparedResult(id, RESULT_METADATA_ID, VARIABLES, RESULT_METADATA);
        id[0] = 9; // copied by the constructor
        PreparedResult same = new PreparedResult(STATEMENT_ID, RESULT_METADATA_ID, VARIABLES, RESULT_METADATA);
        assertEquals(same, prepared);
        assertEquals(same.hashCode(), prepared.hashCode());
        assertNotEquals(new PreparedResult(STATEMENT_ID, new byte[] {0}, VARIABLES, RESULT_METADATA), prepared);
        assertTrue(prepared.toString().contains("id=0x01020304"), prepared.toString());
        assertThrows(IllegalArgumentException.class, () -> new PreparedMetadata(List.of(ID), List.of(1)));
    }
}
