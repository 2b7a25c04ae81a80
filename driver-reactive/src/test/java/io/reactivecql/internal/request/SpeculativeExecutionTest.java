package io.reactivecql.internal.request;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.errors.OperationTimedOutException;
import io.reactivecql.api.policy.specex.SpeculativeExecutionPolicy;
import io.reactivecql.api.profile.ExecutionProfile;
import io.reactivecql.api.profile.RequestPolicies;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.protocol.response.error.Unavailable;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.response.result.VoidResult;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Speculative executions on virtual time: when they start, who wins, what is cancelled. */
class SpeculativeExecutionTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final SimpleStatement IDEMPOTENT = SimpleStatement.of("SELECT * FROM t").withIdempotent(true);

    private static FakeNodes nodes(SpeculativeExecutionPolicy policy) {
        return new FakeNodes(3, DriverConfig.defaults().withRequestTimeout(Duration.ofSeconds(2)),
                RequestPolicies.defaults().withSpeculativeExecutionPolicy(policy));
    }

    @Test
    void aSpeculativeExecutionStartsAfterTheDelayAndItsAnswerWins() {
        FakeNodes nodes = nodes(SpeculativeExecutionPolicy.constant(Duration.ofMillis(200), 2));
        nodes.respond(1, r -> Mono.never());
        StepVerifier.withVirtualTime(() -> nodes.execute(IDEMPOTENT))
                .expectSubscription()
                .thenAwait(Duration.ofMillis(199))
                .then(() -> assertEquals(List.of(1, 0, 0), nodes.sends()))
                .thenAwait(Duration.ofMillis(1))
                .assertNext(page -> {
                    assertEquals(nodes.node(2).endpoint(), page.executionInfo().coordinator());
                    assertEquals(1, page.executionInfo().speculativeExecutionCount());
                    assertEquals(0, page.executionInfo().retryCount());
                })
                .expectComplete()
                .verify(WAIT);
        assertEquals(List.of(1, 1, 0), nodes.sends(), "the winner stops further speculative executions");
        assertEquals(1, nodes.node(1).cancelled(), "the slow execution is cancelled");
        assertEquals(0, nodes.node(1).inFlight());
        assertEquals(List.of(1), nodes.tracker.speculative);
    }

    @Test
    void theFirstExecutionCanStillWinAndCancelsTheSpeculativeOnes() {
        FakeNodes nodes = nodes(SpeculativeExecutionPolicy.constant(Duration.ofMillis(100), 2));
        nodes.respond(1, r -> Mono.delay(Duration.ofMillis(250)).then(FakeNodes.envelope(VoidResult.INSTANCE)));
        nodes.respond(2, r -> Mono.never());
        nodes.respond(3, r -> Mono.never());
        StepVerifier.withVirtualTime(() -> nodes.execute(IDEMPOTENT))
                .thenAwait(Duration.ofMillis(250))
                .assertNext(page -> {
                    assertEquals(nodes.node(1).endpoint(), page.executionInfo().coordinator());
                    assertEquals(2, page.executionInfo().speculativeExecutionCount());
                })
                .expectComplete()
                .verify(WAIT);
        assertEquals(List.of(1, 1, 1), nodes.sends());
        assertEquals(1, nodes.node(2).cancelled());
        assertEquals(1, nodes.node(3).cancelled());
    }

    @Test
    void noMoreThanTheMaximumStart() {
        FakeNodes nodes = nodes(SpeculativeExecutionPolicy.constant(Duration.ofMillis(100), 1));
        nodes.nodes.forEach(n -> n.responder(r -> Mono.never()));
        StepVerifier.withVirtualTime(() -> nodes.execute(IDEMPOTENT))
                .thenAwait(Duration.ofMillis(1_999))
                .then(() -> assertEquals(List.of(1, 1, 0), nodes.sends()))
                .thenAwait(Duration.ofMillis(1))
                .expectError(OperationTimedOutException.class)
                .verify(WAIT);
        assertEquals(1, nodes.node(1).cancelled());
        assertEquals(1, nodes.node(2).cancelled());
    }

    @Test
    void aNonIdempotentStatementNeverExecutesSpeculatively() {
        FakeNodes nodes = nodes(SpeculativeExecutionPolicy.constant(Duration.ofMillis(100), 2));
        nodes.nodes.forEach(n -> n.responder(r -> Mono.never()));
        StepVerifier.withVirtualTime(() -> nodes.execute(IDEMPOTENT.withIdempotent(false)))
                .thenAwait(Duration.ofSeconds(2))
                .expectError(OperationTimedOutException.class)
                .verify(WAIT);
        assertEquals(List.of(1, 0, 0), nodes.sends());
        assertEquals(List.of(), nodes.tracker.speculative);
    }

    @Test
    void aSpeculativeExecutionNeedsANodeLeftInThePlan() {
        FakeNodes nodes = new FakeNodes(1, DriverConfig.defaults().withRequestTimeout(Duration.ofSeconds(1)),
                RequestPolicies.defaults().withSpeculativeExecutionPolicy(
                        SpeculativeExecutionPolicy.constant(Duration.ofMillis(100), 3)));
        nodes.respond(1, r -> Mono.delay(Duration.ofMillis(500)).then(FakeNodes.envelope(VoidResult.INSTANCE)));
        StepVerifier.withVirtualTime(() -> nodes.execute(IDEMPOTENT))
                .thenAwait(Duration.ofMillis(500))
                .assertNext(page -> assertEquals(0, page.executionInfo().speculativeExecutionCount()))
                .expectComplete()
                .verify(WAIT);
        assertEquals(List.of(1), nodes.sends());
    }

    @Test
    void executionsShareThePlanWithRetries() {
        // node 1 is slow; the speculative execution on node 2 meets UNAVAILABLE and retries on node 3
        FakeNodes nodes = nodes(SpeculativeExecutionPolicy.constant(Duration.ofMillis(100), 2));
        nodes.respond(1, r -> Mono.never());
        nodes.answer(2, new Unavailable("un", ConsistencyLevel.ALL, 3, 2));
        StepVerifier.withVirtualTime(() -> nodes.execute(IDEMPOTENT))
                .thenAwait(Duration.ofMillis(100))
                .assertNext(page -> {
                    assertEquals(nodes.node(3).endpoint(), page.executionInfo().coordinator());
                    assertEquals(1, page.executionInfo().retryCount());
                    assertEquals(1, page.executionInfo().speculativeExecutionCount());
                })
                .expectComplete()
                .verify(WAIT);
        assertEquals(List.of(1, 1, 1), nodes.sends());
    }

    @Test
    void aProfileCanTurnSpeculativeExecutionOn() {
        FakeNodes nodes = new FakeNodes(3, RequestPolicies.defaults().withProfile(ExecutionProfile.named("fast")
                .withSpeculativeExecutionPolicy(SpeculativeExecutionPolicy.constant(Duration.ofMillis(50), 1))));
        nodes.respond(1, r -> Mono.never());
        StepVerifier.withVirtualTime(() -> nodes.execute(IDEMPOTENT.withExecutionProfileName("fast")))
                .thenAwait(Duration.ofMillis(50))
                .assertNext(page -> assertEquals(1, page.executionInfo().speculativeExecutionCount()))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void theConstantPolicyCountsTheFirstExecution() {
        SpeculativeExecutionPolicy policy = SpeculativeExecutionPolicy.constant(Duration.ofMillis(10), 2);
        assertEquals(Duration.ofMillis(10), policy.nextExecution(IDEMPOTENT, null, 1));
        assertEquals(Duration.ofMillis(10), policy.nextExecution(IDEMPOTENT, null, 2));
        assertEquals(null, policy.nextExecution(IDEMPOTENT, null, 3));
        assertEquals(null, SpeculativeExecutionPolicy.none().nextExecution(IDEMPOTENT, null, 1));
        assertInstanceOf(IllegalArgumentException.class, org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> SpeculativeExecutionPolicy.constant(Duration.ofMillis(1), 0)));
    }
}
