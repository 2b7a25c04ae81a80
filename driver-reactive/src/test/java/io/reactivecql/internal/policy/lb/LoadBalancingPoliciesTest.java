package io.reactivecql.internal.policy.lb;

import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.metadata.NodeDistance;
import io.reactivecql.api.metadata.NodeState;
import io.reactivecql.api.policy.lb.LoadBalancingPolicies;
import io.reactivecql.api.policy.lb.LoadBalancingPolicy;
import io.reactivecql.api.policy.reconnection.ReconnectionPolicy;
import io.reactivecql.api.routing.ReplicaLocator;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.api.statement.Statement;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built-in policies against a scripted cluster view. */
class LoadBalancingPoliciesTest {

    private static final Statement<?> STMT = SimpleStatement.of("SELECT 1");

    /** A scripted view: nodes, in-flight counts and replicas set by the test. */
    static final class View implements LoadBalancingPolicy.Context {
        List<Node> nodes = new ArrayList<>();
        List<Node> contacts = List.of();
        String localDc;
        ReplicaLocator locator = ReplicaLocator.NONE;
        final Map<Node, Integer> inFlight = new HashMap<>();
        final Map<Node, Long> unanswered = new HashMap<>();

        Node add(int i, String dc, String rack, NodeState state) {
            Node n = new Node(new InetSocketAddress("127.0.0." + i, 9042), null, dc, rack, "5.0", Set.of(), state);
            nodes.add(n);
            return n;
        }

        @Override
        public List<Node> nodes() {
            return nodes;
        }

        @Override
        public List<Node> contactNodes() {
            return contacts;
        }

        @Override
        public String localDatacenter() {
            return localDc;
        }

        @Override
        public ReplicaLocator replicaLocator() {
            return locator;
        }

        @Override
        public int inFlight(Node node) {
            return inFlight.getOrDefault(node, 0);
        }

        @Override
        public long unansweredNanos(Node node) {
            return unanswered.getOrDefault(node, 0L);
        }
    }

    private static List<Node> plan(LoadBalancingPolicy p, ByteBuffer key) {
        List<Node> out = new ArrayList<>();
        p.newQueryPlan(STMT, "ks", key).forEachRemaining(out::add);
        return out;
    }

    @Test
    void roundRobinRotatesOverUpNodesOnly() {
        View v = new View();
        Node a = v.add(1, "dc1", "r1", NodeState.UP);
        Node b = v.add(2, "dc1", "r1", NodeState.DOWN);
        Node c = v.add(3, "dc1", "r1", NodeState.UP);
        LoadBalancingPolicy p = LoadBalancingPolicies.roundRobin();
        p.init(v);
        assertEquals(List.of(a, c), plan(p, null));
        assertEquals(List.of(c, a), plan(p, null));
        assertEquals(List.of(c, a), plan(p, null)); // start on b, skipped
        assertEquals(List.of(a, c), plan(p, null));
        assertEquals(NodeDistance.LOCAL, p.distance(b));
    }

    @Test
    void datacenterAwarePutsTheLocalDatacenterFirstAndIgnoresOrUsesRemoteNodes() {
        View v = new View();
        Node a = v.add(1, "dc1", "r1", NodeState.UP);
        Node r = v.add(2, "dc2", "r1", NodeState.UP);
        Node b = v.add(3, "dc1", "r1", NodeState.UP);
        v.localDc = "dc1";
        LoadBalancingPolicy ignoring = LoadBalancingPolicies.datacenterAware(null, null, false);
        ignoring.init(v);
        assertEquals(NodeDistance.IGNORED, ignoring.distance(r));
        assertEquals(NodeDistance.LOCAL, ignoring.distance(a));
        for (int i = 0; i < 4; i++) {
            assertEquals(Set.of(a, b), Set.copyOf(plan(ignoring, null)));
        }
        LoadBalancingPolicy remote = LoadBalancingPolicies.datacenterAware(null, null, true);
        remote.init(v);
        assertEquals(NodeDistance.REMOTE, remote.distance(r));
        for (int i = 0; i < 4; i++) {
            List<Node> plan = plan(remote, null);
            assertEquals(3, plan.size());
            assertEquals(r, plan.get(2), "remote node last");
        }
    }

