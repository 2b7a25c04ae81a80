package io.reactivecql.faults;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.errors.ConnectionClosedException;
import io.reactivecql.api.errors.OperationTimedOutException;
import io.reactivecql.api.errors.OverloadedException;
import io.reactivecql.api.errors.ReadTimeoutException;
import io.reactivecql.api.errors.ServerErrorException;
import io.reactivecql.api.errors.TruncateException;
import io.reactivecql.api.errors.UnavailableException;
import io.reactivecql.api.errors.WriteFailureException;
import io.reactivecql.api.errors.WriteTimeoutException;
import io.reactivecql.api.policy.retry.RetryDecision;
import io.reactivecql.api.policy.retry.RetryPolicy;
import io.reactivecql.api.policy.specex.SpeculativeExecutionPolicy;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.response.error.Overloaded;
import io.reactivecql.protocol.response.error.ServerError;
import io.reactivecql.protocol.response.error.TruncateError;
import io.reactivecql.protocol.response.error.WriteFailure;
import io.reactivecql.protocol.response.error.WriteTimeout;
import io.reactivecql.protocol.response.error.WriteType;
import io.reactivecql.protocol.response.error.Unavailable;
import io.reactivecql.stub.Reply;
import io.reactivecql.stub.RequestMatcher;
import io.reactivecql.stub.StubCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

import static io.reactivecql.faults.StubSessions.WAIT;
import static io.reactivecql.faults.StubSessions.await;
import static io.reactivecql.faults.StubSessions.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A write that is not idempotent reaches the cluster once, whatever happens to it, even under a
 * retry policy that retries everything and speculative executions every 30 ms; the same write
 * marked idempotent is sent again (which proves the retries and executions were there to be made).
 */
class NonIdempotentWritesTest {

    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(400);

    /** What every node does with the write, and what the caller must get. */
    enum Outcome {
        WRITE_TIMEOUT(Reply.error(new WriteTimeout("wt", ConsistencyLevel.QUORUM, 1, 2, WriteType.SIMPLE,
                OptionalInt.empty())), WriteTimeoutException.class),
        OVERLOADED(Reply.error(new Overloaded("busy")), OverloadedException.class),
        SERVER_ERROR(Reply.error(new ServerError("boom")), ServerErrorException.class),
        TRUNCATE_ERROR(Reply.error(new TruncateError("truncate")), TruncateException.class),
        WRITE_FAILURE(Reply.error(new WriteFailure("wf", ConsistencyLevel.QUORUM, 0, 2, 1, Map.of(),
                WriteType.SIMPLE)), WriteFailureException.class),
        CONNECTION_DROPPED(Reply.dropConnection(), ConnectionClosedException.class),
        NO_ANSWER(Reply.noAnswer(), OperationTimedOutException.class),
        SLOW_SUCCESS(null, null);

        final Reply reply;
        final Class<? extends Throwable> error;

        Outcome(Reply reply, Class<? extends Throwable> error) {
            this.reply = reply;
            this.error = error;
        }

        String write(boolean idempotent) {
            return "INSERT INTO faults.w_" + name().toLowerCase() + " (k) VALUES (" + (idempotent ? 2 : 1) + ")";
        }
    }

    /** Retries everything it is asked about, on the next node, up to five times. */
    private static final RetryPolicy RETRY_EVERYTHING = new RetryPolicy() {
        private RetryDecision next(int retryCount) {
            return retryCount < 5 ? RetryDecision.retryNext() : RetryDecision.rethrow();
        }

        @Override
        public RetryDecision onReadTimeout(Statement<?> s, ReadTimeoutException e, int retryCount) {
            return next(retryCount);
        }

        @Override
        public RetryDecision onWriteTimeout(Statement<?> s, WriteTimeoutException e, int retryCount) {
            return next(retryCount);
        }

        @Override
        public RetryDecision onUnavailable(Statement<?> s, UnavailableException e, int retryCount) {
            return next(retryCount);
        }

        @Override
        public RetryDecision onRequestError(Statement<?> s, Throwable e, int retryCount) {
            return next(retryCount);
        }
    };

    /** SLOW_SUCCESS answers after 300 ms; its requests get 2 s (400 ms left a loaded machine 100 ms of margin). */
    private static final Duration SLOW_TIMEOUT = Duration.ofSeconds(2);

    private static StubCluster cluster;
    private ReactiveSession session;

    @BeforeAll
    static void start() {
        cluster = StubCluster.start(3);
        for (Outcome o : Outcome.values()) {
            for (boolean idempotent : new boolean[] {false, true}) {
                String write = o.write(idempotent);
                cluster.forEachNode(n -> {
                    if (o == Outcome.SLOW_SUCCESS) {
                        n.when(write).delay(Duration.ofMillis(300)).thenVoid();
                    } else {
                        n.when(write).then(o.reply);
                    }
                });
            }
        }
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    /**
     * A session of its own for each test: an earlier test's OVERLOADED answers narrow the connections'
     * windows, and its unanswered requests stay in flight as orphans, so a node could refuse (busy)
     * what this test sends to it (unavailableIsRetried... met a node refusing after OVERLOADED then NO_ANSWER).
     */
    @BeforeEach
    void connect() {
        session = StubSessions.connect(StubSessions.builder(cluster)
                .withRetryPolicy(RETRY_EVERYTHING)
                .withSpeculativeExecutionPolicy(SpeculativeExecutionPolicy.constant(Duration.ofMillis(30), 2)));
        await(() -> session.poolStatistics().stream().filter(s -> s.openConnections() > 0).count() == 3, WAIT,
                () -> "three pools: " + session.poolStatistics());
    }

    @AfterEach
    void close() {
        StubSessions.close(session);
    }

    private static Duration timeout(Outcome outcome) {
        return outcome == Outcome.SLOW_SUCCESS ? SLOW_TIMEOUT : SHORT_TIMEOUT;
    }

    private static int sent(String write) {
        return cluster.count(RequestMatcher.query(write));
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void aNonIdempotentWriteIsSentOnce(Outcome outcome) throws Exception {
        String write = outcome.write(false);
        SimpleStatement statement = SimpleStatement.of(write).withTimeout(timeout(outcome));
        if (outcome.error == null) {
            assertTrue(session.executePage(statement).block(WAIT).rows().isEmpty());
        } else {
            assertInstanceOf(outcome.error, error(session.executePage(statement)));
        }
        // a late retry or execution would show up within the speculative delay: allow for several
        Thread.sleep(200);
        assertEquals(1, sent(write), "requests for " + write);
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void theSameWriteMarkedIdempotentIsRetriedOrSpeculated(Outcome outcome) throws Exception {
        String write = outcome.write(true);
        SimpleStatement statement = SimpleStatement.of(write).withTimeout(timeout(outcome)).withIdempotent(true);
        session.executePage(statement).onErrorResume(e -> reactor.core.publisher.Mono.empty()).block(WAIT);
        Thread.sleep(200);
        assertTrue(sent(write) >= 2, outcome + ": " + sent(write) + " requests");
    }

    @Test
    void unavailableIsRetriedEvenWhenNotIdempotentSinceNothingWasWritten() {
        String write = "INSERT INTO faults.unavailable (k) VALUES (1)";
        cluster.forEachNode(n -> n.when(write).thenError(new Unavailable("down", ConsistencyLevel.ALL, 3, 2)));
        assertInstanceOf(UnavailableException.class, error(session.executePage(SimpleStatement.of(write))));
        assertEquals(3, sent(write), "one attempt per node: the coordinator refused before writing");
    }
}
