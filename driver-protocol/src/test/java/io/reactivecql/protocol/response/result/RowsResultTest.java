package io.reactivecql.protocol.response.result;

import io.reactivecql.protocol.MessageRoundTrip;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.types.PrimitiveType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import static io.reactivecql.protocol.MessageRoundTrip.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Rows result on the wire: metadata forms, v4/v5 differences, malformed bodies. */
class RowsResultTest {

    private static final ResultCodec CODEC = new ResultCodec();

    static final ColumnSpec ID = new ColumnSpec("ks", "tb", "id", PrimitiveType.INT);
    static final ColumnSpec NAME = new ColumnSpec("ks", "tb", "name", PrimitiveType.VARCHAR);

    /** The rows of {@link #GLOBAL_HEX}. */
    private static final String TWO_ROWS_HEX = "00000002" // rows_count 2
            + "00000004 00000001"                          // row 0: id 1
            + "00000003 616263"                            //        name "abc"
            + "00000004 00000002"                          // row 1: id 2
            + "ffffffff";                                  //        name NULL

    /** Two columns of one table, two rows, one NULL: identical in v4 and v5. */
    static final String GLOBAL_HEX = "00000002" // kind Rows
            + "00000001"                         // flags: Global_tables_spec
            + "00000002"                         // columns_count 2
            + "0002 6b73 0002 7462"              // global_table_spec "ks" "tb"
            + "0002 6964 0009"                   // col_spec "id" int
            + "0004 6e616d65 000d"               // col_spec "name" varchar
            + TWO_ROWS_HEX;

    static final RowsResult GLOBAL = RowsResult.of(RowsMetadata.of(List.of(ID, NAME)), List.of(
            List.of(bytes(0, 0, 0, 1), bytes('a', 'b', 'c')),
            Arrays.asList(bytes(0, 0, 0, 2), null)));

    /** Columns of two tables (no global spec) on a page with more to come. */
    private static final String PER_COLUMN_HEX = "00000002" // kind Rows
            + "00000002"                                     // flags: Has_more_pages
            + "00000002"                                     // columns_count 2
            + "00000004 cafebabe"                            // paging_state ([bytes])
            + "0002 6b73 0002 7431 0001 61 0009"             // col_spec ks.t1 "a" int
            + "0002 6b73 0002 7432 0001 62 0003"             // col_spec ks.t2 "b" blob
            + "00000001"                                     // rows_count 1
            + "00000004 0000002a"                            // a 42
            + "00000000";                                    // b empty blob (not NULL)

    /** No_metadata: only the count, as after an EXECUTE with Skip_metadata. */
    private static final String NO_METADATA_HEX = "00000002" // kind Rows
            + "00000006"                                      // flags: Has_more_pages | No_metadata
            + "00000002"                                      // columns_count 2
            + "00000002 0102"                                 // paging_state
            + "00000001"                                      // rows_count 1
            + "00000001 07"                                   // cell 0
            + "00000001 08";                                  // cell 1

    /** v5 only: Metadata_changed with the new result metadata id. */
    private static final String METADATA_CHANGED_V5_HEX = "00000002" // kind Rows
            + "00000009"                                              // flags: Global_tables_spec | Metadata_changed
            + "00000001"                                              // columns_count 1
            + "0004 deadbeef"                                         // new_metadata_id ([short bytes])
            + "0002 6b73 0002 7462"                                   // global_table_spec "ks" "tb"
            + "0002 6964 0009"                                        // col_spec "id" int
            + "00000001"                                              // rows_count 1
            + "00000004 00000001";                                    // id 1

    /** The same result for v4, which has no Metadata_changed: the full metadata alone. */
    private static final String METADATA_CHANGED_V4_HEX = "00000002" // kind Rows
            + "00000001"                                              // flags: Global_tables_spec
            + "00000001"                                              // columns_count 1
            + "0002 6b73 0002 7462"                                   // global_table_spec
            + "0002 6964 0009"                                        // col_spec "id" int
            + "00000001"                                              // rows_count 1
            + "00000004 00000001";                                    // id 1