    @Test
    void theLocalDatacenterIsInferredFromTheContactNodes() {
        View v = new View();
        Node a = v.add(1, "dc2", "r1", NodeState.UP);
        v.add(2, "dc1", "r1", NodeState.UP);
        v.contacts = List.of(a);
        DcAwarePolicy p = new DcAwarePolicy(null, null, false);
        p.init(v);
        assertEquals("dc2", p.localDatacenter());
        assertEquals(List.of(a), plan(p, null));
    }

    @Test
    void theLocalRackComesFirstInsideTheLocalDatacenter() {
        View v = new View();
        Node a = v.add(1, "dc1", "r1", NodeState.UP);
        Node b = v.add(2, "dc1", "r2", NodeState.UP);
        Node c = v.add(3, "dc1", "r2", NodeState.UP);
        LoadBalancingPolicy p = LoadBalancingPolicies.datacenterAware("dc1", "r2", false);
        p.init(v);
        for (int i = 0; i < 4; i++) {
            List<Node> plan = plan(p, null);
            assertEquals(Set.of(b, c), Set.copyOf(plan.subList(0, 2)));
            assertEquals(a, plan.get(2));
        }
    }

    @Test
    void tokenAwareTriesUpLocalReplicasFirstThenTheOthersWithoutRepeats() {
        View v = new View();
        Node a = v.add(1, "dc1", "r1", NodeState.UP);
        Node b = v.add(2, "dc1", "r1", NodeState.UP);
        Node c = v.add(3, "dc1", "r1", NodeState.UP);
        Node d = v.add(4, "dc1", "r1", NodeState.DOWN);
        ByteBuffer key = ByteBuffer.wrap(new byte[]{1});
        v.locator = (ks, k) -> k.equals(key) && ks.equals("ks") ? List.of(c, d) : List.of();
        LoadBalancingPolicy p = LoadBalancingPolicies.tokenAware(LoadBalancingPolicies.roundRobin(), 10);
        p.init(v);
        for (int i = 0; i < 5; i++) {
            List<Node> plan = plan(p, key);
            assertEquals(c, plan.get(0));
            assertEquals(Set.of(a, b, c), Set.copyOf(plan));
            assertEquals(3, plan.size());
        }
        // no routing key, or a key the locator does not know: the child's plan
        assertEquals(3, plan(p, null).size());
        assertEquals(3, plan(p, ByteBuffer.wrap(new byte[]{2})).size());
    }

    @Test
    void busyReplicasGoAfterTheOthers() {
        View v = new View();
        Node a = v.add(1, "dc1", "r1", NodeState.UP);
        Node b = v.add(2, "dc1", "r1", NodeState.UP);
        Node c = v.add(3, "dc1", "r1", NodeState.UP);
        v.locator = (ks, k) -> List.of(a, b);
        v.inFlight.put(a, 100);
        LoadBalancingPolicy p = LoadBalancingPolicies.tokenAware(LoadBalancingPolicies.roundRobin(), 50);
        p.init(v);
        for (int i = 0; i < 4; i++) {
            List<Node> plan = plan(p, ByteBuffer.wrap(new byte[]{1}));
            assertEquals(List.of(b, a, c), plan);
        }
    }

    @Test
    void nodesThatStoppedAnsweringGoAfterTheOthersWithOrWithoutRoutingKey() {
        View v = new View();
        Node a = v.add(1, "dc1", "r1", NodeState.UP);
        Node b = v.add(2, "dc1", "r1", NodeState.UP);
        Node c = v.add(3, "dc1", "r1", NodeState.UP);
        v.locator = (ks, k) -> List.of(a, b);
        // a few requests in flight, but nothing read from a for a second: it is avoided
        v.inFlight.put(a, 3);
        v.unanswered.put(a, java.util.concurrent.TimeUnit.SECONDS.toNanos(1));
        // c's requests are answered slowly, but within the threshold: not avoided
        v.unanswered.put(c, TokenAwarePolicy.SLOW_NANOS / 2);
        LoadBalancingPolicy p = LoadBalancingPolicies.tokenAware(LoadBalancingPolicies.roundRobin(), 50);
        p.init(v);
        for (int i = 0; i < 4; i++) {
            assertEquals(List.of(b, a, c), plan(p, ByteBuffer.wrap(new byte[]{1})));
            List<Node> unrouted = plan(p, null);
            assertEquals(3, unrouted.size(), unrouted.toString());
            assertEquals(a, unrouted.get(2), "the silent node comes last: " + unrouted);
        }
        // once it answers again, it takes its turn
        v.unanswered.remove(a);
        Set<Node> firsts = new java.util.HashSet<>();
        for (int i = 0; i < 6; i++) {
            firsts.add(plan(p, null).get(0));
        }
        assertTrue(firsts.contains(a), firsts.toString());
    }

