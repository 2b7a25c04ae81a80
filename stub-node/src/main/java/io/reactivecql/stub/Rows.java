package io.reactivecql.stub;

import io.reactivecql.protocol.response.result.ColumnSpec;
import io.reactivecql.protocol.response.result.RowsMetadata;
import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.protocol.types.DataType;
import io.reactivecql.protocol.types.TypeCodec;
import io.reactivecql.protocol.types.TypeCodecs;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rows a primed statement returns: column specs and rows of Java values, serialized once when
 * built (with {@link TypeCodecs}, so a value of the wrong class fails at priming time, on the test
 * thread). Immutable.
 *
 * <p>Paging follows the request: with a page size, each answer holds at most that many rows and,
 * unless it is the last, a paging state; a request carrying that state gets the next page. The
 * paging state is opaque to the client and only valid for the {@code Rows} that issued it.
 *
 * <pre>{@code
 * Rows rows = Rows.builder().table("ks", "users")
 *         .column("id", PrimitiveType.INT).column("name", PrimitiveType.VARCHAR)
 *         .row(1, "alice").row(2, "bob")
 *         .build();
 * }</pre>
 */
public final class Rows {

    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final List<ColumnSpec> columns;
    private final List<List<ByteBuffer>> rows;

    private Rows(List<ColumnSpec> columns, List<List<ByteBuffer>> rows) {
        this.columns = List.copyOf(columns);
        this.rows = Collections.unmodifiableList(rows);
    }

    /** A builder of rows in table {@code stub.stub} until {@link Builder#table} says otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** No columns, no rows: the answer to a SELECT that found nothing and a driver does not inspect. */
    public static Rows empty() {
        return new Rows(List.of(), List.of());
    }

    /** The result columns, in select order. */
    public List<ColumnSpec> columns() {
        return columns;
    }

    /** The number of rows. */
    public int size() {
        return rows.size();
    }

    /** Row {@code index} as serialized cells (read-only buffers; null for NULL). */
    public List<ByteBuffer> row(int index) {
        return rows.get(index);
    }

    long id() {
        return id;
    }

    /**
     * The page starting at row {@code offset}: {@code pageSize} rows at most (all when &le; 0), with a
     * paging state unless it reaches the end; only the column count when {@code skipMetadata}.
     */
    RowsResult page(int offset, int pageSize, boolean skipMetadata) {
        int from = Math.min(offset, rows.size());
        int to = pageSize <= 0 ? rows.size() : (int) Math.min((long) from + pageSize, rows.size());
        ByteBuffer pagingState = to < rows.size() ? PagingState.encode(id, to) : null;
        return RowsResult.of(metadata(skipMetadata, pagingState), rows.subList(from, to));
    }

    /** An empty page that claims more follow: its paging state resumes at row {@code offset}. */
    RowsResult emptyPage(int offset, boolean skipMetadata) {
        return RowsResult.of(metadata(skipMetadata, PagingState.encode(id, offset)), List.of());
    }

    private RowsMetadata metadata(boolean skipMetadata, ByteBuffer pagingState) {
        return skipMetadata ? RowsMetadata.noMetadata(columns.size(), pagingState)
                : RowsMetadata.of(columns, pagingState);
    }

    @Override
    public String toString() {
        return "Rows[" + rows.size() + " rows of " + columns.size() + " columns]";
    }

    /** Builds {@link Rows}. Not thread-safe. */
    public static final class Builder {

        private String keyspace = "stub";
        private String table = "stub";
        private final List<ColumnSpec> columns = new ArrayList<>();
        private final List<List<Object>> values = new ArrayList<>();

        private Builder() {
        }

        /** The keyspace and table of the columns added from now on. */
        public Builder table(String keyspace, String table) {
            this.keyspace = Objects.requireNonNull(keyspace, "keyspace");
            this.table = Objects.requireNonNull(table, "table");
            return this;
        }

        /** Adds a column of the current table. */
        public Builder column(String name, DataType type) {
            return column(new ColumnSpec(keyspace, table, name, type));
        }

        /** Adds a column. */
        public Builder column(ColumnSpec column) {
            columns.add(Objects.requireNonNull(column, "column"));
            return this;
        }

        /**
         * Adds a row: one value per column, of the Java class {@link TypeCodecs} maps the column's
         * type to ({@code Integer} for int, {@code Long} for bigint, ...), or null for NULL. A
         * {@link ByteBuffer} given for a non-blob column is taken as already serialized.
         */
        public Builder row(Object... cells) {
            values.add(Arrays.asList(cells.clone()));
            return this;
        }

        /** Adds rows, each as {@link #row} takes them. */
        public Builder rows(List<List<?>> rows) {
            for (List<?> row : rows) {
                values.add(new ArrayList<>(row));
            }
            return this;
        }

        /**
         * Serializes every value.
         *
         * @throws IllegalArgumentException when a row has the wrong number of cells or a value does
         *                                  not fit its column's type
         */
        public Rows build() {
            List<List<ByteBuffer>> encoded = new ArrayList<>(values.size());
            for (int r = 0; r < values.size(); r++) {
                List<Object> row = values.get(r);
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("row " + r + " has " + row.size() + " cells for "
                            + columns.size() + " columns");
                }
                List<ByteBuffer> cells = new ArrayList<>(row.size());
                for (int c = 0; c < row.size(); c++) {
                    cells.add(encode(columns.get(c), row.get(c), r));
                }
                encoded.add(Collections.unmodifiableList(cells));
            }
            return new Rows(columns, encoded);
        }

        @SuppressWarnings("unchecked")
        private static ByteBuffer encode(ColumnSpec column, Object value, int row) {
            if (value == null) {
                return null;
            }
            TypeCodec<Object> codec = (TypeCodec<Object>) TypeCodecs.codecFor(column.type());
            ByteBuffer bytes;
            if (codec.accepts(value)) {
                try {
                    bytes = codec.encode(value);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("row " + row + ", column " + column.name() + ": " + e.getMessage(), e);
                }
            } else if (value instanceof ByteBuffer raw) {
                bytes = raw.duplicate();
            } else {
                throw new IllegalArgumentException("row " + row + ", column " + column.name() + " ("
                        + column.type().asCql() + "): expected " + codec.javaType().getSimpleName() + ", got "
                        + value.getClass().getSimpleName() + " " + value);
            }
            return bytes.asReadOnlyBuffer();
        }
    }
}
