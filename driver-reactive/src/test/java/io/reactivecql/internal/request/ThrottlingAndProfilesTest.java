package io.reactivecql.internal.request;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.errors.RequestThrottlingException;
import io.reactivecql.api.errors.UnavailableException;
import io.reactivecql.api.policy.retry.RetryPolicy;
import io.reactivecql.api.policy.throttling.RequestThrottling;
import io.reactivecql.api.profile.ExecutionProfile;
import io.reactivecql.api.profile.RequestPolicies;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.api.statement.StatementOptions;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.response.error.Unavailable;
import io.reactivecql.protocol.response.result.VoidResult;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Request throttling in the request path, and execution profile resolution. */
class ThrottlingAndProfilesTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final SimpleStatement SELECT = SimpleStatement.of("SELECT * FROM t");

    @Test
    void throttlingQueuesThenRefusesAndFreesPermitsWhenRequestsEnd() {
        FakeNodes nodes = new FakeNodes(1, RequestPolicies.defaults()
                .withThrottling(RequestThrottling.concurrencyLimit(1, 1)));
        Sinks.One<io.reactivecql.protocol.Envelope> answer = Sinks.one();
        nodes.respond(1, r -> answer.asMono());
        AtomicReference<Object> first = new AtomicReference<>();
        AtomicReference<Object> second = new AtomicReference<>();
        nodes.execute(SELECT).subscribe(first::set, first::set);
        nodes.execute(SELECT).subscribe(second::set, second::set);
        assertEquals(1, nodes.node(1).sent().size(), "the second waits in the queue");
        RequestThrottlingException e = assertThrows(RequestThrottlingException.class,
                () -> nodes.execute(SELECT).block(WAIT));
        assertTrue(e.getMessage().contains("maxConcurrentRequests"), e.getMessage());
        assertEquals(1, nodes.node(1).sent().size(), "a refused request is not sent");

        answer.tryEmitValue(io.reactivecql.protocol.Envelope.response(io.reactivecql.protocol.ProtocolVersion.V5, 1,
                VoidResult.INSTANCE));
        assertInstanceOf(ResultPage.class, first.get());
        assertInstanceOf(ResultPage.class, second.get(), "the queued request ran when the first ended");
        assertEquals(2, nodes.node(1).sent().size());
        assertEquals(0, nodes.ctx.limiter().active());
        assertEquals(0, nodes.ctx.limiter().queued());
    }

    @Test
    void aCancelledOrTimedOutRequestGivesItsPermitBack() {
        FakeNodes nodes = new FakeNodes(1, DriverConfig.defaults().withRequestTimeout(Duration.ofMillis(100)),
                RequestPolicies.defaults().withThrottling(RequestThrottling.concurrencyLimit(1, 0)));
        nodes.respond(1, r -> Mono.never());
        Disposable running = nodes.execute(SELECT).subscribe(null, e -> { });
        assertEquals(1, nodes.ctx.limiter().active());
        running.dispose();
        assertEquals(0, nodes.ctx.limiter().active());
        assertThrows(io.reactivecql.api.errors.OperationTimedOutException.class,
                () -> nodes.execute(SELECT).block(WAIT));
        assertEquals(0, nodes.ctx.limiter().active());
    }

    @Test
    void throttlingIsOffByDefault() {
        FakeNodes nodes = new FakeNodes(1, RequestPolicies.defaults());
        assertNull(nodes.ctx.limiter());
        assertTrue(!RequestThrottling.disabled().isEnabled());
    }

    @Test
    void theStatementWinsOverItsProfileWhichWinsOverTheSession() {
        ExecutionProfile olap = ExecutionProfile.named("olap").withConsistency(ConsistencyLevel.QUORUM)
                .withSerialConsistency(ConsistencyLevel.LOCAL_SERIAL).withPageSize(42)
                .withTimeout(Duration.ofSeconds(60)).withRetryPolicy(RetryPolicy.fallthrough());
        RequestPolicies policies = RequestPolicies.defaults().withProfile(olap);
        DriverConfig config = DriverConfig.defaults();

        RequestSettings none = RequestSettings.resolve(config, policies, SELECT);
        assertEquals(config.consistency(), none.consistency());
        assertEquals(config.pageSize(), none.pageSize());
        assertEquals(config.requestTimeout(), none.timeout());
        assertEquals(RetryPolicy.defaultPolicy(), none.retryPolicy());

        RequestSettings profiled = RequestSettings.resolve(config, policies, SELECT.withExecutionProfileName("olap"));
        assertEquals(ConsistencyLevel.QUORUM, profiled.consistency());
        assertEquals(ConsistencyLevel.LOCAL_SERIAL, profiled.serialConsistency());
        assertEquals(42, profiled.pageSize());
        assertEquals(Duration.ofSeconds(60), profiled.timeout());
        assertEquals(RetryPolicy.fallthrough(), profiled.retryPolicy());
        assertEquals(policies.speculativeExecutionPolicy(), profiled.speculativeExecutionPolicy());

        RequestSettings own = RequestSettings.resolve(config, policies, SELECT.withExecutionProfileName("olap")
                .withConsistency(ConsistencyLevel.ONE).withPageSize(7).withTimeout(Duration.ofSeconds(1)));
        assertEquals(ConsistencyLevel.ONE, own.consistency());
        assertEquals(7, own.pageSize());
        assertEquals(Duration.ofSeconds(1), own.timeout());
    }

    @Test
    void theProfileShapesTheRequestSentAndItsRetries() {
        FakeNodes nodes = new FakeNodes(2, RequestPolicies.defaults().withProfile(ExecutionProfile.named("strict")
                .withConsistency(ConsistencyLevel.ALL).withPageSize(3).withRetryPolicy(RetryPolicy.fallthrough())));
        nodes.answer(1, new Unavailable("un", ConsistencyLevel.ALL, 3, 2));
        assertThrows(UnavailableException.class,
                () -> nodes.execute(SELECT.withExecutionProfileName("strict")).block(WAIT));
        Query sent = (Query) nodes.node(1).sent().get(0);
        assertEquals(ConsistencyLevel.ALL, sent.options().consistency());
        assertEquals(3, sent.options().pageSize());
        assertEquals(List.of(1, 0), nodes.sends(), "the profile's fallthrough policy does not retry");
        assertEquals(3, nodes.ctx.pageSize(SELECT.withExecutionProfileName("strict")));
    }

    @Test
    void anUnknownProfileFailsBeforeAnythingIsSent() {
        FakeNodes nodes = new FakeNodes(1, RequestPolicies.defaults().withProfile(ExecutionProfile.named("a"))
                .withProfile(ExecutionProfile.named("b")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> nodes.execute(SELECT.withExecutionProfileName("typo")).block(WAIT));
        assertEquals("unknown execution profile 'typo': the session has the profiles [a, b]", e.getMessage());
        assertEquals(List.of(0), nodes.sends());
        assertEquals(DriverConfig.defaults().pageSize(), nodes.ctx.pageSize(SELECT.withExecutionProfileName("typo")));

        FakeNodes bare = new FakeNodes(1, RequestPolicies.defaults());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> bare.execute(SELECT.withExecutionProfileName("x")).block(WAIT));
        assertTrue(none.getMessage().contains("no execution profile"), none.getMessage());
    }

    @Test
    void profilesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> ExecutionProfile.named(""));
        assertThrows(IllegalArgumentException.class,
                () -> ExecutionProfile.named("p").withSerialConsistency(ConsistencyLevel.ONE));
        assertThrows(IllegalArgumentException.class, () -> ExecutionProfile.named("p").withPageSize(0));
        assertThrows(IllegalArgumentException.class, () -> ExecutionProfile.named("p").withTimeout(Duration.ZERO));
        assertEquals(StatementOptions.NOT_SET, ExecutionProfile.named("p").pageSize());
        assertThrows(IllegalArgumentException.class, () -> RequestThrottling.concurrencyLimit(0, 1));
    }
}
