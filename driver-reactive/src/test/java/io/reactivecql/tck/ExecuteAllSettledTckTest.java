package io.reactivecql.tck;

import io.reactivecql.api.result.StatementResult;
import io.reactivecql.api.statement.SimpleStatement;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import org.testng.annotations.AfterClass;
import reactor.core.publisher.Flux;

/**
 * The Reactive Streams TCK on {@code ReactiveSession.executeAllSettled}: one result per statement,
 * every other one a failure (which must not end the stream).
 */
public class ExecuteAllSettledTckTest extends PublisherVerification<StatementResult> {

    private final TckNode node = new TckNode();

    public ExecuteAllSettledTckTest() {
        // 5 s for expected signals (a loaded 2-core machine passed 1 s), 200 ms for absent ones, and
        // errors looked for every 20 ms (the TCK's default polls once per 5 s: each spec309 test took 5 s)
        super(new TestEnvironment(5_000, 200, 20));
    }

    @AfterClass
    public void close() {
        node.close();
    }

    @Override
    public Publisher<StatementResult> createPublisher(long elements) {
        return node.session.executeAllSettled(Flux.range(0, (int) elements)
                .map(i -> SimpleStatement.of(i % 2 == 0 ? TckNode.ONE_ROW : TckNode.FAILING)), 4);
    }

    @Override
    public Publisher<StatementResult> createFailedPublisher() {
        // the statements themselves fail to come: the only way this publisher fails
        return node.session.executeAllSettled(Flux.error(new IllegalStateException("no statements")), 4);
    }

    @Override
    public long maxElementsFromPublisher() {
        return 256;
    }
}
