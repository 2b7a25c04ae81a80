package io.reactivecql.protocol.response.result;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.ProtocolException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The Rows result (4.2.5.2): a page of rows and its {@link RowsMetadata}.
 *
 * <p>This is the hot path, so cells are not objects. Decoding copies the whole
 * {@code <rows_content>} once into a {@code byte[]} (the netty buffer can be released at once and
 * nothing refers to it afterwards) and validates every cell's [bytes] length in one pass over that
 * array, recording where each cell starts in an {@code int[]}: a page costs a handful of
 * allocations whatever its size. Cells are read through {@link #isNull}, {@link #cellLength},
 * {@link #cellOffset} and {@link #data()}, or as a {@link ByteBuffer} view with {@link #cell}.
 *
 * <p>{@link #data()} is exactly {@code <rows_content>} as on the wire: cell {@code (row, col)} is a
 * 4-byte big-endian length (negative for NULL) at {@code cellOffset(row, col) - 4}, followed by its
 * value. Instances are immutable; equality compares the metadata and the cell values.
 */
public final class RowsResult implements Result {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    /** Every cell takes at least its 4-byte length. */
    private static final int MIN_CELL_BYTES = 4;
    private static final int TO_STRING_ROWS = 3;

    private final RowsMetadata metadata;
    private final int rowCount;
    private final int columnCount;
    private final byte[] data;
    /** For cell {@code row * columnCount + col}: the index in {@link #data} of its length prefix. */
    private final int[] offsets;

    private RowsResult(RowsMetadata metadata, int rowCount, byte[] data, int[] offsets) {
        this.metadata = metadata;
        this.rowCount = rowCount;
        this.columnCount = metadata.columnCount();
        this.data = data;
        this.offsets = offsets;
    }

    /**
     * A result holding {@code rows}, for tests and stub nodes. Each row must have
     * {@code metadata.columnCount()} cells; a null cell is NULL. The buffers are copied (from their
     * position to their limit) and not moved.
     */
    public static RowsResult of(RowsMetadata metadata, List<List<ByteBuffer>> rows) {
        int columnCount = metadata.columnCount();
        long size = 0;
        for (List<ByteBuffer> row : rows) {
            if (row.size() != columnCount) {
                throw new IllegalArgumentException("row of " + row.size() + " cells in a result of " + columnCount
                        + " columns");
            }
            for (ByteBuffer cell : row) {
                if (cell == Primitives.UNSET) {
                    throw new IllegalArgumentException("UNSET is not a result value");
                }
                size += MIN_CELL_BYTES + (cell == null ? 0 : cell.remaining());
            }
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("rows of " + size + " bytes do not fit one result");
        }
        byte[] data = new byte[(int) size];
        int[] offsets = new int[rows.size() * columnCount];
        int pos = 0;
        int cellIndex = 0;
        for (List<ByteBuffer> row : rows) {
            for (ByteBuffer cell : row) {
                offsets[cellIndex++] = pos;
                if (cell == null) {
                    INT.set(data, pos, Primitives.NULL_VALUE);
                    pos += MIN_CELL_BYTES;
                } else {
                    int length = cell.remaining();
                    INT.set(data, pos, length);
                    cell.duplicate().get(data, pos + MIN_CELL_BYTES, length);
                    pos += MIN_CELL_BYTES + length;
                }
            }
        }
        return new RowsResult(metadata, rows.size(), data, offsets);
    }

    /**
     * Reads {@code <rows_count><rows_content>} after the metadata. Every count is checked against
     * the readable bytes before anything proportional to it is allocated.
     */
    static RowsResult read(RowsMetadata metadata, ByteBuf in) {
        int rowCount = Primitives.readInt(in, "rows_count");
        if (rowCount < 0) {
            throw ProtocolException.at(in, "negative rows_count " + rowCount);
        }
        int columnCount = metadata.columnCount();
        long cellCount = (long) rowCount * columnCount;
        int readable = in.readableBytes();
        if (cellCount > readable / MIN_CELL_BYTES) {
            throw ProtocolException.at(in, rowCount + " rows of " + columnCount + " columns need at least "
                    + cellCount * MIN_CELL_BYTES + " bytes, only " + readable + " remain");
        }
        // one copy of everything left (in a RESULT body that is exactly <rows_content>), then one
        // pass over a plain array: no per-cell bounds or reference count checks on the ByteBuf
        byte[] region = new byte[readable];
        in.getBytes(in.readerIndex(), region);
        int[] offsets = new int[(int) cellCount];
        int pos = 0;
        for (int i = 0; i < offsets.length; i++) {
            if (readable - pos < MIN_CELL_BYTES) {
                throw cellError(in, i, columnCount, pos, "length needs 4 bytes, " + (readable - pos) + " remain");
            }
            offsets[i] = pos;
            int length = (int) INT.get(region, pos);
            pos += MIN_CELL_BYTES;
            if (length > 0) {
                if (length > readable - pos) {
                    throw cellError(in, i, columnCount, pos, "value of " + length + " bytes, only "
                            + (readable - pos) + " remain");
                }
                pos += length;
            }
        }
        in.skipBytes(pos);
        // bytes after the rows are the caller's to reject; keep data exactly <rows_content>
        byte[] data = pos == readable ? region : Arrays.copyOf(region, pos);
        return new RowsResult(metadata, rowCount, data, offsets);
    }

    private static ProtocolException cellError(ByteBuf in, int cell, int columnCount, int pos, String what) {
        return new ProtocolException("malformed cell (row " + cell / columnCount + ", column " + cell % columnCount
                + ") at byte " + (in.readerIndex() + pos) + " of " + in.writerIndex() + ": " + what);
    }

    /** Writes {@code <rows_count><rows_content>}. */
    void writeRows(ByteBuf out) {
        out.writeInt(rowCount);
        out.writeBytes(data);
    }

    @Override
    public ResultKind kind() {
        return ResultKind.ROWS;
    }

    public RowsMetadata metadata() {
        return metadata;
    }

    public int rowCount() {
        return rowCount;
    }

    public int columnCount() {
        return columnCount;
    }

    /**
     * The same rows with these column specs: for a No_metadata result, pass the result columns the
     * PREPARE returned so the rows can be typed. The paging state is kept; the data is shared.
     */
    public RowsResult withColumns(List<ColumnSpec> columns) {
        return new RowsResult(metadata.withColumns(columns), rowCount, data, offsets);
    }

    /** Whether cell {@code (row, col)} is NULL. */
    public boolean isNull(int row, int col) {
        return rawLength(index(row, col)) < 0;
    }

    /** The length of cell {@code (row, col)}'s value, or -1 when it is NULL. */
    public int cellLength(int row, int col) {
        int length = rawLength(index(row, col));
        return length < 0 ? Primitives.NULL_VALUE : length;
    }

    /** The index in {@link #data()} of the first byte of cell {@code (row, col)}'s value. */
    public int cellOffset(int row, int col) {
        return offsets[index(row, col)] + MIN_CELL_BYTES;
    }

    /**
     * The backing array: {@code <rows_content>} as on the wire (see the class comment). Not a copy,
     * so that the hot path allocates nothing: treat it as read-only; writing to it corrupts this
     * result and every copy made with {@link #withColumns}.
     */
    public byte[] data() {
        return data;
    }

    /** Cell {@code (row, col)} as a read-only buffer over {@link #data()} (position 0), or null when NULL. */
    public ByteBuffer cell(int row, int col) {
        int i = index(row, col);
        int length = rawLength(i);
        if (length < 0) {
            return null;
        }
        return ByteBuffer.wrap(data, offsets[i] + MIN_CELL_BYTES, length).slice().asReadOnlyBuffer();
    }

    private int index(int row, int col) {
        Objects.checkIndex(row, rowCount);
        Objects.checkIndex(col, columnCount);
        return row * columnCount + col;
    }

    private int rawLength(int cellIndex) {
        return (int) INT.get(data, offsets[cellIndex]);
    }

    // ---------------------------------------------------------------- value semantics

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RowsResult other) || rowCount != other.rowCount || columnCount != other.columnCount
                || !metadata.equals(other.metadata)) {
            return false;
        }
        if (Arrays.equals(data, other.data)) {
            return true; // same bytes means same cells: the layout is determined by the lengths
        }
        // different bytes may still be equal cells: any negative length is NULL
        for (int i = 0; i < offsets.length; i++) {
            int length = rawLength(i);
            int otherLength = other.rawLength(i);
            if (length < 0 || otherLength < 0) {
                if ((length < 0) != (otherLength < 0)) {
                    return false;
                }
            } else {
                int from = offsets[i] + MIN_CELL_BYTES;
                int otherFrom = other.offsets[i] + MIN_CELL_BYTES;
                if (!Arrays.equals(data, from, from + length, other.data, otherFrom, otherFrom + otherLength)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = metadata.hashCode() * 31 + rowCount;
        for (int i = 0; i < offsets.length; i++) {
            int length = rawLength(i);
            if (length < 0) {
                h = h * 31 - 1;
                continue;
            }
            int from = offsets[i] + MIN_CELL_BYTES;
            for (int j = from; j < from + length; j++) {
                h = h * 31 + data[j];
            }
            h = h * 31 + length;
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("RowsResult[rowCount=").append(rowCount)
                .append(", metadata=").append(metadata).append(", rows=[");
        HexFormat hex = HexFormat.of();
        for (int row = 0; row < Math.min(rowCount, TO_STRING_ROWS); row++) {
            s.append(row == 0 ? "[" : ", [");
            for (int col = 0; col < columnCount; col++) {
                int i = row * columnCount + col;
                int length = rawLength(i);
                s.append(col == 0 ? "" : ", ");
                if (length < 0) {
                    s.append("NULL");
                } else {
                    int from = offsets[i] + MIN_CELL_BYTES;
                    s.append("0x").append(hex.formatHex(data, from, from + Math.min(length, 16)));
                    if (length > 16) {
                        s.append("...(").append(length).append(" bytes)");
                    }
                }
            }
            s.append(']');
        }
        if (rowCount > TO_STRING_ROWS) {
            s.append(", ...").append(rowCount - TO_STRING_ROWS).append(" more");
        }
        return s.append("]]").toString();
    }
}
