package io.reactivecql.it.policies;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.errors.ConnectionClosedException;
import io.reactivecql.api.errors.OperationTimedOutException;
import io.reactivecql.api.errors.ReadTimeoutException;
import io.reactivecql.api.errors.UnavailableException;
import io.reactivecql.api.policy.retry.RetryDecision;
import io.reactivecql.api.policy.retry.RetryPolicy;
import io.reactivecql.api.policy.specex.SpeculativeExecutionPolicy;
import io.reactivecql.api.profile.ExecutionProfile;
import io.reactivecql.api.profile.RequestPolicies;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import io.reactivecql.protocol.ConsistencyLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Retry policy, speculative executions and busy-node avoidance against a real 3-node cluster (RF 3).
 * The retry and speculative-execution tests assert which node each attempt went to, so they drive
 * the real request path through {@link PolicyCluster}'s strictly rotating test planner (the session's
 * plans move busy and silent nodes back, which would blur those assertions); busy-node avoidance is
 * tested through a real session and its default load-balancing policy.
 */
@RealCassandra(nodes = 3)
class RequestPoliciesIT {

    private static final String KS = "it_policies";
    private static final SimpleStatement READ_ALL = SimpleStatement.of("SELECT v FROM " + KS + ".kv WHERE k = 1")
            .withConsistency(ConsistencyLevel.ALL);
    private static final SimpleStatement WRITE_ALL = SimpleStatement.of("INSERT INTO " + KS + ".kv (k, v) VALUES (2, 2)")
            .withConsistency(ConsistencyLevel.ALL);

    private static DriverConfig config() {
        return DriverConfig.defaults().withRequestTimeout(Duration.ofSeconds(30))
                .withConnectTimeout(Duration.ofSeconds(10));
    }

    @BeforeAll
    static void schema(CassandraCluster cluster) {
        try (PolicyCluster c = PolicyCluster.open(cluster.contactPoints(), config(), RequestPolicies.defaults())) {
            c.run(SimpleStatement.of("CREATE KEYSPACE IF NOT EXISTS " + KS + " WITH replication = "
                    + "{'class': 'SimpleStrategy', 'replication_factor': 3}"));
            c.awaitSchemaAgreement();
            c.run(SimpleStatement.of("CREATE TABLE IF NOT EXISTS " + KS + ".kv (k int PRIMARY KEY, v int)"));
            c.awaitSchemaAgreement();
            c.run(SimpleStatement.of("INSERT INTO " + KS + ".kv (k, v) VALUES (1, 1)")
                    .withConsistency(ConsistencyLevel.ALL));
        }
    }