    @Test
    void tokenAwareSkipsReplicasTheChildDoesNotRankLocal() {
        View v = new View();
        Node a = v.add(1, "dc1", "r1", NodeState.UP);
        Node remote = v.add(2, "dc2", "r1", NodeState.UP);
        v.locator = (ks, k) -> List.of(remote, a);
        LoadBalancingPolicy p = LoadBalancingPolicies.tokenAware(
                LoadBalancingPolicies.datacenterAware("dc1", null, false), 10);
        p.init(v);
        assertEquals(List.of(a), plan(p, ByteBuffer.wrap(new byte[]{1})));
    }

    @Test
    void plansAreLazy() {
        View v = new View();
        Node a = v.add(1, "dc1", "r1", NodeState.UP);
        v.add(2, "dc1", "r1", NodeState.UP);
        v.locator = (ks, k) -> List.of(a);
        AtomicInteger childPlans = new AtomicInteger();
        LoadBalancingPolicy rr = LoadBalancingPolicies.roundRobin();
        LoadBalancingPolicy counting = new LoadBalancingPolicy() {
            @Override
            public void init(Context context) {
                rr.init(context);
            }

            @Override
            public NodeDistance distance(Node node) {
                return rr.distance(node);
            }

            @Override
            public Iterator<Node> newQueryPlan(Statement<?> statement, String keyspace, ByteBuffer routingKey) {
                childPlans.incrementAndGet();
                return rr.newQueryPlan(statement, keyspace, routingKey);
            }
        };
        LoadBalancingPolicy p = LoadBalancingPolicies.tokenAware(counting, 10);
        p.init(v);
        Iterator<Node> plan = p.newQueryPlan(STMT, "ks", ByteBuffer.wrap(new byte[]{1}));
        assertEquals(a, plan.next());
        assertEquals(0, childPlans.get(), "the child's plan is not computed before the replicas are used up");
        assertTrue(plan.hasNext());
        assertEquals(1, childPlans.get());
        plan.next();
        assertFalse(plan.hasNext());
    }

    @Test
    void compositeRoutingKeysUseTheCompositeFormat() {
        ByteBuffer one = ByteBuffer.wrap(new byte[]{1, 2});
        assertEquals(one, RoutingKeys.compose(one));
        ByteBuffer key = RoutingKeys.compose(ByteBuffer.wrap(new byte[]{1, 2}), ByteBuffer.wrap(new byte[]{3}));
        byte[] bytes = new byte[key.remaining()];
        key.get(bytes);
        assertArrayEquals(new byte[]{0, 2, 1, 2, 0, 0, 1, 3, 0}, bytes);
        assertEquals(null, RoutingKeys.of(STMT));
    }

    @Test
    void reconnectionPolicies() {
        ReconnectionPolicy.Schedule exp = ReconnectionPolicy.exponential(Duration.ofMillis(100), Duration.ofSeconds(1))
                .newSchedule();
        long[] expected = {100, 200, 400, 800, 1000, 1000};
        for (long e : expected) {
            long d = exp.nextDelay().toMillis();
            assertTrue(d >= e * 0.85 - 1 && d <= e * 1.15 + 1, "delay " + d + " for " + e);
        }
        ReconnectionPolicy.Schedule constant = ReconnectionPolicy.constant(Duration.ofMillis(70)).newSchedule();
        assertEquals(Duration.ofMillis(70), constant.nextDelay());
        assertEquals(Duration.ofMillis(70), constant.nextDelay());
    }
}
