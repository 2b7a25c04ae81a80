package io.reactivecql.internal.pool;

import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.metadata.NodeDistance;
import io.reactivecql.api.metadata.NodeState;
import io.reactivecql.api.metadata.NodeStateEvent;
import io.reactivecql.api.policy.lb.LoadBalancingPolicies;
import io.reactivecql.api.policy.lb.LoadBalancingPolicy;
import io.reactivecql.api.policy.reconnection.ReconnectionPolicy;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.internal.connection.ConnectionConfig;
import io.reactivecql.internal.control.ClusterState;
import io.reactivecql.internal.control.ScriptedCluster;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pools per node sized by distance, down detection, reconnection and plans over pools. */
class PoolManagerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private final ScriptedCluster cluster = new ScriptedCluster();
    private final ClusterState state = new ClusterState(null);

    private static Node node(ScriptedCluster.ScriptedNode n) {
        return new Node(n.endpoint, n.hostId, n.dc, n.rack, "5.0.6", Set.of(), NodeState.UNKNOWN);
    }

    /** Distances by datacenter name: dc1 LOCAL, dc2 REMOTE, else IGNORED; plans in snapshot order. */
    private static final class ByDc implements LoadBalancingPolicy {
        volatile NodeDistance dc2 = NodeDistance.REMOTE;
        volatile Context context;

        @Override
        public void init(Context ctx) {
            this.context = ctx;
        }

        @Override
        public NodeDistance distance(Node node) {
            return "dc1".equals(node.datacenter()) ? NodeDistance.LOCAL
                    : "dc2".equals(node.datacenter()) ? dc2 : NodeDistance.IGNORED;
        }

        @Override
        public Iterator<Node> newQueryPlan(Statement<?> statement, String keyspace, ByteBuffer routingKey) {
            return state().iterator();
        }

        List<Node> state() {
            return List.of();
        }
    }

    private PoolManager manager(LoadBalancingPolicy policy, ReconnectionPolicy reconnection) {
        return new PoolManager(state, policy, reconnection, cluster, ConnectionConfig::defaults, 3, 1);
    }

    @Test
    void poolsAreSizedByDistanceAndIgnoredNodesGetNone() {
        var a = cluster.add("127.0.0.1", "dc1", "r1");
        var b = cluster.add("127.0.0.2", "dc2", "r1");
        var c = cluster.add("127.0.0.3", "dc3", "r1");
        state.update(List.of(node(a), node(b), node(c)));
        ByDc policy = new ByDc();
        PoolManager pools = manager(policy, ReconnectionPolicy.defaultPolicy());
        pools.init().block(WAIT);
        assertEquals(3, cluster.open(a).size());
        assertEquals(1, cluster.open(b).size());
        assertEquals(0, cluster.open(c).size());
        assertNull(pools.pool(c.endpoint));
        assertEquals(NodeState.UP, state.node(a.endpoint).state());
        assertEquals(NodeState.UNKNOWN, state.node(c.endpoint).state());
        // dc2 becomes LOCAL: its pool is replaced by a bigger one, without blocking
        policy.dc2 = NodeDistance.LOCAL;
        pools.resize();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (cluster.open(b).size() < 4 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(3, pools.pool(b.endpoint).connections().size());
        pools.close().block(WAIT);
        assertEquals(0, cluster.open(a).size());
    }

    @Test
    void aNodeThatCannotBeReachedAtStartIsDownAndReconnectedLater() throws Exception {
        var a = cluster.add("127.0.0.1", "dc1", "r1");
        var b = cluster.add("127.0.0.2", "dc1", "r1");
        cluster.down(b);
        state.update(List.of(node(a), node(b)));
        List<NodeStateEvent> events = new CopyOnWriteArrayList<>();
        state.events().subscribe(events::add);
        PoolManager pools = manager(new ByDc(), ReconnectionPolicy.constant(Duration.ofMillis(20)));
        pools.init().block(WAIT);
        assertEquals(NodeState.DOWN, state.node(b.endpoint).state());
        assertNull(pools.pool(b.endpoint));
        cluster.up(b);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (pools.pool(b.endpoint) == null && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertNotNull(pools.pool(b.endpoint));
        assertEquals(NodeState.UP, state.node(b.endpoint).state());
        assertTrue(events.stream().anyMatch(e -> e.type() == NodeStateEvent.Type.DOWN), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.type() == NodeStateEvent.Type.UP
                && e.node().endpoint().equals(b.endpoint)), events.toString());
        pools.close().block(WAIT);
    }

    @Test
    void closedConnectionsMarkTheNodeDownOnTheNextCheck() {
        var a = cluster.add("127.0.0.1", "dc1", "r1");
        state.update(List.of(node(a)));
        PoolManager pools = manager(new ByDc(), ReconnectionPolicy.constant(Duration.ofMinutes(1)));
        pools.init().block(WAIT);
        pools.check();
        assertEquals(NodeState.UP, state.node(a.endpoint).state());
        cluster.down(a);
        pools.check();
        assertEquals(NodeState.DOWN, state.node(a.endpoint).state());
        assertNull(pools.pool(a.endpoint));
        pools.close().block(WAIT);
    }

    @Test
    void plansSkipNodesWithoutAPool() {
        var a = cluster.add("127.0.0.1", "dc1", "r1");
        var b = cluster.add("127.0.0.2", "dc1", "r1");
        cluster.down(a);
        state.update(List.of(node(a), node(b)));
        LoadBalancingPolicy rr = LoadBalancingPolicies.roundRobin();
        PoolManager pools = manager(rr, ReconnectionPolicy.constant(Duration.ofMinutes(1)));
        rr.init(new LoadBalancingPolicy.Context() {
            @Override
            public List<Node> nodes() {
                // plans see every node as UP: the planner must skip the one without a pool
                return state.nodes().stream().map(n -> n.withState(NodeState.UP)).toList();
            }

            @Override
            public List<Node> contactNodes() {
                return List.of();
            }

            @Override
            public String localDatacenter() {
                return null;
            }

            @Override
            public io.reactivecql.api.routing.ReplicaLocator replicaLocator() {
                return io.reactivecql.api.routing.ReplicaLocator.NONE;
            }

            @Override
            public int inFlight(Node node) {
                return pools.inFlight(node.endpoint());
            }
        });
        pools.init().block(WAIT);
        ClusterPlanner planner = new ClusterPlanner(rr, pools);
        for (int i = 0; i < 4; i++) {
            var plan = planner.newPlan(SimpleStatement.of("SELECT 1"), null);
            assertEquals(b.endpoint, plan.next().endpoint());
            assertNull(plan.next());
        }
        pools.close().block(WAIT);
    }
}
