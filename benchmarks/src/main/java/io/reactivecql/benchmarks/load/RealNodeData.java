package io.reactivecql.benchmarks.load;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.statement.BatchStatement;
import io.reactivecql.api.statement.PreparedStatement;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.protocol.request.BatchType;
import reactor.core.publisher.Flux;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Creates the schema on the real node and writes the rows the SELECT and the paged read read. */
final class RealNodeData {

    private static final int BATCH_ROWS = 250;

    private RealNodeData() {
    }

    /**
     * @param settle flushes the memtables and compacts (nodetool), so that the runs do not share the
     *               node with the flush and compactions the writes would cause; null when the
     *               node cannot be controlled
     */
    static void create(ReactiveSession session, int pagedRows, boolean paged, Runnable settle, PrintStream out) {
        for (String ddl : List.of(Schema.CREATE_KEYSPACE, Schema.CREATE_KV, Schema.CREATE_WIDE)) {
            session.execute(ddl).then().block(Duration.ofMinutes(1));
        }
        PreparedStatement insert = session.prepare(Schema.INSERT).block(Duration.ofSeconds(30));
        List<Statement<?>> kv = new ArrayList<>();
        for (long k = 0; k < Schema.SELECT_KEYS; k++) {
            kv.add(insert.bind(k, Schema.VALUE));
        }
        session.executeAll(Flux.fromIterable(kv), 32).then().block(Duration.ofMinutes(5));
        out.printf("wrote %,d rows for the point SELECT%n", Schema.SELECT_KEYS);
        if (!paged) {
            return;
        }
        int last = pagedRows - 1;
        long present = session.execute("SELECT c FROM bench.wide WHERE p = ? AND c = ?", Schema.PARTITION, last)
                .count().block(Duration.ofSeconds(30));
        if (present == 1) {
            out.printf("the %,d-row partition is already there%n", pagedRows);
            return;
        }
        long t0 = System.nanoTime();
        PreparedStatement wide = session.prepare(Schema.INSERT_WIDE).block(Duration.ofSeconds(30));
        Flux<Statement<?>> batches = Flux.range(0, (pagedRows + BATCH_ROWS - 1) / BATCH_ROWS).map(b -> {
            List<Statement<?>> rows = new ArrayList<>(BATCH_ROWS);
            for (int c = b * BATCH_ROWS; c < Math.min(pagedRows, (b + 1) * BATCH_ROWS); c++) {
                rows.add(wide.bind(Schema.PARTITION, c, Schema.wideValue(c)));
            }
            return BatchStatement.of(BatchType.UNLOGGED, rows);
        });
        Long written = session.executeAll(batches, 4).count().block(Duration.ofMinutes(20));
        out.printf("wrote the %,d-row partition in %d batches, %.1f s%n", pagedRows, written,
                (System.nanoTime() - t0) / 1e9);
        if (settle != null) {
            long t1 = System.nanoTime();
            settle.run();
            out.printf("flushed and compacted in %.1f s%n", (System.nanoTime() - t1) / 1e9);
        }
    }
}
