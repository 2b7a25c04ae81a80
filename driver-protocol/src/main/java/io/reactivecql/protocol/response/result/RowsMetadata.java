package io.reactivecql.protocol.response.result;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The {@code <metadata>} of a Rows result, also the {@code <result_metadata>} of a Prepared result
 * (4.2.5.2): the column count, the column specs unless the No_metadata flag was set, the paging state
 * of a page that is not the last, and (v5) the new result metadata id announced by Metadata_changed.
 *
 * <p>The wire flags are derived, not stored: Global_tables_spec is written when every column has the
 * same keyspace and table (as Cassandra does), Has_more_pages when there is a paging state,
 * No_metadata when there are no column specs and Metadata_changed when there is a new metadata id.
 *
 * <p>With No_metadata (the client asked the server to skip it) only the column count is known:
 * {@link #columns()} throws until {@link #withColumns} supplies the prepared statement's columns.
 */
public final class RowsMetadata {

    /** No columns and no column specs: the result metadata of a statement that returns no rows. */
    public static final RowsMetadata EMPTY = noMetadata(0, null);

    private final int columnCount;
    private final List<ColumnSpec> columns;
    private final ByteBuffer pagingState;
    private final byte[] newMetadataId;

    private RowsMetadata(int columnCount, List<ColumnSpec> columns, ByteBuffer pagingState, byte[] newMetadataId) {
        if (columnCount < 0) {
            throw new IllegalArgumentException("column count must not be negative, was " + columnCount);
        }
        if (newMetadataId != null) {
            if (columns == null) {
                throw new IllegalArgumentException("a new metadata id (Metadata_changed) requires the column specs");
            }
            if (newMetadataId.length > 0xFFFF) {
                throw new IllegalArgumentException("metadata id of " + newMetadataId.length
                        + " bytes does not fit [short bytes]");
            }
        }
        this.columnCount = columnCount;
        this.columns = columns;
        this.pagingState = pagingState == null ? null : copy(pagingState);
        this.newMetadataId = newMetadataId == null ? null : newMetadataId.clone();
    }

    /**
     * Full metadata.
     *
     * @param columns       the column specs, in select order
     * @param pagingState   the state to fetch the next page with, or null on the last page
     * @param newMetadataId the result metadata id to use from now on (v5 Metadata_changed), or null
     */
    public RowsMetadata(List<ColumnSpec> columns, ByteBuffer pagingState, byte[] newMetadataId) {
        this(columns.size(), List.copyOf(columns), pagingState, newMetadataId);
    }

    /** Full metadata of a last page. */
    public static RowsMetadata of(List<ColumnSpec> columns) {
        return new RowsMetadata(columns, null, null);
    }

    /** Full metadata of a page with more to come ({@code pagingState} may be null for the last page). */
    public static RowsMetadata of(List<ColumnSpec> columns, ByteBuffer pagingState) {
        return new RowsMetadata(columns, pagingState, null);
    }

    /** No_metadata: only the column count (and the paging state, null on the last page). */
    public static RowsMetadata noMetadata(int columnCount, ByteBuffer pagingState) {
        return new RowsMetadata(columnCount, null, pagingState, null);
    }

    /** The number of columns of every row. */
    public int columnCount() {
        return columnCount;
    }

    /** Whether the column specs are known (false for a No_metadata result). */
    public boolean hasColumns() {
        return columns != null;
    }

    /**
     * The column specs, in select order.
     *
     * @throws IllegalStateException for a No_metadata result: use {@link #withColumns} with the
     *                               prepared statement's result metadata first
     */
    public List<ColumnSpec> columns() {
        if (columns == null) {
            throw new IllegalStateException("the result was sent without metadata (No_metadata): supply the "
                    + "prepared statement's result columns with withColumns");
        }
        return columns;
    }

    /** The spec of column {@code index}; see {@link #columns()}. */
    public ColumnSpec column(int index) {
        return columns().get(Objects.checkIndex(index, columnCount));
    }

    /** The same metadata with these column specs (their number must be the column count). */
    public RowsMetadata withColumns(List<ColumnSpec> newColumns) {
        if (newColumns.size() != columnCount) {
            throw new IllegalArgumentException(newColumns.size() + " column specs for a result of " + columnCount
                    + " columns");
        }
        return new RowsMetadata(columnCount, List.copyOf(newColumns), pagingState, newMetadataId);
    }

    /** Whether more pages follow (the Has_more_pages flag). */
    public boolean hasMorePages() {
        return pagingState != null;
    }

    /** The paging state (a read-only buffer), or null on the last page. */
    public ByteBuffer pagingState() {
        return pagingState == null ? null : pagingState.duplicate();
    }

    /** Whether the result metadata changed (v5 Metadata_changed): see {@link #newMetadataId()}. */
    public boolean isMetadataChanged() {
        return newMetadataId != null;
    }

    /** The new result metadata id (a copy) when the metadata changed, else null. */
    public byte[] newMetadataId() {
        return newMetadataId == null ? null : newMetadataId.clone();
    }

    private static ByteBuffer copy(ByteBuffer source) {
        byte[] bytes = new byte[source.remaining()];
        source.duplicate().get(bytes);
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowsMetadata other
                && columnCount == other.columnCount
                && Objects.equals(columns, other.columns)
                && Objects.equals(pagingState, other.pagingState)
                && Arrays.equals(newMetadataId, other.newMetadataId);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(columnCount, columns, pagingState);
        return 31 * h + Arrays.hashCode(newMetadataId);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("RowsMetadata[columnCount=").append(columnCount);
        s.append(", columns=").append(columns == null ? "<No_metadata>" : columns);
        if (pagingState != null) {
            s.append(", pagingState=0x").append(hex(pagingState));
        }
        if (newMetadataId != null) {
            s.append(", newMetadataId=0x").append(HexFormat.of().formatHex(newMetadataId));
        }
        return s.append(']').toString();
    }

    private static String hex(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
