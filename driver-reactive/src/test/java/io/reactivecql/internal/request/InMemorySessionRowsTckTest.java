package io.reactivecql.internal.request;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.fake.FakeTransport;
import io.reactivecql.fake.Fixtures;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.Query;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import org.testng.annotations.AfterClass;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;

/**
 * The Reactive Streams TCK on {@code session.execute}'s rows, through the whole request path
 * (statement execution, the direct request exchange, the connection's answer), over a fake
 * connection that answers pages of 7 rows, every other page on another thread. The query's
 * comment says how many rows the table has. Unbounded streams, which the stub-node variant
 * ({@code io.reactivecql.tck.SessionRowsTckTest}) caps at 1,024 rows.
 */
public class InMemorySessionRowsTckTest extends PublisherVerification<Row> {

    private static final int PAGE = 7;

    private final ReactiveSession session;

    public InMemorySessionRowsTckTest() {
        // 5 s for expected signals, 200 ms for absent ones, errors looked for every 20 ms (as the
        // other TCK classes; io.reactivecql.tck.SessionRowsTckTest runs the same over a stub node)
        super(new TestEnvironment(5_000, 200, 20));
        FakeTransport transport = new FakeTransport(Fixtures.NODE, ProtocolVersion.V5, request -> {
            int total = request instanceof Query q && q.query().contains("/* ")
                    ? Integer.parseInt(q.query().substring(q.query().indexOf("/* ") + 3, q.query().indexOf(" */")))
                    : 0;
            Mono<Envelope> answer = Mono.just(Envelope.response(ProtocolVersion.V5, 1, Fixtures.page(request, total)));
            boolean even = request instanceof Query q && q.options().pagingState() != null
                    && q.options().pagingState().getInt(0) / PAGE % 2 == 1;
            return even ? answer.publishOn(Schedulers.parallel()) : answer;
        });
        session = Fixtures.session(transport, DriverConfig.defaults().withPageSize(PAGE));
    }

    @AfterClass
    public void closeSession() {
        session.close().block(Duration.ofSeconds(5));
    }

    @Override
    public Publisher<Row> createPublisher(long elements) {
        return session.execute("SELECT id, name FROM t /* " + elements + " */");
    }

    @Override
    public Publisher<Row> createFailedPublisher() {
        // the execution fails on subscription: the session has no such profile
        return session.execute(SimpleStatement.of("SELECT id, name FROM t /* 3 */")
                .withExecutionProfileName("no-such-profile"));
    }

    @Override
    public long maxElementsFromPublisher() {
        return Integer.MAX_VALUE;
    }
}