    static ByteBuffer bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return ByteBuffer.wrap(b);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void globalTableSpec(ProtocolVersion version) {
        RowsResult decoded = (RowsResult) assertRoundTrip(CODEC, GLOBAL, version, GLOBAL_HEX);
        assertEquals(2, decoded.rowCount());
        assertTrue(decoded.isNull(1, 1));
        assertFalse(decoded.metadata().hasMorePages());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void perColumnTableSpecsAndPagingState(ProtocolVersion version) {
        ColumnSpec a = new ColumnSpec("ks", "t1", "a", PrimitiveType.INT);
        ColumnSpec b = new ColumnSpec("ks", "t2", "b", PrimitiveType.BLOB);
        RowsResult rows = RowsResult.of(RowsMetadata.of(List.of(a, b), bytes(0xca, 0xfe, 0xba, 0xbe)),
                List.of(List.of(bytes(0, 0, 0, 42), bytes())));
        RowsResult decoded = (RowsResult) assertRoundTrip(CODEC, rows, version, PER_COLUMN_HEX);
        assertEquals(bytes(0xca, 0xfe, 0xba, 0xbe), decoded.metadata().pagingState());
        assertFalse(decoded.isNull(0, 1));
        assertEquals(0, decoded.cellLength(0, 1));
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void perColumnSpecsOfOneTableDecodeEqualToTheGlobalForm(ProtocolVersion version) {
        String perColumn = "00000002"   // kind Rows
                + "00000000"            // flags: none
                + "00000002"            // columns_count 2
                + "0002 6b73 0002 7462 0002 6964 0009"     // ks.tb "id" int
                + "0002 6b73 0002 7462 0004 6e616d65 000d" // ks.tb "name" varchar
                + TWO_ROWS_HEX;
        assertEquals(GLOBAL, MessageRoundTrip.decode(CODEC, version, perColumn));
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void noMetadataCarriesOnlyTheColumnCount(ProtocolVersion version) {
        RowsResult rows = RowsResult.of(RowsMetadata.noMetadata(2, bytes(1, 2)),
                List.of(List.of(bytes(7), bytes(8))));
        RowsResult decoded = (RowsResult) assertRoundTrip(CODEC, rows, version, NO_METADATA_HEX);
        assertFalse(decoded.metadata().hasColumns());
        assertEquals(2, decoded.columnCount());
        assertEquals(bytes(8), decoded.cell(0, 1));
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void cassandrasGlobalFlagWithNoMetadataIsAccepted(ProtocolVersion version) {
        // flags 0x0005: Cassandra keeps Global_tables_spec when it adds No_metadata; no spec follows
        RowsResult decoded = (RowsResult) MessageRoundTrip.decode(CODEC, version,
                "00000002 00000005 00000001 00000001 00000001 07");
        assertEquals(RowsResult.of(RowsMetadata.noMetadata(1, null), List.of(List.of(bytes(7)))), decoded);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void emptyResult(ProtocolVersion version) {
        // flags No_metadata, columns_count 0, rows_count 0
        assertRoundTrip(CODEC, RowsResult.of(RowsMetadata.EMPTY, List.of()), version,
                "00000002 00000004 00000000 00000000");
    }

    @Test
    void v5MetadataChanged() {
        RowsMetadata metadata = new RowsMetadata(List.of(ID), null, new byte[] {(byte) 0xde, (byte) 0xad,
            (byte) 0xbe, (byte) 0xef});
        RowsResult rows = RowsResult.of(metadata, List.of(List.of(bytes(0, 0, 0, 1))));
        RowsResult decoded = (RowsResult) assertRoundTrip(CODEC, rows, ProtocolVersion.V5, METADATA_CHANGED_V5_HEX);
        assertTrue(decoded.metadata().isMetadataChanged());
    }

    @Test
    void v4HasNoMetadataChanged() {
        RowsMetadata metadata = new RowsMetadata(List.of(ID), null, new byte[] {1, 2});
        Result rows = RowsResult.of(metadata, List.of(List.of(bytes(0, 0, 0, 1))));
        RowsResult decoded = (RowsResult) CodecAssertions.assertEncodesTo(CODEC, rows, ProtocolVersion.V4,
                METADATA_CHANGED_V4_HEX);
        assertEquals(RowsResult.of(RowsMetadata.of(List.of(ID)), List.of(List.of(bytes(0, 0, 0, 1)))), decoded);
        assertNull(decoded.metadata().newMetadataId());
        CodecAssertions.assertRejected(CODEC, ProtocolVersion.V4, METADATA_CHANGED_V5_HEX,
                "unknown rows metadata flags 0x00000008 in V4");
    }

    @Test
    void everyTruncationFails() {
        for (ProtocolVersion version : ProtocolVersion.values()) {
            CodecAssertions.assertEveryTruncationFails(CODEC, version, GLOBAL_HEX);
            CodecAssertions.assertEveryTruncationFails(CODEC, version, PER_COLUMN_HEX);
            CodecAssertions.assertEveryTruncationFails(CODEC, version, NO_METADATA_HEX);
        }
        CodecAssertions.assertEveryTruncationFails(CODEC, ProtocolVersion.V5, METADATA_CHANGED_V5_HEX);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void absurdRowCountIsRejectedBeforeAllocating(ProtocolVersion version) {
        // No_metadata, 2 columns, rows_count Integer.MAX_VALUE, one cell
        CodecAssertions.assertRejected(CODEC, version, "00000002 00000004 00000002 7fffffff 00000001 07",
                "2147483647 rows of 2 columns need at least 17179869176 bytes, only 5 remain");
        // both counts at Integer.MAX_VALUE: their product overflows an int
        CodecAssertions.assertRejected(CODEC, version, "00000002 00000004 7fffffff 7fffffff 00000001 07",
                "2147483647 rows of 2147483647 columns");
        CodecAssertions.assertRejected(CODEC, version, "00000002 00000004 00000002 ffffffff",
                "negative rows_count");
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void absurdColumnCountIsRejectedBeforeAllocating(ProtocolVersion version) {
        CodecAssertions.assertRejected(CODEC, version, "00000002 00000001 7fffffff 0002 6b73 0002 7462 0002 6964 0009",
                "2147483647 column specs cannot fit");
        CodecAssertions.assertRejected(CODEC, version, "00000002 00000000 00100000 0002 6b73 0002 7462 0002 6964 0009",
                "1048576 column specs cannot fit");
        CodecAssertions.assertRejected(CODEC, version, "00000002 00000004 80000000 00000000",
                "negative columns_count");
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void cellLongerThanTheBodyIsRejected(ProtocolVersion version) {
        CodecAssertions.assertRejected(CODEC, version, "00000002 00000004 00000001 00000001 7fffffff 01",
                "malformed cell (row 0, column 0)");
        CodecAssertions.assertRejected(CODEC, version, "00000002 00000004 00000002 00000001 00000001 07 000000",
                "malformed cell (row 0, column 1)");
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void malformedMetadataIsRejected(ProtocolVersion version) {
        CodecAssertions.assertRejected(CODEC, version, "00000002 00000010 00000000 00000000",
                "unknown rows metadata flags 0x00000010");
        CodecAssertions.assertRejected(CODEC, version, "00000002 00000006 00000000 ffffffff 00000000",
                "paging_state is null");
        CodecAssertions.assertRejected(CODEC, version, "00000002 00000001 00000001 0002 6b73 0002 7462 0002 6964 0abc"
                + " 00000000", "unknown type option id 0x0ABC");
    }

    @Test
    void metadataChangedWithNoMetadataIsRejected() {
        CodecAssertions.assertRejected(CODEC, ProtocolVersion.V5, "00000002 0000000c 00000000 0001 01 00000000",
                "Metadata_changed and No_metadata both set");
    }
}
