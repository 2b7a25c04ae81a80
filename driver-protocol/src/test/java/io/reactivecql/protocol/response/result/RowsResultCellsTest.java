package io.reactivecql.protocol.response.result;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.reactivecql.protocol.Bytes;
import io.reactivecql.protocol.MessageRoundTrip;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.types.PrimitiveType;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static io.reactivecql.protocol.response.result.RowsResultTest.GLOBAL;
import static io.reactivecql.protocol.response.result.RowsResultTest.GLOBAL_HEX;
import static io.reactivecql.protocol.response.result.RowsResultTest.ID;
import static io.reactivecql.protocol.response.result.RowsResultTest.NAME;
import static io.reactivecql.protocol.response.result.RowsResultTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The RowsResult API: cell access, value semantics, No_metadata typing, and the cost of a big page. */
class RowsResultCellsTest {

    private static final ResultCodec CODEC = new ResultCodec();

    @Test
    void cellAccess() {
        RowsResult rows = GLOBAL;
        assertEquals(2, rows.rowCount());
        assertEquals(2, rows.columnCount());
        assertEquals(List.of(ID, NAME), rows.metadata().columns());

        assertFalse(rows.isNull(0, 1));
        assertEquals(3, rows.cellLength(0, 1));
        int offset = rows.cellOffset(0, 1);
        assertEquals("abc", new String(rows.data(), offset, 3, StandardCharsets.UTF_8));
        assertEquals(bytes(0, 0, 0, 2), rows.cell(1, 0));

        assertTrue(rows.isNull(1, 1));
        assertEquals(-1, rows.cellLength(1, 1));
        assertNull(rows.cell(1, 1));
    }

    @Test
    void cellViewsAreReadOnlySlices() {
        ByteBuffer cell = GLOBAL.cell(0, 1);
        assertTrue(cell.isReadOnly());
        assertEquals(0, cell.position());
        assertEquals(3, cell.remaining());
        assertThrows(ReadOnlyBufferException.class, () -> cell.put(0, (byte) 0));
    }

    @Test
    void dataIsTheRowsContentAsOnTheWire() {
        assertEquals("00000004 00000001 00000003 616263 00000004 00000002 ffffffff".replace(" ", ""),
                HexFormat.of().formatHex(GLOBAL.data()));
        assertEquals(4, GLOBAL.cellOffset(0, 0));
        assertEquals(12, GLOBAL.cellOffset(0, 1));
    }

