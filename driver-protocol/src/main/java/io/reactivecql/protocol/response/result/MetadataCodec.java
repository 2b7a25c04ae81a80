package io.reactivecql.protocol.response.result;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.ProtocolException;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.types.DataType;
import io.reactivecql.protocol.types.DataTypeCodec;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads and writes the result metadata of Rows and Prepared results and the prepared (bind marker)
 * metadata of Prepared results, including their column specs with or without the global table spec.
 */
final class MetadataCodec {

    static final int GLOBAL_TABLES_SPEC = 0x0001;
    static final int HAS_MORE_PAGES = 0x0002;
    static final int NO_METADATA = 0x0004;
    static final int METADATA_CHANGED = 0x0008;

    private static final int V4_ROWS_FLAGS = GLOBAL_TABLES_SPEC | HAS_MORE_PAGES | NO_METADATA;
    private static final int V5_ROWS_FLAGS = V4_ROWS_FLAGS | METADATA_CHANGED;

    private MetadataCodec() {
    }

    // ---------------------------------------------------------------- rows metadata

    static RowsMetadata readRowsMetadata(ByteBuf in, ProtocolVersion version) {
        int flags = Primitives.readInt(in, "rows metadata flags");
        int known = version == ProtocolVersion.V4 ? V4_ROWS_FLAGS : V5_ROWS_FLAGS;
        if ((flags & ~known) != 0) {
            throw ProtocolException.at(in, String.format("unknown rows metadata flags 0x%08X in %s", flags & ~known,
                    version));
        }
        int columnCount = readCount(in, "columns_count");
        ByteBuffer pagingState = null;
        if ((flags & HAS_MORE_PAGES) != 0) {
            pagingState = Primitives.readBytes(in, "paging_state");
            if (pagingState == null) {
                throw ProtocolException.at(in, "Has_more_pages set but the paging_state is null");
            }
        }
        boolean noMetadata = (flags & NO_METADATA) != 0;
        byte[] newMetadataId = null;
        if ((flags & METADATA_CHANGED) != 0) {
            if (noMetadata) {
                throw ProtocolException.at(in, "Metadata_changed and No_metadata both set");
            }
            newMetadataId = Primitives.readShortBytes(in, "new_metadata_id");
        }
        if (noMetadata) {
            // Cassandra may leave Global_tables_spec set here; with No_metadata it announces nothing
            return RowsMetadata.noMetadata(columnCount, pagingState);
        }
        List<ColumnSpec> columns = readColumnSpecs(in, columnCount, (flags & GLOBAL_TABLES_SPEC) != 0);
        return new RowsMetadata(columns, pagingState, newMetadataId);
    }

    /** Writes rows metadata; the v5-only new metadata id is left out for v4, as a v4 server would. */
    static void writeRowsMetadata(RowsMetadata metadata, ByteBuf out, ProtocolVersion version) {
        boolean global = metadata.hasColumns() && sharesOneTable(metadata.columns());
        boolean changed = metadata.isMetadataChanged() && version != ProtocolVersion.V4;
        int flags = (global ? GLOBAL_TABLES_SPEC : 0)
                | (metadata.hasMorePages() ? HAS_MORE_PAGES : 0)
                | (metadata.hasColumns() ? 0 : NO_METADATA)
                | (changed ? METADATA_CHANGED : 0);
        out.writeInt(flags);
        out.writeInt(metadata.columnCount());
        if (metadata.hasMorePages()) {
            Primitives.writeBytes(metadata.pagingState(), out);
        }
        if (changed) {
            Primitives.writeShortBytes(metadata.newMetadataId(), out);
        }
        if (metadata.hasColumns()) {
            writeColumnSpecs(metadata.columns(), global, out);
        }
    }

    // ---------------------------------------------------------------- prepared metadata