    @Test
    void unavailableAndTimeoutsDriveTheRetryPolicyAsSpecified(CassandraCluster cluster) {
        RequestPolicies policies = RequestPolicies.defaults()
                .withProfile(ExecutionProfile.named("fallthrough").withRetryPolicy(RetryPolicy.fallthrough()))
                .withProfile(ExecutionProfile.named("downgrading")
                        .withRetryPolicy(RetryPolicy.downgradingConsistency()));
        try (PolicyCluster c = PolicyCluster.open(cluster.contactPoints(), config(), policies)) {
            assertEquals(0, c.run(READ_ALL).executionInfo().retryCount(), "all replicas up: no retry");
            cluster.node(3).kill();
            try {
                // first the live replicas wait for the dead one: READ_TIMEOUT (2 of 3 answered), rethrown at
                // once; then the coordinator knows it down: UNAVAILABLE, retried once on the next node
                List<String> seen = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                UnavailableException unavailable = null;
                while (unavailable == null) {
                    if (System.nanoTime() > deadline) {
                        fail("no UNAVAILABLE within 90 s; saw " + seen);
                    }
                    c.recorder.reset();
                    Throwable e = assertThrows(RuntimeException.class, () -> c.run(READ_ALL));
                    seen.add(e.getClass().getSimpleName() + " via " + c.recorder.sent);
                    if (e instanceof ConnectionClosedException) {
                        continue; // the killed node's connection, before its pool noticed
                    }
                    if (e instanceof ReadTimeoutException timeout) {
                        // too few replicas answered: rethrown at once; or, while the nodes disagree on the dead
                        // one, UNAVAILABLE from a first coordinator, retried once on a next one that timed out
                        assertEquals(3, timeout.blockFor());
                        assertTrue(timeout.received() < 3, "received " + timeout.received());
                        List<RetryDecision> decisions = List.copyOf(c.recorder.decisions);
                        if (decisions.size() == 2) {
                            assertEquals(List.of(RetryDecision.retryNext(), RetryDecision.rethrow()), decisions);
                            assertTrue(java.util.Arrays.stream(e.getSuppressed())
                                    .anyMatch(UnavailableException.class::isInstance), () -> describe(e, c));
                        } else {
                            assertEquals(List.of(RetryDecision.rethrow()), decisions, () -> describe(e, c));
                        }
                        assertEquals(decisions.size(), c.recorder.sent.size(), "one send per decision");
                    } else {
                        unavailable = assertInstanceOf(UnavailableException.class, e, () -> describe(e, c));
                    }
                }
                assertEquals(3, unavailable.required());
                assertEquals(2, unavailable.alive());
                assertEquals(List.of(RetryDecision.retryNext(), RetryDecision.rethrow()), c.recorder.decisions);
                assertEquals(2, c.recorder.sent.size(), "unavailable: retried once on the next live node");
                assertNotEquals(c.recorder.sent.get(0), c.recorder.sent.get(1));
                assertTrue(!c.recorder.sent.contains(cluster.node(3).nativeAddress()), "the dead node is skipped");

                // a non-idempotent write: nothing was written, so UNAVAILABLE is retried all the same
                c.recorder.reset();
                Throwable write = assertThrows(RuntimeException.class, () -> c.run(WRITE_ALL.withIdempotent(false)));
                assertInstanceOf(UnavailableException.class, write, () -> describe(write, c));
                assertEquals(2, c.recorder.sent.size());

                // fallthrough: no retry
                c.recorder.reset();
                assertInstanceOf(UnavailableException.class, assertThrows(RuntimeException.class,
                        () -> c.run(READ_ALL.withExecutionProfileName("fallthrough"))));
                assertEquals(1, c.recorder.sent.size());
                assertEquals(List.of(RetryDecision.rethrow()), c.recorder.decisions);

                // downgrading: ALL becomes TWO, which the two live replicas meet
                c.recorder.reset();
                ResultPage page = c.run(READ_ALL.withExecutionProfileName("downgrading"));
                assertEquals(1, page.one().getInt("v"));
                assertEquals(1, page.executionInfo().retryCount());
                // the errors: UNAVAILABLE at ALL, after "no open connection" when the plan started at the dead node
                List<Throwable> errors = page.executionInfo().errors().stream().map(java.util.Map.Entry::getValue)
                        .toList();
                assertInstanceOf(UnavailableException.class, errors.get(errors.size() - 1), errors::toString);
                errors.subList(0, errors.size() - 1).forEach(e -> assertInstanceOf(ConnectionClosedException.class, e));
                assertEquals(List.of(RetryDecision.retrySame(ConsistencyLevel.TWO)), c.recorder.decisions);

                // QUORUM needs no retry
                assertEquals(0, c.run(READ_ALL.withConsistency(ConsistencyLevel.QUORUM)).executionInfo().retryCount());
            } finally {
                cluster.node(3).restart();
            }
        }
    }

    private static String describe(Throwable e, PolicyCluster c) {
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        return "sent to " + c.recorder.sent + ", decisions " + c.recorder.decisions + ": " + trace;
    }

