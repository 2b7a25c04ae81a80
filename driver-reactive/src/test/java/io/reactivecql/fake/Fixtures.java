package io.reactivecql.fake;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.SessionBuilder;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.internal.session.SessionFactory;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.Request;
import io.reactivecql.protocol.request.Execute;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.request.QueryOptions;
import io.reactivecql.protocol.response.result.ColumnSpec;
import io.reactivecql.protocol.response.result.RowsMetadata;
import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.protocol.types.DataType;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.protocol.types.TypeCodec;
import io.reactivecql.protocol.types.TypeCodecs;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Builders of results, paged tables and sessions over fake transports. */
public final class Fixtures {

    public static final InetSocketAddress NODE = new InetSocketAddress("127.0.0.1", 9042);
    public static final List<ColumnSpec> ID_NAME = List.of(col("id", PrimitiveType.INT), col("name", PrimitiveType.VARCHAR));

    private Fixtures() {
    }

    public static ColumnSpec col(String name, DataType type) {
        return new ColumnSpec("ks", "t", name, type);
    }

    /** A rows result; each row's values are encoded with the built-in codec of its column. */
    public static RowsResult rows(List<ColumnSpec> columns, ByteBuffer pagingState, List<List<Object>> rows) {
        List<List<ByteBuffer>> cells = new ArrayList<>();
        for (List<Object> row : rows) {
            List<ByteBuffer> encoded = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                encoded.add(encode(columns.get(i).type(), row.get(i)));
            }
            cells.add(encoded);
        }
        return RowsResult.of(RowsMetadata.of(columns, pagingState), cells);
    }

    @SuppressWarnings("unchecked")
    public static ByteBuffer encode(DataType type, Object value) {
        return ((TypeCodec<Object>) TypeCodecs.codecFor(type)).encode(value);
    }

    public static ByteBuffer offset(int offset) {
        return ByteBuffer.allocate(4).putInt(0, offset);
    }

    /**
     * The page a paged table of {@code total} rows ({@code id} = i, {@code name} = "name-i") answers
     * to a QUERY or EXECUTE: the paging state is the offset of the next row.
     */
    public static RowsResult page(Request request, int total) {
        QueryOptions options = request instanceof Query q ? q.options() : ((Execute) request).options();
        int offset = options.pagingState() == null ? 0 : options.pagingState().getInt(0);
        int size = options.hasPageSize() ? options.pageSize() : total;
        int end = Math.min(total, offset + size);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = offset; i < end; i++) {
            rows.add(List.of(i, "name-" + i));
        }
        return rows(ID_NAME, end < total ? offset(end) : null, rows);
    }

    /** A session over {@code transport} (protocol version from it). */
    public static ReactiveSession session(FakeTransport transport, DriverConfig config) {
        return session(transport, config, null);
    }

    public static ReactiveSession session(FakeTransport transport, DriverConfig config, RequestTracker tracker) {
        SessionBuilder builder = ReactiveSession.builder().addContactPoint(NODE).withConfig(config);
        if (tracker != null) {
            builder = builder.withRequestTracker(tracker);
        }
        return SessionFactory.connect(builder, FakeConnectionFactory.of(transport), false)
                .block(Duration.ofSeconds(5));
    }

    public static FakeTransport transport(ProtocolVersion version, java.util.function.Function<Request,
            io.reactivecql.protocol.Response> answer) {
        return new FakeTransport(NODE, version, FakeTransport.answering(version, answer));
    }

    /** Counts what the session sends, per kind. */
    public static final class CountingTracker implements RequestTracker {
        public final List<Integer> executePages = new CopyOnWriteArrayList<>();
        public final List<Statement<?>> prepares = new CopyOnWriteArrayList<>();
        public final List<Throwable> errors = new CopyOnWriteArrayList<>();

        @Override
        public void onRequestSent(Kind kind, Statement<?> statement, InetSocketAddress node, int page) {
            if (kind == Kind.EXECUTE) {
                executePages.add(page);
            } else {
                prepares.add(statement);
            }
        }

        @Override
        public void onError(Kind kind, Statement<?> statement, InetSocketAddress node, Throwable error,
                            long latencyNanos) {
            errors.add(error);
        }
    }
}
