package io.reactivecql.internal.control;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.SessionBuilder;
import io.reactivecql.api.errors.NoNodeAvailableException;
import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.metadata.NodeState;
import io.reactivecql.api.metadata.NodeStateEvent;
import io.reactivecql.api.policy.lb.LoadBalancingPolicies;
import io.reactivecql.api.policy.reconnection.ReconnectionPolicy;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.internal.session.SessionFactory;
import io.reactivecql.protocol.response.event.SchemaChange;
import io.reactivecql.protocol.response.event.SchemaChangeEvent;
import io.reactivecql.protocol.response.event.StatusChangeEvent;
import io.reactivecql.protocol.response.event.TopologyChangeEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Discovery, node state, reconnection and failover against a scripted cluster (no sockets). */
class ClusterRuntimeTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private final ScriptedCluster cluster = new ScriptedCluster();
    private ReactiveSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close().block(WAIT);
        }
    }

    private SessionBuilder builder(InetSocketAddress... points) {
        return ReactiveSession.builder().addContactPoints(List.of(points))
                .withReconnectionPolicy(ReconnectionPolicy.constant(Duration.ofMillis(50)))
                .withConfig(DriverConfig.defaults().withRequestTimeout(Duration.ofSeconds(2)));
    }

    private ReactiveSession connect(SessionBuilder builder) {
        session = SessionFactory.connectCluster(builder, cluster, false).block(WAIT);
        return session;
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void oneContactPointDiscoversEveryNodeFromPeersV2() {
        var a = cluster.add("127.0.0.1", "dc1", "r1");
        cluster.add("127.0.0.2", "dc1", "r2");
        cluster.add("127.0.0.3", "dc2", "r1");
        connect(builder(a.endpoint).withLoadBalancingPolicy(LoadBalancingPolicies.roundRobin()));
        List<Node> nodes = session.nodes();
        assertEquals(3, nodes.size());
        for (Node n : nodes) {
            var scripted = cluster.node(n.endpoint());
            assertEquals(scripted.dc, n.datacenter());
            assertEquals(scripted.rack, n.rack());
            assertEquals(scripted.hostId, n.hostId());
            assertEquals("5.0.6", n.cassandraVersion());
            assertEquals(NodeState.UP, n.state());
        }
        // the control connection is the only one registered, and it is on the contact point
        assertEquals(1, cluster.connections.stream().filter(c -> c.registered).count());
    }

    @Test
    void fallsBackToSystemPeersOnOlderServers() {
        cluster.peersV2 = false;
        var a = cluster.add("127.0.0.1", "dc1", "r1");
        cluster.add("127.0.0.2", "dc1", "r1");
        connect(builder(a.endpoint));
        assertEquals(2, session.nodes().size());
    }

    @Test
    void theLocalDatacenterIsInferredFromTheContactPointAndRemoteNodesAreIgnored() {
        var a = cluster.add("127.0.0.1", "dc1", "r1");
        var b = cluster.add("127.0.0.2", "dc1", "r1");
        var c = cluster.add("127.0.0.3", "dc2", "r1");
        connect(builder(a.endpoint));
        for (int i = 0; i < 20; i++) {
            InetSocketAddress coordinator = session.executePage(SimpleStatement.of("SELECT 1")).block(WAIT)
                    .executionInfo().coordinator();
            assertTrue(coordinator.equals(a.endpoint) || coordinator.equals(b.endpoint), coordinator.toString());
        }
        assertTrue(cluster.open(c).isEmpty(), "no connection to an ignored node");
        assertEquals(NodeState.UNKNOWN, session.nodes().stream().filter(n -> n.endpoint().equals(c.endpoint))
                .findFirst().orElseThrow().state());
    }

    @Test
    void unreachableContactPointsAreSkippedAndAllUnreachableIsNoNodeAvailable() {
        var a = cluster.add("127.0.0.1", "dc1", "r1");
        var b = cluster.add("127.0.0.2", "dc1", "r1");
        cluster.down(a);
        connect(builder(a.endpoint, b.endpoint));
        assertEquals(2, session.nodes().size());
        session.close().block(WAIT);
        session = null;
        cluster.down(b);
        NoNodeAvailableException e = assertThrows(NoNodeAvailableException.class,
                () -> SessionFactory.connectCluster(builder(a.endpoint, b.endpoint), cluster, false).block(WAIT));
        assertEquals(List.of(a.endpoint, b.endpoint), List.copyOf(e.errors().keySet()));
    }

    @Test
    void aNodeWhoseConnectionsFailIsMarkedDownThenReconnectedAndUsedAgain() {
        var a = cluster.add("127.0.0.1", "dc1", "r1");
        var b = cluster.add("127.0.0.2", "dc1", "r1");
        connect(builder(a.endpoint).withLoadBalancingPolicy(LoadBalancingPolicies.roundRobin()));
        List<NodeStateEvent> events = new CopyOnWriteArrayList<>();
        Disposable d = session.nodeEvents().subscribe(events::add);
        cluster.down(b);
        await(() -> events.contains(new NodeStateEvent(NodeStateEvent.Type.DOWN, node(b.endpoint))), "DOWN");
        // while b is down every request goes to a
        for (int i = 0; i < 10; i++) {
            assertEquals(a.endpoint, coordinator());
        }
        cluster.up(b);
        await(() -> events.stream().anyMatch(e -> e.type() == NodeStateEvent.Type.UP
                && e.node().endpoint().equals(b.endpoint)), "UP");
        Set<InetSocketAddress> seen = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            seen.add(coordinator());
        }
        assertEquals(Set.of(a.endpoint, b.endpoint), seen);
        d.dispose();
    }

    private Node node(InetSocketAddress endpoint) {
        return session.nodes().stream().filter(n -> n.endpoint().equals(endpoint)).findFirst().orElseThrow();
    }

    private InetSocketAddress coordinator() {
        ResultPage page = session.executePage(SimpleStatement.of("SELECT 1").withIdempotent(true)).block(WAIT);
        return page.executionInfo().coordinator();
    }

    @Test
    void anUpEventShortensTheReconnectionWait() {
        var a = cluster.add("127.0.0.1", "dc1", "r1");
        var b = cluster.add("127.0.0.2", "dc1", "r1");
        session = SessionFactory.connectCluster(builder(a.endpoint)
                .withReconnectionPolicy(ReconnectionPolicy.constant(Duration.ofMinutes(10))), cluster, false)
                .block(WAIT);
        cluster.down(b);
        await(() -> node(b.endpoint).state() == NodeState.DOWN, "DOWN");
        cluster.up(b);
        cluster.push(new StatusChangeEvent(StatusChangeEvent.Status.UP, b.endpoint));
        await(() -> node(b.endpoint).state() == NodeState.UP, "UP after the event, not after 10 minutes");
    }

    @Test
    void theControlConnectionMovesToAnotherNodeWhenItsNodeDies() {
        var a = cluster.add("127.0.0.1", "dc1", "r1");
        var b = cluster.add("127.0.0.2", "dc1", "r1");
        connect(builder(a.endpoint));
        ControlChannel control = ((ClusterRuntime.Holder) session).cluster().controlChannel().orElseThrow();
        assertEquals(a.endpoint, control.endpoint());
        cluster.down(a);
        await(() -> b.endpoint.equals(control.endpoint()), "control connection on b");
        assertEquals(1, control.query("SELECT * FROM system.local").block(WAIT).rowCount());
        // and it still follows topology changes: a new node is discovered, gets a pool, serves requests
        var c = cluster.add("127.0.0.3", "dc1", "r1");
        cluster.push(new TopologyChangeEvent(TopologyChangeEvent.Change.NEW_NODE, c.endpoint));
        await(() -> session.nodes().stream().anyMatch(n -> n.endpoint().equals(c.endpoint) && n.isUp()), "c added");
    }

    @Test
    void removedNodesLeaveTheSnapshotAndSchemaEventsReachTheControlChannel() {
        var a = cluster.add("127.0.0.1", "dc1", "r1");
        var b = cluster.add("127.0.0.2", "dc1", "r1");
        connect(builder(a.endpoint));
        ControlChannel control = ((ClusterRuntime.Holder) session).cluster().controlChannel().orElseThrow();
        List<SchemaChange> changes = new CopyOnWriteArrayList<>();
        Disposable d = control.schemaChanges().subscribe(changes::add);
        List<NodeStateEvent> events = new CopyOnWriteArrayList<>();
        Disposable e = session.nodeEvents().subscribe(events::add);
        SchemaChange change = SchemaChange.table(SchemaChange.ChangeType.CREATED, "ks", "t");
        cluster.push(new SchemaChangeEvent(change));
        assertEquals(List.of(change), changes);
        cluster.nodes.remove(b);
        cluster.push(new TopologyChangeEvent(TopologyChangeEvent.Change.REMOVED_NODE, b.endpoint));
        await(() -> session.nodes().size() == 1, "b removed");
        // the snapshot is swapped before the REMOVED event is emitted (on the refresh's thread)
        await(() -> events.stream().anyMatch(x -> x.type() == NodeStateEvent.Type.REMOVED), "REMOVED event");
        d.dispose();
        e.dispose();
    }

    @Test
    void aRequestWhoseNodeFailsMovesOnAndAnExhaustedPlanListsEveryNodeTried() {
        var a = cluster.add("127.0.0.1", "dc1", "r1");
        var b = cluster.add("127.0.0.2", "dc1", "r1");
        connect(builder(a.endpoint).withLoadBalancingPolicy(LoadBalancingPolicies.roundRobin())
                .withReconnectionPolicy(ReconnectionPolicy.constant(Duration.ofMinutes(10))));
        // connections close (the pools notice within their check interval): requests move on
        cluster.down(a);
        for (int i = 0; i < 4; i++) {
            assertEquals(b.endpoint, coordinator());
        }
        cluster.down(b);
        NoNodeAvailableException e = assertThrows(NoNodeAvailableException.class, () -> coordinator());
        assertTrue(e.errors().size() >= 1, e.toString());
        await(() -> session.nodes().stream().noneMatch(Node::isUp), "both down");
        NoNodeAvailableException empty = assertThrows(NoNodeAvailableException.class, () -> coordinator());
        assertInstanceOf(NoNodeAvailableException.class, empty);
        assertEquals(Set.of(NodeState.DOWN), session.nodes().stream().map(Node::state).collect(Collectors.toSet()));
    }
}
