package io.reactivecql.internal.request;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.fake.FakeTransport;
import io.reactivecql.fake.Fixtures;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.Query;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Demand-driven paging over a scripted node: page requests are counted exactly. */
class PagingTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private static FakeTransport table(int rows) {
        return Fixtures.transport(ProtocolVersion.V5, request -> Fixtures.page(request, rows));
    }

    private static DriverConfig config(int pageSize, int readAhead) {
        return DriverConfig.defaults().withPageSize(pageSize).withReadAheadPages(readAhead);
    }

    @Test
    void nothingIsSentBeforeDemand() {
        FakeTransport transport = table(1000);
        ReactiveSession session = Fixtures.session(transport, config(100, 1));
        StepVerifier.create(session.execute("SELECT * FROM t"), 0)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(50))
                .thenCancel()
                .verify(WAIT);
        assertEquals(0, transport.sent().size());
    }

    @Test
    void withoutReadAheadA250RowDemandFetchesExactlyThreePages() {
        FakeTransport transport = table(1000);
        Fixtures.CountingTracker tracker = new Fixtures.CountingTracker();
        ReactiveSession session = Fixtures.session(transport, config(100, 0), tracker);
        StepVerifier.create(session.execute("SELECT * FROM t"), 250)
                .expectNextCount(250)
                .expectNoEvent(Duration.ofMillis(50))
                .thenCancel()
                .verify(WAIT);
        assertEquals(3, transport.sent(Query.class).size());
        assertEquals(List.of(1, 2, 3), tracker.executePages);
    }

    @Test
    void withOnePageOfReadAheadA250RowDemandFetchesFourPages() {
        FakeTransport transport = table(1000);
        ReactiveSession session = Fixtures.session(transport, config(100, 1));
        StepVerifier.create(session.execute("SELECT * FROM t"), 250)
                .expectNextCount(250)
                .expectNoEvent(Duration.ofMillis(50))
                .thenCancel()
                .verify(WAIT);
        assertEquals(4, transport.sent(Query.class).size());
    }

    @Test
    void answeredPagesAreNeverCancelled() {
        FakeTransport transport = table(250);
        Fixtures.CountingTracker tracker = new Fixtures.CountingTracker();
        ReactiveSession session = Fixtures.session(transport, config(100, 1), tracker);
        StepVerifier.create(session.execute("SELECT * FROM t"))
                .expectNextCount(250)
                .verifyComplete();
        assertEquals(3, transport.sent().size());
        assertEquals(0, transport.cancelled(), "a completed read cancels nothing");
        assertEquals(List.of(), tracker.errors, "the tracker sees no cancelled request");
    }

    @Test
    void theNextPageIsRequestedBeforeTheRowsInHandAreEmitted() {
        // answered later, on another thread, as a node does
        FakeTransport transport = new FakeTransport(Fixtures.NODE, ProtocolVersion.V5, request -> Mono.just(
                Envelope.response(ProtocolVersion.V5, 1, Fixtures.page(request, 1000))).delayElement(Duration.ofMillis(1)));
        ReactiveSession session = Fixtures.session(transport, config(100, 1));
        List<Integer> sentAtFirstRow = new ArrayList<>();
        StepVerifier.create(session.execute("SELECT * FROM t").doOnNext(row -> {
                    if (sentAtFirstRow.isEmpty()) {
                        sentAtFirstRow.add(transport.sent().size());
                    }
                }))
                .expectNextCount(1000)
                .verifyComplete();
        assertEquals(List.of(2), sentAtFirstRow, "page 2 was asked for before row 1 was handed over");
    }

    @Test
    void pagesFollowDemandStepByStep() {
        FakeTransport transport = table(1000);
        ReactiveSession session = Fixtures.session(transport, config(100, 0));
        StepVerifier.create(session.execute("SELECT * FROM t"), 1)
                .expectNextCount(1)
                .then(() -> assertEquals(1, transport.sent().size()))
                .thenRequest(99)
                .expectNextCount(99)
                .then(() -> assertEquals(1, transport.sent().size()))
                .thenRequest(1)
                .expectNextCount(1)
                .then(() -> assertEquals(2, transport.sent().size()))
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void unboundedDemandReadsEveryRowInOrder() {
        FakeTransport transport = table(1050);
        ReactiveSession session = Fixtures.session(transport, config(100, 1));
        List<Integer> ids = session.execute("SELECT * FROM t").map(r -> r.getInt("id")).collectList().block(WAIT);
        assertEquals(1050, ids.size());
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(i, ids.get(i));
        }
        assertEquals(11, transport.sent().size());
    }

    @Test
    void cancelStopsFetchingAndCancelsTheRequestInFlight() {
        Sinks.Many<Integer> seen = Sinks.many().replay().all();
        List<Sinks.One<Envelope>> answers = new CopyOnWriteArrayList<>();
        FakeTransport transport = new FakeTransport(Fixtures.NODE, ProtocolVersion.V5, request -> {
            if (((Query) request).options().pagingState() == null) {
                return Mono.just(Envelope.response(ProtocolVersion.V5, 1, Fixtures.page(request, 1000)));
            }
            Sinks.One<Envelope> answer = Sinks.one();
            answers.add(answer);
            seen.tryEmitNext(answers.size());
            return answer.asMono(); // never answered
        });
        ReactiveSession session = Fixtures.session(transport, config(100, 0));
        StepVerifier.create(session.execute("SELECT * FROM t"), 150)
                .expectNextCount(100)
                .then(() -> StepVerifier.create(seen.asFlux().take(1)).expectNext(1).verifyComplete())
                .thenCancel()
                .verify(WAIT);
        assertEquals(2, transport.sent().size());
        assertEquals(1, transport.cancelled());
        assertEquals(0, transport.inFlight());
    }

    @Test
    void anEmptyPageThatAnnouncesMoreIsFollowedByTheNextPage() {
        AtomicInteger calls = new AtomicInteger();
        FakeTransport transport = Fixtures.transport(ProtocolVersion.V5, request -> {
            int call = calls.incrementAndGet();
            if (call == 2 || call == 3) {
                // two empty pages in a row, each saying more follow
                return Fixtures.rows(Fixtures.ID_NAME, Fixtures.offset(100), List.of());
            }
            return Fixtures.page(request, 200);
        });
        ReactiveSession session = Fixtures.session(transport, config(100, 0));
        StepVerifier.create(session.execute("SELECT * FROM t"))
                .expectNextCount(200)
                .verifyComplete();
        assertEquals(4, transport.sent().size());
    }

    @Test
    void anErrorComesAfterTheRowsReceivedBeforeIt() {
        AtomicInteger calls = new AtomicInteger();
        FakeTransport transport = new FakeTransport(Fixtures.NODE, ProtocolVersion.V5, request ->
                calls.incrementAndGet() == 1
                        ? Mono.just(Envelope.response(ProtocolVersion.V5, 1, Fixtures.page(request, 300)))
                        : Mono.error(new IllegalStateException("boom")));
        ReactiveSession session = Fixtures.session(transport, config(100, 0));
        StepVerifier.create(session.execute("SELECT * FROM t"))
                .expectNextCount(100)
                .expectErrorMessage("boom")
                .verify(WAIT);
    }

    @Test
    void aStatementWithoutRowsCompletesEmpty() {
        FakeTransport transport = Fixtures.transport(ProtocolVersion.V5,
                request -> io.reactivecql.protocol.response.result.VoidResult.INSTANCE);
        ReactiveSession session = Fixtures.session(transport, config(100, 1));
        StepVerifier.create(session.execute("INSERT INTO t (id) VALUES (1)")).verifyComplete();
        ResultPage page = session.executePage(SimpleStatement.of("INSERT INTO t (id) VALUES (1)")).block(WAIT);
        assertTrue(page.rows().isEmpty());
        assertTrue(page.wasApplied());
        assertTrue(!page.hasMorePages());
    }

    @Test
    void executePageGivesOnePageAndNextFetchesTheFollowingOne() {
        FakeTransport transport = table(250);
        ReactiveSession session = Fixtures.session(transport, config(100, 1));
        ResultPage first = session.executePage(SimpleStatement.of("SELECT * FROM t")).block(WAIT);
        assertEquals(100, first.rows().size());
        assertTrue(first.hasMorePages());
        assertEquals(1, transport.sent().size());
        ResultPage second = first.next().block(WAIT);
        assertEquals(100, second.rows().get(0).getInt("id"));
        ResultPage third = second.next().block(WAIT);
        assertEquals(50, third.rows().size());
        assertTrue(!third.hasMorePages());
        assertNull(third.executionInfo().pagingState());
        assertNull(third.next().block(WAIT));
        assertEquals(3, transport.sent().size());
    }

    @Test
    void aSavedPagingStateResumesWhereItLeftOff() {
        FakeTransport transport = table(250);
        ReactiveSession session = Fixtures.session(transport, config(100, 1));
        ResultPage first = session.executePage(SimpleStatement.of("SELECT * FROM t")).block(WAIT);
        List<Row> rest = new ArrayList<>(session.execute(SimpleStatement.of("SELECT * FROM t")
                .withPagingState(first.executionInfo().pagingState())).collectList().block(WAIT));
        assertEquals(150, rest.size());
        assertEquals(100, rest.get(0).getInt(0));
    }

    @Test
    void theStatementPageSizeWinsOverTheSessionOne() {
        FakeTransport transport = table(100);
        ReactiveSession session = Fixtures.session(transport, config(100, 0));
        StepVerifier.create(session.execute(SimpleStatement.of("SELECT * FROM t").withPageSize(10)), 25)
                .expectNextCount(25)
                .thenCancel()
                .verify(WAIT);
        assertEquals(3, transport.sent().size());
    }
}