    @Test
    void speculativeExecutionsOvertakeAPausedNode(CassandraCluster cluster) {
        RequestPolicies policies = RequestPolicies.defaults().withProfile(ExecutionProfile.named("specex")
                .withSpeculativeExecutionPolicy(SpeculativeExecutionPolicy.constant(Duration.ofMillis(200), 2)));
        try (PolicyCluster c = PolicyCluster.open(cluster.contactPoints(), config(), policies)) {
            InetSocketAddress paused = cluster.node(2).nativeAddress();
            SimpleStatement read = SimpleStatement.of("SELECT v FROM " + KS + ".kv WHERE k = 1")
                    .withConsistency(ConsistencyLevel.ONE).withIdempotent(true).withExecutionProfileName("specex");
            cluster.node(2).pause();
            try {
                // three plans in a row start at nodes 1, 2 and 3 (in some rotation): one starts at the paused node
                int speculative = 0;
                for (int i = 0; i < 6; i++) {
                    long start = System.nanoTime();
                    ResultPage page = c.run(read);
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    assertEquals(1, page.one().getInt("v"));
                    assertNotEquals(paused, page.executionInfo().coordinator());
                    if (page.executionInfo().speculativeExecutionCount() > 0) {
                        speculative++;
                        assertTrue(millis >= 200, "a speculative execution starts after 200 ms, took " + millis);
                        assertTrue(millis < 10_000, "and answers long before the timeout, took " + millis);
                    }
                }
                assertTrue(speculative >= 2, "the 2 plans of 6 that start at the paused node speculate, saw "
                        + speculative);

                // without speculative executions (not idempotent), the plan starting at the paused node (plan 7:
                // the 6 above were plans 0..5) times out; the others may too, when their coordinator happens
                // to read from the paused replica
                for (int i = 0; i < 3; i++) {
                    SimpleStatement notIdempotent = read.withIdempotent(false).withTimeout(Duration.ofSeconds(1));
                    if (i == 1) {
                        OperationTimedOutException e = assertThrows(OperationTimedOutException.class,
                                () -> c.run(notIdempotent));
                        assertEquals(paused, e.node());
                    } else {
                        try {
                            c.run(notIdempotent);
                        } catch (OperationTimedOutException e) {
                            assertNotEquals(paused, e.node());
                        }
                    }
                }
            } finally {
                cluster.node(2).resume();
            }
        }
    }

    /** What became of one read of {@link #aNodeThatStopsAnsweringIsAvoidedByTheSessionsPlans}. */
    private record Outcome(int index, InetSocketAddress coordinator, Throwable error) {
    }

    @Test
    void aNodeThatStopsAnsweringIsAvoidedByTheSessionsPlans(CassandraCluster cluster) {
        ReactiveSession session = ReactiveSession.builder()
                .addContactPoints(cluster.contactPoints())
                .withLocalDatacenter(cluster.localDatacenter())
                .withConfig(config())
                .connect().block(PolicyCluster.WAIT);
        InetSocketAddress paused = cluster.node(2).nativeAddress();
        // answered by the coordinator itself; not idempotent: no speculative execution, no retry
        SimpleStatement local = SimpleStatement.of("SELECT release_version FROM system.local")
                .withIdempotent(false).withTimeout(Duration.ofSeconds(5));
        try {
            java.util.Set<InetSocketAddress> before = new java.util.HashSet<>();
            for (int i = 0; i < 9; i++) {
                before.add(session.executePage(local).block(PolicyCluster.WAIT).executionInfo().coordinator());
            }
            assertTrue(before.contains(paused), "plans reach every node: " + before);
            cluster.node(2).pause();
            List<Outcome> outcomes;
            try {
                // 30 reads, one every 100 ms: plans rotate over the nodes, so without busy-node avoidance
                // every third read would hang on the paused node until its timeout (10 of 30)
                outcomes = reactor.core.publisher.Flux.range(0, 30)
                        .delayElements(Duration.ofMillis(100))
                        .flatMap(i -> session.executePage(local)
                                .map(page -> new Outcome(i, page.executionInfo().coordinator(), null))
                                .onErrorResume(e -> reactor.core.publisher.Mono.just(new Outcome(i, null, e))), 30)
                        .collectList().block(PolicyCluster.WAIT);
            } finally {
                cluster.node(2).resume();
            }
            List<Outcome> failed = outcomes.stream().filter(o -> o.error() != null).toList();
            for (Outcome o : failed) {
                OperationTimedOutException timeout = assertInstanceOf(OperationTimedOutException.class, o.error());
                assertEquals(paused, timeout.node());
            }
            assertTrue(failed.size() <= 4, "reads stuck on the paused node: " + failed);
            // 500 ms without an answer marks the node; from then on plans put it last
            List<Outcome> late = outcomes.stream().filter(o -> o.index() >= 15 && o.error() != null).toList();
            assertEquals(List.of(), late, "reads sent long after the node stopped answering must avoid it");
            // once it answers again, it takes its turn
            java.util.Set<InetSocketAddress> after = new java.util.HashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!after.contains(paused) && System.nanoTime() < deadline) {
                after.add(session.executePage(local).block(PolicyCluster.WAIT).executionInfo().coordinator());
            }
            assertTrue(after.contains(paused), "the resumed node is used again: " + after);
        } finally {
            session.close().block(PolicyCluster.WAIT);
        }
    }
}
