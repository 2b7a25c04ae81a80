package io.reactivecql.faults;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.errors.OperationTimedOutException;
import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.metadata.NodeState;
import io.reactivecql.api.policy.lb.LoadBalancingPolicies;
import io.reactivecql.api.routing.ReplicaLocator;
import io.reactivecql.api.statement.PreparedStatement;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.protocol.response.result.ColumnSpec;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.stub.RequestMatcher;
import io.reactivecql.stub.Rows;
import io.reactivecql.stub.StubCluster;
import io.reactivecql.stub.StubNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

import static io.reactivecql.faults.StubSessions.WAIT;
import static io.reactivecql.faults.StubSessions.stats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node that takes requests and never answers them: each request it swallows times out and
 * leaves an orphaned stream id behind, which counts as in flight, and nothing is read from it. The
 * busy-node rules put it last in every plan (it held its requests 500 ms unanswered, or holds the
 * busy threshold), and requests stop going there, whether or not the statement has a routing key.
 */
class BusyNodeAvoidanceTest {

    private static final int BUSY_THRESHOLD = 6;
    private static final Duration TIMEOUT = Duration.ofMillis(200);
    private static final String ROUTED = "SELECT v FROM faults.kv WHERE k = ?";
    private static final String PLAIN = "SELECT v FROM faults.plain";
    private static final int REQUESTS = 60;
    private static final Rows ROW = Rows.builder().column("v", PrimitiveType.INT).row(1).build();

    private StubCluster cluster;
    private StubNode silent;
    private ReactiveSession session;

    @BeforeEach
    void start() {
        cluster = StubCluster.start(3);
        silent = cluster.node(1);
        ColumnSpec k = new ColumnSpec("faults", "kv", "k", PrimitiveType.INT);
        cluster.forEachNode(n -> {
            if (n == silent) {
                n.when(ROUTED).bindMarkers(k).partitionKey(0).thenNoAnswer();
                n.when(PLAIN).thenNoAnswer();
            } else {
                n.when(ROUTED).bindMarkers(k).partitionKey(0).thenRows(ROW);
                n.when(PLAIN).thenRows(ROW);
            }
        });
        // every node is a replica of every key: the token-aware part of the plan has all three
        List<Node> all = new ArrayList<>();
        cluster.addresses().forEach(a -> all.add(new Node(a, null, "dc1", "rack1", null, Set.of(), NodeState.UP)));
        ReplicaLocator everyNode = (keyspace, key) -> all;
        session = StubSessions.connect(StubSessions.builder(cluster)
                .withReplicaLocator(everyNode)
                .withLoadBalancingPolicy(LoadBalancingPolicies.tokenAware(
                        LoadBalancingPolicies.datacenterAware(null, null, false), BUSY_THRESHOLD)));
    }

    @AfterEach
    void stop() {
        StubSessions.close(session);
        cluster.close();
    }

    @Test
    void aSilentReplicaIsAvoidedOnceItHoldsTheBusyThreshold() {
        PreparedStatement prepared = session.prepare(ROUTED).block(WAIT);
        runAndCheck(i -> prepared.bind(i), RequestMatcher.query(ROUTED));
    }

    @Test
    void aSilentNodeIsAvoidedForStatementsWithoutRoutingKeyToo() {
        runAndCheck(i -> SimpleStatement.of(PLAIN), RequestMatcher.query(PLAIN));
    }

    private void runAndCheck(IntFunction<Statement<?>> statements, RequestMatcher matcher) {
        int timedOut = 0;
        List<Integer> lastAnswered = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            try {
                session.executePage(statements.apply(i).withTimeout(TIMEOUT)).block(WAIT);
                lastAnswered.add(i);
            } catch (RuntimeException e) {
                assertInstanceOf(OperationTimedOutException.class, reactor.core.Exceptions.unwrap(e));
                timedOut++;
            }
        }
        int swallowed = silent.activity().count(matcher);
        assertTrue(swallowed >= 1 && swallowed <= BUSY_THRESHOLD, swallowed + " requests went to the silent node");
        // on a loaded machine a healthy node's answer may come late too: at least the swallowed ones time out
        assertTrue(timedOut >= swallowed, timedOut + " timed out");
        assertEquals(swallowed, stats(session, silent.address()).orphanedStreamIds());
        assertTrue(lastAnswered.containsAll(List.of(REQUESTS - 3, REQUESTS - 2, REQUESTS - 1)),
                "the last requests were answered: " + lastAnswered);
        assertEquals(REQUESTS - swallowed,
                cluster.node(2).activity().count(matcher) + cluster.node(3).activity().count(matcher),
                "every other request went to the other nodes, once");
    }
}
