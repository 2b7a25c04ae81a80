package io.reactivecql.tck;

import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.statement.SimpleStatement;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import org.testng.annotations.AfterClass;

/**
 * The Reactive Streams TCK on {@code ReactiveSession.executePage}: a {@code Mono} of one page over a
 * real connection. Its subscriber meets the driver's own request path (the connection's pending
 * request is the subscription, the request timeout is an operator of ours), not only Reactor's.
 */
public class ExecutePageTckTest extends PublisherVerification<ResultPage> {

    private final TckNode node = new TckNode();

    public ExecutePageTckTest() {
        // 5 s for expected signals (a loaded 2-core machine passed 1 s), 200 ms for absent ones, and
        // errors looked for every 20 ms (the TCK's default polls once per 5 s: each spec309 test took 5 s)
        super(new TestEnvironment(5_000, 200, 20));
    }

    @AfterClass
    public void close() {
        node.close();
    }

    @Override
    public Publisher<ResultPage> createPublisher(long elements) {
        return node.session.executePage(SimpleStatement.of(TckNode.ONE_ROW));
    }

    @Override
    public Publisher<ResultPage> createFailedPublisher() {
        return node.closed.executePage(SimpleStatement.of(TckNode.ONE_ROW));
    }

    @Override
    public long maxElementsFromPublisher() {
        return 1;
    }
}