    @Test
    void indexesAreChecked() {
        assertThrows(IndexOutOfBoundsException.class, () -> GLOBAL.cell(2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> GLOBAL.isNull(0, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> GLOBAL.cellLength(-1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> GLOBAL.cellOffset(0, -1));
    }

    @Test
    void decodedRowsOutliveTheBuffer() {
        ByteBuf source = Bytes.fromHex(GLOBAL_HEX);
        ByteBuf in = PooledByteBufAllocator.DEFAULT.directBuffer();
        in.writeBytes(source);
        source.release();
        RowsResult decoded = (RowsResult) CODEC.decode(in, ProtocolVersion.V5);
        in.release(); // nothing refers to the netty buffer any more
        assertEquals(GLOBAL, decoded);
        assertEquals(bytes('a', 'b', 'c'), decoded.cell(0, 1));
    }

    @Test
    void equalityComparesCellsNotNullEncodings() {
        // the same rows with NULL sent as -2: any negative [bytes] length is NULL
        String otherNull = GLOBAL_HEX.substring(0, GLOBAL_HEX.length() - 8) + "fffffffe";
        RowsResult decoded = (RowsResult) MessageRoundTrip.decode(CODEC, ProtocolVersion.V4, otherNull);
        assertEquals(GLOBAL, decoded);
        assertEquals(GLOBAL.hashCode(), decoded.hashCode());
        assertTrue(decoded.isNull(1, 1));
        assertEquals(-1, decoded.cellLength(1, 1));

        RowsResult different = RowsResult.of(GLOBAL.metadata(), List.of(
                List.of(bytes(0, 0, 0, 1), bytes('a', 'b', 'd')), Arrays.asList(bytes(0, 0, 0, 2), null)));
        assertNotEquals(GLOBAL, different);
        RowsResult emptyNotNull = RowsResult.of(GLOBAL.metadata(), List.of(
                List.of(bytes(0, 0, 0, 1), bytes('a', 'b', 'c')), List.of(bytes(0, 0, 0, 2), bytes())));
        assertNotEquals(GLOBAL, emptyNotNull);
        assertNotEquals(emptyNotNull, GLOBAL);
    }

    @Test
    void toStringShowsTheFirstRows() {
        String s = GLOBAL.toString();
        assertTrue(s.contains("rowCount=2"), s);
        assertTrue(s.contains("[0x00000001, 0x616263], [0x00000002, NULL]"), s);
    }

    @Test
    void noMetadataRowsAreTypedWithThePreparedColumns() {
        RowsResult untyped = RowsResult.of(RowsMetadata.noMetadata(2, bytes(9)), List.of(
                List.of(bytes(0, 0, 0, 1), bytes('x'))));
        assertThrows(IllegalStateException.class, () -> untyped.metadata().columns());

        RowsResult typed = untyped.withColumns(List.of(ID, NAME));
        assertEquals(List.of(ID, NAME), typed.metadata().columns());
        assertEquals(PrimitiveType.VARCHAR, typed.metadata().column(1).type());
        assertEquals(bytes(9), typed.metadata().pagingState()); // this page's paging state is kept
        assertEquals(bytes('x'), typed.cell(0, 1));
        assertThrows(IllegalArgumentException.class, () -> untyped.withColumns(List.of(ID)));
    }

    @Test
    void factoryValidatesRows() {
        RowsMetadata metadata = RowsMetadata.of(List.of(ID, NAME));
        assertThrows(IllegalArgumentException.class, () -> RowsResult.of(metadata, List.of(List.of(bytes(1)))));
        assertThrows(IllegalArgumentException.class,
                () -> RowsResult.of(metadata, List.of(List.of(bytes(1), Primitives.UNSET))));
    }

    @Test
    void factoryDoesNotMoveOrKeepTheBuffers() {
        ByteBuffer value = bytes(1, 2, 3);
        RowsResult rows = RowsResult.of(RowsMetadata.noMetadata(1, null), List.of(List.of(value)));
        assertEquals(0, value.position());
        value.put(0, (byte) 9);
        assertEquals(bytes(1, 2, 3), rows.cell(0, 0));
    }

    @Test
    void bigPageRoundTripsWithAHandfulOfAllocations() {
        RowsMetadata metadata = RowsMetadata.of(List.of(ID, NAME, new ColumnSpec("ks", "tb", "v", PrimitiveType.BLOB)));
        List<List<ByteBuffer>> rowList = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            rowList.add(Arrays.asList(ByteBuffer.allocate(4).putInt(0, i), i % 7 == 0 ? null : bytes('r', i),
                    ByteBuffer.allocate(i % 50)));
        }
        RowsResult rows = RowsResult.of(metadata, rowList);

        ByteBuf encoded = Unpooled.buffer();
        try {
            CODEC.encode(rows, encoded, ProtocolVersion.V5);
            RowsResult decoded = null;
            for (int warmup = 0; warmup < 20; warmup++) {
                decoded = (RowsResult) CODEC.decode(encoded.duplicate(), ProtocolVersion.V5);
            }
            assertEquals(rows, decoded);
            assertEquals(4999, decoded.cell(4999, 0).getInt());
            assertTrue(decoded.isNull(4998, 1)); // 4998 = 7 * 714

            long allocated = allocatedBytes(() -> CODEC.decode(encoded.duplicate(), ProtocolVersion.V5));
            long payload = decoded.data().length + 4L * 5000 * 3; // the byte[] and the int[] of offsets
            // measured: ~700 bytes over the payload; one object per cell would add 15,000 * 16 bytes or more
            assertTrue(allocated < payload + 16_384, () -> "decoding allocated " + allocated + " bytes for a "
                    + payload + "-byte payload");
        } finally {
            encoded.release();
        }
    }

    private static long allocatedBytes(Runnable action) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        long before = threads.getCurrentThreadAllocatedBytes();
        action.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
