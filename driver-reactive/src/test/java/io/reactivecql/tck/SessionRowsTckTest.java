package io.reactivecql.tck;

import io.reactivecql.api.result.Row;
import io.reactivecql.api.statement.SimpleStatement;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import org.testng.annotations.AfterClass;

/**
 * The Reactive Streams TCK on {@code ReactiveSession.execute}: rows fetched from a stub node over a
 * real connection, 7 to a page, so that demand drives paging across the network and rows arrive on
 * the connection's event loop (the in-memory {@code RowPublisherTckTest} covers unbounded streams).
 */
public class SessionRowsTckTest extends PublisherVerification<Row> {

    private final TckNode node = new TckNode();

    public SessionRowsTckTest() {
        // 5 s for expected signals (a loaded 2-core machine passed 1 s), 200 ms for absent ones, and
        // errors looked for every 20 ms (the TCK's default polls once per 5 s: each spec309 test took 5 s)
        super(new TestEnvironment(5_000, 200, 20));
    }

    @AfterClass
    public void close() {
        node.close();
    }

    @Override
    public Publisher<Row> createPublisher(long elements) {
        return node.session.execute(SimpleStatement.of(node.rows(elements)).withPageSize(7));
    }

    @Override
    public Publisher<Row> createFailedPublisher() {
        return node.closed.execute(SimpleStatement.of(TckNode.ONE_ROW));
    }

    @Override
    public long maxElementsFromPublisher() {
        return 1_024;
    }
}
