package io.reactivecql.internal.request;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.errors.InvalidQueryException;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.result.StatementResult;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.fake.FakeTransport;
import io.reactivecql.fake.Fixtures;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.response.error.Invalid;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** executeAll: bounded concurrency, results in statement order, both error modes. */
class ExecuteAllTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Answers "SELECT n" after (10 - n) * 10 ms, so later statements finish first; "FAIL n" fails. */
    private static FakeTransport node(AtomicInteger inFlight, AtomicInteger maxInFlight) {
        return new FakeTransport(Fixtures.NODE, ProtocolVersion.V5, request -> {
            String q = ((Query) request).query();
            int n = Integer.parseInt(q.substring(q.indexOf(' ') + 1));
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            Envelope answer = Envelope.response(ProtocolVersion.V5, 1, q.startsWith("FAIL")
                    ? new Invalid("statement " + n + " is invalid")
                    : Fixtures.rows(Fixtures.ID_NAME, null, List.of(List.of(n, "r" + n))));
            return Mono.delay(Duration.ofMillis((10 - n % 10) * 10L))
                    .doOnNext(x -> inFlight.decrementAndGet())
                    .map(x -> answer);
        });
    }

    private static Flux<Statement<?>> statements(int count, int failing) {
        return Flux.range(0, count).map(i -> SimpleStatement.of((i == failing ? "FAIL " : "SELECT ") + i));
    }

    @Test
    void resultsComeInStatementOrderWithBoundedConcurrency() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        ReactiveSession session = Fixtures.session(node(inFlight, max), DriverConfig.defaults());
        List<Integer> ids = session.executeAll(statements(30, -1), 4)
                .map(page -> page.one().getInt("id"))
                .collectList().block(WAIT);
        assertEquals(30, ids.size());
        for (int i = 0; i < 30; i++) {
            assertEquals(i, ids.get(i));
        }
        assertTrue(max.get() <= 4, "at most 4 in flight, saw " + max.get());
        assertTrue(max.get() >= 2, "ran concurrently");
    }

    @Test
    void theFirstErrorFailsTheWholeByDefault() {
        AtomicInteger inFlight = new AtomicInteger();
        FakeTransport transport = node(inFlight, new AtomicInteger());
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults());
        List<Integer> before = new java.util.concurrent.CopyOnWriteArrayList<>();
        StepVerifier.create(session.executeAll(statements(30, 3), 4).map(p -> p.one().getInt("id"))
                        .doOnNext(before::add))
                .thenConsumeWhile(x -> true)
                .expectError(InvalidQueryException.class)
                .verify(WAIT);
        // fail-fast: the error comes as soon as it happens, after results in order (none past it)
        assertTrue(before.stream().allMatch(i -> i < 3), before.toString());
        assertTrue(transport.sent().size() < 30, "the rest was not sent");
    }

    @Test
    void settledModeGoesOnPastErrors() {
        AtomicInteger inFlight = new AtomicInteger();
        ReactiveSession session = Fixtures.session(node(inFlight, new AtomicInteger()), DriverConfig.defaults());
        List<StatementResult> results = session.executeAllSettled(statements(12, 5), 3).collectList().block(WAIT);
        assertEquals(12, results.size());
        for (int i = 0; i < 12; i++) {
            StatementResult r = results.get(i);
            assertEquals(i, r.index());
            if (i == 5) {
                assertFalse(r.isSuccess());
                assertInstanceOf(InvalidQueryException.class, r.error());
            } else {
                ResultPage page = r.page();
                assertEquals(i, page.one().getInt(0));
            }
        }
    }
}
