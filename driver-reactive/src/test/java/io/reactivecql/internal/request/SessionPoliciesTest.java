package io.reactivecql.internal.request;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.SessionBuilder;
import io.reactivecql.api.errors.RequestThrottlingException;
import io.reactivecql.api.policy.retry.RetryPolicy;
import io.reactivecql.api.policy.specex.SpeculativeExecutionPolicy;
import io.reactivecql.api.policy.throttling.RequestThrottling;
import io.reactivecql.api.profile.ExecutionProfile;
import io.reactivecql.api.profile.RequestPolicies;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.fake.FakeConnectionFactory;
import io.reactivecql.fake.FakeTransport;
import io.reactivecql.fake.Fixtures;
import io.reactivecql.internal.session.SessionFactory;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.Query;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The policies set on the public builder reach the session's request path. */
class SessionPoliciesTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private static ReactiveSession session(FakeTransport transport, SessionBuilder builder) {
        return SessionFactory.connect(builder.addContactPoint(Fixtures.NODE), FakeConnectionFactory.of(transport),
                false).block(WAIT);
    }

    @Test
    void theBuilderCollectsThePolicies() {
        ExecutionProfile olap = ExecutionProfile.named("olap").withPageSize(10);
        SessionBuilder builder = ReactiveSession.builder()
                .withRetryPolicy(RetryPolicy.fallthrough())
                .withSpeculativeExecutionPolicy(SpeculativeExecutionPolicy.constant(Duration.ofMillis(5), 1))
                .withRequestThrottling(RequestThrottling.concurrencyLimit(10, 100))
                .withExecutionProfile(olap)
                .withKeyspace("ks");
        RequestPolicies policies = builder.requestPolicies();
        assertSame(RetryPolicy.fallthrough(), policies.retryPolicy());
        assertEquals(RequestThrottling.concurrencyLimit(10, 100), policies.throttling());
        assertEquals(olap, policies.profiles().get("olap"));
        assertEquals("ks", builder.keyspace(), "other settings keep the policies and vice versa");
        assertSame(RetryPolicy.defaultPolicy(), ReactiveSession.builder().requestPolicies().retryPolicy());
    }

    @Test
    void aProfileSetsThePageSizeOfTheRowFluxAndAnUnknownOneFailsOnSubscribe() {
        FakeTransport transport = new FakeTransport(Fixtures.NODE, ProtocolVersion.V5,
                FakeTransport.answering(ProtocolVersion.V5, r -> Fixtures.page(r, 25)));
        ReactiveSession session = session(transport, ReactiveSession.builder()
                .withExecutionProfile(ExecutionProfile.named("small").withPageSize(10)
                        .withConsistency(ConsistencyLevel.QUORUM)));
        assertEquals(25, session.execute(SimpleStatement.of("SELECT * FROM t").withExecutionProfileName("small"))
                .count().block(WAIT));
        List<Query> queries = transport.sent(Query.class);
        assertEquals(3, queries.size());
        queries.forEach(q -> {
            assertEquals(10, q.options().pageSize());
            assertEquals(ConsistencyLevel.QUORUM, q.options().consistency());
        });
        StepVerifier.create(session.execute(SimpleStatement.of("SELECT * FROM t").withExecutionProfileName("nope")))
                .expectErrorMessage("unknown execution profile 'nope': the session has the profiles [small]")
                .verify(WAIT);
        assertEquals(3, transport.sent().size());
    }

    @Test
    void aThrottledSessionRefusesBeyondItsQueue() {
        FakeTransport transport = new FakeTransport(Fixtures.NODE, ProtocolVersion.V5, r -> Mono.never());
        ReactiveSession session = session(transport, ReactiveSession.builder()
                .withRequestThrottling(RequestThrottling.concurrencyLimit(2, 0)));
        var a = session.executePage(SimpleStatement.of("SELECT 1")).subscribe();
        var b = session.executePage(SimpleStatement.of("SELECT 2")).subscribe();
        StepVerifier.create(session.executePage(SimpleStatement.of("SELECT 3")))
                .expectError(RequestThrottlingException.class)
                .verify(WAIT);
        a.dispose();
        b.dispose();
        assertEquals(2, transport.sent().size());
        assertEquals(0, transport.inFlight());
    }
}
