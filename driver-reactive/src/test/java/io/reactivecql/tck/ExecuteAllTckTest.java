package io.reactivecql.tck;

import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.statement.SimpleStatement;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import org.testng.annotations.AfterClass;
import reactor.core.publisher.Flux;

/** The Reactive Streams TCK on {@code ReactiveSession.executeAll}: one page per statement, four at a time. */
public class ExecuteAllTckTest extends PublisherVerification<ResultPage> {

    private final TckNode node = new TckNode();

    public ExecuteAllTckTest() {
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
        return node.session.executeAll(Flux.range(0, (int) elements).map(i -> SimpleStatement.of(TckNode.ONE_ROW)), 4);
    }

    @Override
    public Publisher<ResultPage> createFailedPublisher() {
        return node.closed.executeAll(Flux.just(SimpleStatement.of(TckNode.ONE_ROW)), 4);
    }

    @Override
    public long maxElementsFromPublisher() {
        return 256;
    }
}
