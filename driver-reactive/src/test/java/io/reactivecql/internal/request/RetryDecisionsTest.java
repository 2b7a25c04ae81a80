package io.reactivecql.internal.request;

import io.reactivecql.api.errors.ConnectionClosedException;
import io.reactivecql.api.errors.NoNodeAvailableException;
import io.reactivecql.api.errors.OverloadedException;
import io.reactivecql.api.errors.ReadFailureException;
import io.reactivecql.api.errors.ReadTimeoutException;
import io.reactivecql.api.errors.ServerErrorException;
import io.reactivecql.api.errors.SyntaxErrorException;
import io.reactivecql.api.errors.UnavailableException;
import io.reactivecql.api.errors.WriteTimeoutException;
import io.reactivecql.api.policy.retry.RetryDecision;
import io.reactivecql.api.policy.retry.RetryPolicy;
import io.reactivecql.api.profile.RequestPolicies;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.statement.BatchStatement;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.Request;
import io.reactivecql.protocol.Response;
import io.reactivecql.protocol.request.Batch;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.response.error.IsBootstrapping;
import io.reactivecql.protocol.response.error.Overloaded;
import io.reactivecql.protocol.response.error.ReadFailure;
import io.reactivecql.protocol.response.error.ReadTimeout;
import io.reactivecql.protocol.response.error.ServerError;
import io.reactivecql.protocol.response.error.SyntaxError;
import io.reactivecql.protocol.response.error.TruncateError;
import io.reactivecql.protocol.response.error.Unavailable;
import io.reactivecql.protocol.response.error.WriteTimeout;
import io.reactivecql.protocol.response.error.WriteType;
import io.reactivecql.protocol.response.result.VoidResult;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each error type x idempotent / not, with the default retry policy (and the others): the decision
 * taken, the requests each of three scripted nodes received, what the caller sees.
 */
class RetryDecisionsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final SimpleStatement READ = SimpleStatement.of("SELECT * FROM t WHERE k = 1")
            .withConsistency(ConsistencyLevel.ALL);

    private static final Response READ_TIMEOUT_NO_DATA = new ReadTimeout("rt", ConsistencyLevel.ALL, 3, 3, false);
    private static final Response READ_TIMEOUT_DATA = new ReadTimeout("rt", ConsistencyLevel.ALL, 3, 3, true);
    private static final Response READ_TIMEOUT_TOO_FEW = new ReadTimeout("rt", ConsistencyLevel.ALL, 2, 3, false);
    private static final Response UNAVAILABLE = new Unavailable("un", ConsistencyLevel.ALL, 3, 2);

    private static Response writeTimeout(WriteType type, int received) {
        return new WriteTimeout("wt", ConsistencyLevel.ALL, received, 3, type, OptionalInt.empty());
    }

    private FakeNodes nodes(RetryPolicy policy) {
        return new FakeNodes(3, RequestPolicies.defaults().withRetryPolicy(policy));
    }

    /** Node 1 answers {@code error}; the others succeed. */
    private FakeNodes firstFails(Response error) {
        FakeNodes nodes = nodes(RetryPolicy.defaultPolicy());
        nodes.answer(1, error);
        return nodes;
    }

    /** Every node answers {@code error}. */
    private FakeNodes allFail(RetryPolicy policy, Response error) {
        FakeNodes nodes = nodes(policy);
        for (int i = 1; i <= 3; i++) {
            nodes.answer(i, error);
        }
        return nodes;
    }

    private static Throwable failure(FakeNodes nodes, SimpleStatement statement) {
        return assertThrows(RuntimeException.class, () -> nodes.execute(statement).block(WAIT));
    }

    private static SimpleStatement idempotent(boolean value) {
        return READ.withIdempotent(value);
    }

    @Test
    void readTimeoutWithoutDataIsRetriedOnceOnTheSameNodeEvenIfNotIdempotent() {
        FakeNodes nodes = allFail(RetryPolicy.defaultPolicy(), READ_TIMEOUT_NO_DATA);
        Throwable e = failure(nodes, idempotent(false));
        assertInstanceOf(ReadTimeoutException.class, e);
        assertEquals(List.of(2, 0, 0), nodes.sends());
        assertEquals(List.of(RetryDecision.retrySame(), RetryDecision.rethrow()), nodes.tracker.decisions);
        assertEquals(1, java.util.Arrays.stream(e.getSuppressed()).filter(ReadTimeoutException.class::isInstance)
                .count(), "the first attempt's error travels with the last");
    }

    @Test
    void aSuccessfulRetryShowsInTheExecutionInfo() {
        FakeNodes nodes = nodes(RetryPolicy.defaultPolicy());
        int[] calls = {0};
        nodes.respond(1, r -> FakeNodes.envelope(calls[0]++ == 0 ? READ_TIMEOUT_NO_DATA : VoidResult.INSTANCE));
        ResultPage page = nodes.execute(READ).block(WAIT);
        assertEquals(1, page.executionInfo().retryCount());
        assertEquals(1, page.executionInfo().errors().size());
        assertInstanceOf(ReadTimeoutException.class, page.executionInfo().errors().get(0).getValue());
        assertEquals(nodes.node(1).endpoint(), page.executionInfo().coordinator());
        assertEquals(List.of(2, 0, 0), nodes.sends());
    }

    @Test
    void readTimeoutWithDataOrTooFewReplicasIsRethrown() {
        FakeNodes withData = firstFails(READ_TIMEOUT_DATA);
        assertInstanceOf(ReadTimeoutException.class, failure(withData, idempotent(true)));
        assertEquals(List.of(1, 0, 0), withData.sends());
        FakeNodes tooFew = firstFails(READ_TIMEOUT_TOO_FEW);
        assertInstanceOf(ReadTimeoutException.class, failure(tooFew, idempotent(true)));
        assertEquals(List.of(1, 0, 0), tooFew.sends());
        assertEquals(List.of(RetryDecision.rethrow()), tooFew.tracker.decisions);
    }

    @Test
    void batchLogWriteTimeoutIsRetriedOnceOnlyWhenIdempotent() {
        FakeNodes idem = allFail(RetryPolicy.defaultPolicy(), writeTimeout(WriteType.BATCH_LOG, 0));
        assertInstanceOf(WriteTimeoutException.class, failure(idem, idempotent(true)));
        assertEquals(List.of(2, 0, 0), idem.sends());

        FakeNodes notIdem = allFail(RetryPolicy.defaultPolicy(), writeTimeout(WriteType.BATCH_LOG, 0));
        assertInstanceOf(WriteTimeoutException.class, failure(notIdem, idempotent(false)));
        assertEquals(List.of(1, 0, 0), notIdem.sends());
        assertEquals(List.of(), notIdem.tracker.decisions, "a non-idempotent write is not even offered to the policy");
    }

    @Test
    void otherWriteTimeoutsAreRethrown() {
        for (WriteType type : List.of(WriteType.SIMPLE, WriteType.BATCH, WriteType.UNLOGGED_BATCH,
                WriteType.COUNTER, WriteType.CAS)) {
            FakeNodes nodes = firstFails(writeTimeout(type, 1));
            assertInstanceOf(WriteTimeoutException.class, failure(nodes, idempotent(true)), type.name());
            assertEquals(List.of(1, 0, 0), nodes.sends(), type.name());
        }
    }

    @Test
    void unavailableIsRetriedOnceOnTheNextNodeEvenIfNotIdempotent() {
        FakeNodes nodes = firstFails(UNAVAILABLE);
        ResultPage page = nodes.execute(idempotent(false)).block(WAIT);
        assertEquals(List.of(1, 1, 0), nodes.sends());
        assertEquals(nodes.node(2).endpoint(), page.executionInfo().coordinator());
        assertEquals(1, page.executionInfo().retryCount());

        FakeNodes all = allFail(RetryPolicy.defaultPolicy(), UNAVAILABLE);
        UnavailableException e = assertInstanceOf(UnavailableException.class, failure(all, idempotent(false)));
        assertEquals(2, e.alive());
        assertEquals(List.of(1, 1, 0), all.sends());
        assertEquals(List.of(RetryDecision.retryNext(), RetryDecision.rethrow()), all.tracker.decisions);
    }

    @Test
    void overloadedGoesToTheNextNodeAtMostOnceAndOnlyWhenIdempotent() {
        FakeNodes all = allFail(RetryPolicy.defaultPolicy(), new Overloaded("busy"));
        assertInstanceOf(OverloadedException.class, failure(all, idempotent(true)));
        assertEquals(List.of(1, 1, 0), all.sends(), "no retry storm on overloaded nodes");

        FakeNodes notIdem = allFail(RetryPolicy.defaultPolicy(), new Overloaded("busy"));
        assertInstanceOf(OverloadedException.class, failure(notIdem, idempotent(false)));
        assertEquals(List.of(1, 0, 0), notIdem.sends());

        FakeNodes one = firstFails(new Overloaded("busy"));
        assertEquals(1, one.execute(idempotent(true)).block(WAIT).executionInfo().retryCount());
        assertEquals(List.of(1, 1, 0), one.sends());
    }

    @Test
    void serverAndTruncateErrorsGoToTheNextNodeWhenIdempotent() {
        for (Response error : List.of(new ServerError("boom"), new TruncateError("tr"))) {
            FakeNodes nodes = firstFails(error);
            assertEquals(1, nodes.execute(idempotent(true)).block(WAIT).executionInfo().retryCount());
            assertEquals(List.of(1, 1, 0), nodes.sends());

            FakeNodes notIdem = firstFails(error);
            failure(notIdem, idempotent(false));
            assertEquals(List.of(1, 0, 0), notIdem.sends());
        }
    }

    @Test
    void serverErrorsEverywhereExhaustThePlanAndTheLastOneIsThrownWithTheOthers() {
        FakeNodes all = allFail(RetryPolicy.defaultPolicy(), new ServerError("boom"));
        Throwable e = failure(all, idempotent(true));
        assertInstanceOf(ServerErrorException.class, e);
        assertEquals(2, java.util.Arrays.stream(e.getSuppressed()).filter(ServerErrorException.class::isInstance)
                .count());
        assertEquals(List.of(1, 1, 1), all.sends());
    }

    @Test
    void unavailableOnASingleNodePlanStaysTyped() {
        FakeNodes one = new FakeNodes(1, RequestPolicies.defaults());
        one.answer(1, UNAVAILABLE);
        assertInstanceOf(UnavailableException.class, failure(one, READ));
        assertEquals(List.of(1), one.sends());
        assertEquals(List.of(RetryDecision.retryNext()), one.tracker.decisions);
    }

    @Test
    void noNodeAvailableWhenNoNodeTookTheRequest() {
        FakeNodes nodes = nodes(RetryPolicy.defaultPolicy());
        nodes.nodes.forEach(n -> n.close().block());
        NoNodeAvailableException e = assertInstanceOf(NoNodeAvailableException.class, failure(nodes, READ));
        assertEquals(3, e.errors().size());
        assertEquals(List.of(0, 0, 0), nodes.sends());
    }

    @Test
    void aClosedConnectionGoesToTheNextNodeOnlyWhenIdempotent() {
        Function<Request, Mono<Envelope>> closing = r -> Mono.error(
                new ConnectionClosedException(null, "gone", null));
        FakeNodes idem = nodes(RetryPolicy.defaultPolicy());
        idem.respond(1, closing);
        assertEquals(1, idem.execute(idempotent(true)).block(WAIT).executionInfo().retryCount());
        assertEquals(List.of(1, 1, 0), idem.sends());

        FakeNodes notIdem = nodes(RetryPolicy.defaultPolicy());
        notIdem.respond(1, closing);
        assertInstanceOf(ConnectionClosedException.class, failure(notIdem, idempotent(false)));
        assertEquals(List.of(1, 0, 0), notIdem.sends());
    }

    @Test
    void readAndWriteFailuresAreRethrown() {
        FakeNodes nodes = firstFails(new ReadFailure("rf", ConsistencyLevel.ALL, 2, 3, 1, Map.of(), true));
        assertInstanceOf(ReadFailureException.class, failure(nodes, idempotent(true)));
        assertEquals(List.of(1, 0, 0), nodes.sends());
    }

    @Test
    void requestErrorsAreRethrownWithoutAskingThePolicy() {
        FakeNodes nodes = firstFails(new SyntaxError("no viable alternative"));
        assertInstanceOf(SyntaxErrorException.class, failure(nodes, idempotent(true)));
        assertEquals(List.of(1, 0, 0), nodes.sends());
        assertEquals(List.of(), nodes.tracker.decisions);
    }

    @Test
    void aBootstrappingNodeIsSkippedWithoutCountingARetry() {
        FakeNodes nodes = firstFails(new IsBootstrapping("joining"));
        ResultPage page = nodes.execute(idempotent(false)).block(WAIT);
        assertEquals(List.of(1, 1, 0), nodes.sends());
        assertEquals(0, page.executionInfo().retryCount());
        assertEquals(1, page.executionInfo().errors().size());
    }

    @Test
    void fallthroughNeverRetries() {
        for (Response error : List.of(READ_TIMEOUT_NO_DATA, UNAVAILABLE, writeTimeout(WriteType.BATCH_LOG, 0),
                new Overloaded("busy"), new ServerError("boom"))) {
            FakeNodes nodes = allFail(RetryPolicy.fallthrough(), error);
            failure(nodes, idempotent(true));
            assertEquals(List.of(1, 0, 0), nodes.sends(), error.toString());
        }
    }

    @Test
    void downgradingRetriesUnavailableAtTheLevelTheLiveReplicasCanMeet() {
        FakeNodes nodes = nodes(RetryPolicy.downgradingConsistency());
        nodes.respond(1, r -> FakeNodes.envelope(((Query) r).options().consistency() == ConsistencyLevel.ALL
                ? UNAVAILABLE : VoidResult.INSTANCE));
        ResultPage page = nodes.execute(idempotent(false)).block(WAIT);
        assertEquals(List.of(2, 0, 0), nodes.sends());
        assertEquals(ConsistencyLevel.TWO, ((Query) nodes.node(1).sent().get(1)).options().consistency());
        assertEquals(List.of(RetryDecision.retrySame(ConsistencyLevel.TWO)), nodes.tracker.decisions);
        assertEquals(1, page.executionInfo().retryCount());
    }

    @Test
    void downgradingIgnoresASimpleWriteTimeoutThatReachedAReplica() {
        FakeNodes nodes = allFail(RetryPolicy.downgradingConsistency(), writeTimeout(WriteType.SIMPLE, 1));
        ResultPage page = nodes.execute(idempotent(true)).block(WAIT);
        assertTrue(page.rows().isEmpty());
        assertEquals(List.of(1, 0, 0), nodes.sends());
        assertEquals(0, page.executionInfo().retryCount());
        assertInstanceOf(WriteTimeoutException.class, page.executionInfo().errors().get(0).getValue());
    }

    @Test
    void downgradingRewritesTheConsistencyOfABatch() {
        FakeNodes nodes = nodes(RetryPolicy.downgradingConsistency());
        nodes.respond(1, r -> FakeNodes.envelope(((Batch) r).consistency() == ConsistencyLevel.ALL
                ? writeTimeout(WriteType.UNLOGGED_BATCH, 1) : VoidResult.INSTANCE));
        BatchStatement batch = BatchStatement.unlogged()
                .add(SimpleStatement.of("INSERT INTO t (k) VALUES (1)"))
                .withConsistency(ConsistencyLevel.ALL).withIdempotent(true);
        nodes.execute(batch).block(WAIT);
        assertEquals(ConsistencyLevel.ONE, ((Batch) nodes.node(1).sent().get(1)).consistency());
    }
}
