package io.reactivecql.stub;

import io.reactivecql.protocol.response.result.ColumnSpec;
import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.protocol.types.TypeCodecs;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Decodes a Rows result back into Java values, for assertions. */
final class TestRows {

    private TestRows() {
    }

    static List<List<Object>> values(RowsResult result) {
        return values(result, result.metadata().columns());
    }

    /** For a result sent without metadata: decode with the columns the PREPARE announced. */
    static List<List<Object>> values(RowsResult result, List<ColumnSpec> columns) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < result.rowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < result.columnCount(); c++) {
                ByteBuffer cell = result.cell(r, c);
                row.add(cell == null ? null : TypeCodecs.codecFor(columns.get(c).type()).decode(cell));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The value of column {@code name} in the only row. */
    static Object single(RowsResult result, String name) {
        if (result.rowCount() != 1) {
            throw new AssertionError("expected one row, got " + result.rowCount());
        }
        List<ColumnSpec> columns = result.metadata().columns();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(name)) {
                return values(result).get(0).get(c);
            }
        }
        throw new AssertionError("no column " + name + " in " + columns);
    }
}