    static PreparedMetadata readPreparedMetadata(ByteBuf in) {
        int flags = Primitives.readInt(in, "prepared metadata flags");
        if ((flags & ~GLOBAL_TABLES_SPEC) != 0) {
            throw ProtocolException.at(in, String.format("unknown prepared metadata flags 0x%08X",
                    flags & ~GLOBAL_TABLES_SPEC));
        }
        int columnCount = readCount(in, "prepared columns_count");
        int pkCount = readCount(in, "pk_count");
        if (pkCount > in.readableBytes() / 2) {
            throw ProtocolException.at(in, "pk_count " + pkCount + " cannot fit in the " + in.readableBytes()
                    + " bytes left");
        }
        List<Integer> pkIndexes = new ArrayList<>(pkCount);
        for (int i = 0; i < pkCount; i++) {
            int index = Primitives.readUnsignedShort(in, "pk_index");
            if (index >= columnCount) {
                throw ProtocolException.at(in, "pk_index " + index + " is not one of the " + columnCount
                        + " bind markers");
            }
            pkIndexes.add(index);
        }
        List<ColumnSpec> variables = readColumnSpecs(in, columnCount, (flags & GLOBAL_TABLES_SPEC) != 0);
        return new PreparedMetadata(variables, pkIndexes);
    }

    static void writePreparedMetadata(PreparedMetadata metadata, ByteBuf out) {
        List<ColumnSpec> variables = metadata.variables();
        boolean global = sharesOneTable(variables);
        out.writeInt(global ? GLOBAL_TABLES_SPEC : 0);
        out.writeInt(variables.size());
        out.writeInt(metadata.partitionKeyIndexes().size());
        for (int index : metadata.partitionKeyIndexes()) {
            out.writeShort(index);
        }
        writeColumnSpecs(variables, global, out);
    }

    // ---------------------------------------------------------------- column specs

    /** Whether the global table spec can be sent: there are columns and all share one keyspace and table. */
    private static boolean sharesOneTable(List<ColumnSpec> columns) {
        if (columns.isEmpty()) {
            return false;
        }
        ColumnSpec first = columns.get(0);
        for (ColumnSpec c : columns) {
            if (!c.sameTableAs(first)) {
                return false;
            }
        }
        return true;
    }

    private static List<ColumnSpec> readColumnSpecs(ByteBuf in, int columnCount, boolean global) {
        String keyspace = null;
        String table = null;
        if (global) {
            keyspace = Primitives.readString(in, "global keyspace");
            table = Primitives.readString(in, "global table");
        }
        // smallest spec: an empty name and a 2-byte type id (plus two empty strings without a global spec)
        int minSpec = global ? 4 : 8;
        if (columnCount > in.readableBytes() / minSpec) {
            throw ProtocolException.at(in, columnCount + " column specs cannot fit in the " + in.readableBytes()
                    + " bytes left");
        }
        List<ColumnSpec> columns = new ArrayList<>(columnCount);
        for (int i = 0; i < columnCount; i++) {
            String ks = global ? keyspace : Primitives.readString(in, "column keyspace");
            String tb = global ? table : Primitives.readString(in, "column table");
            String name = Primitives.readString(in, "column name");
            DataType type = DataTypeCodec.read(in);
            columns.add(new ColumnSpec(ks, tb, name, type));
        }
        return Collections.unmodifiableList(columns);
    }

    private static void writeColumnSpecs(List<ColumnSpec> columns, boolean global, ByteBuf out) {
        if (global) {
            Primitives.writeString(columns.get(0).keyspace(), out);
            Primitives.writeString(columns.get(0).table(), out);
        }
        for (ColumnSpec c : columns) {
            if (!global) {
                Primitives.writeString(c.keyspace(), out);
                Primitives.writeString(c.table(), out);
            }
            Primitives.writeString(c.name(), out);
            DataTypeCodec.write(c.type(), out);
        }
    }

    static int readCount(ByteBuf in, String what) {
        int n = Primitives.readInt(in, what);
        if (n < 0) {
            throw ProtocolException.at(in, "negative " + what + " " + n);
        }
        return n;
    }
}
