package io.reactivecql.tck;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.internal.connection.ReactorNettyConnectionFactory;
import io.reactivecql.internal.session.SessionFactory;
import io.reactivecql.protocol.response.error.Invalid;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.stub.Rows;
import io.reactivecql.stub.StubNode;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stub node and a session on it for the TCK classes of this package: statements whose answer is
 * {@code n} rows are primed on first use, so a publisher of exactly {@code n} elements is one
 * statement away. Blocking set-up, test threads only.
 */
final class TckNode implements AutoCloseable {

    /** Answered with an error: fails a statement, not a publisher (that needs demand first). */
    static final String FAILING = "SELECT v FROM tck.failing";
    static final String ONE_ROW = "SELECT v FROM tck.one";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final StubNode node = StubNode.start();
    private final ReactorNettyConnectionFactory loops = new ReactorNettyConnectionFactory();
    private final Set<Long> primed = ConcurrentHashMap.newKeySet();
    final ReactiveSession session;
    /** A session already closed: what it returns is in error from the start. */
    final ReactiveSession closed;

    TckNode() {
        node.when(FAILING).thenError(new Invalid("the statement fails, as asked"));
        node.when(ONE_ROW).thenRows(Rows.builder().column("v", PrimitiveType.BIGINT).row(0L).build());
        session = connect();
        closed = connect();
        closed.close().block(WAIT);
    }

    private ReactiveSession connect() {
        return SessionFactory.connectCluster(ReactiveSession.builder()
                .addContactPoint(node.address())
                .withLocalDatacenter("dc1")
                .withConfig(DriverConfig.defaults().withRequestTimeout(Duration.ofSeconds(10))), loops, false)
                .block(WAIT);
    }

    /** A statement answered with the rows 0..n-1 (column {@code v}, bigint), paged as asked. */
    String rows(long n) {
        String query = "SELECT v FROM tck.rows_" + n;
        if (primed.add(n)) {
            Rows.Builder rows = Rows.builder().column("v", PrimitiveType.BIGINT);
            for (long i = 0; i < n; i++) {
                rows.row(i);
            }
            node.when(query).thenRows(rows.build());
        }
        return query;
    }

    @Override
    public void close() {
        session.close().block(WAIT);
        loops.close().block(WAIT);
        node.close();
    }
}
