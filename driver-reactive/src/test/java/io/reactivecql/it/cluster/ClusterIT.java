package io.reactivecql.it.cluster;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.SessionBuilder;
import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.metadata.NodeState;
import io.reactivecql.api.metadata.NodeStateEvent;
import io.reactivecql.api.policy.reconnection.ReconnectionPolicy;
import io.reactivecql.api.statement.PreparedStatement;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.internal.control.ClusterRuntime;
import io.reactivecql.internal.control.ControlChannel;
import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.embedded.CassandraNode;
import io.reactivecql.embedded.RealCassandra;
import io.reactivecql.protocol.ConsistencyLevel;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The cluster client on a real 3-node cluster: discovery, token-aware routing, failover. */
@RealCassandra(nodes = 3)
class ClusterIT {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterIT.class);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static SessionBuilder builder(CassandraCluster cluster, InetSocketAddress... contactPoints) {
        return ReactiveSession.builder()
                .addContactPoints(List.of(contactPoints))
                .withReconnectionPolicy(ReconnectionPolicy.exponential(Duration.ofMillis(200), Duration.ofSeconds(2)))
                .withConfig(DriverConfig.defaults()
                        .withRequestTimeout(Duration.ofSeconds(30))
                        .withConnectTimeout(Duration.ofSeconds(10)));
    }

    @Test
    void oneContactPointFindsEveryNodeWithItsDatacenterRackAndVersion(CassandraCluster cluster) throws InterruptedException {
        ReactiveSession session = builder(cluster, cluster.contactPoints().get(0)).connect().block(WAIT);
        try {
            // Right after the cluster starts, a node's system.peers can lag its gossip: a peer's
            // row (or its native address) lands a moment later, announced by a node event that
            // makes the session refresh its nodes. Wait for that, bounded.
            Set<InetSocketAddress> all = Set.copyOf(cluster.contactPoints());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!endpoints(session.nodes()).equals(all) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            List<Node> nodes = session.nodes();
            assertEquals(all, endpoints(nodes));
            for (Node node : nodes) {
                CassandraNode real = byAddress(cluster, node.endpoint());
                assertEquals(real.datacenter(), node.datacenter(), node.toString());
                assertEquals(real.rack(), node.rack(), node.toString());
                assertNotNull(node.cassandraVersion(), node.toString());
                assertNotNull(node.hostId(), node.toString());
                assertEquals(16, node.tokens().size(), node.toString());
                assertEquals(NodeState.UP, node.state(), node.toString());
            }
            // requests spread over every node
            Set<InetSocketAddress> coordinators = new HashSet<>();
            for (int i = 0; i < 30; i++) {
                coordinators.add(session.executePage(SimpleStatement.of("SELECT release_version FROM system.local"))
                        .block(WAIT).executionInfo().coordinator());
            }
            assertEquals(Set.copyOf(cluster.contactPoints()), coordinators);
        } finally {
            session.close().block(WAIT);
        }
    }

    private static Set<InetSocketAddress> endpoints(List<Node> nodes) {
        return nodes.stream().map(Node::endpoint).collect(Collectors.toSet());
    }

    private static CassandraNode byAddress(CassandraCluster cluster, InetSocketAddress endpoint) {
        for (CassandraNode n : cluster.nodes()) {
            if (n.nativeAddress().equals(endpoint)) {
                return n;
            }
        }
        throw new AssertionError("no node at " + endpoint);
    }

    @Test
    void quorumWritesSurviveANodeKilledAndRestarted(CassandraCluster cluster) throws Exception {
        // the PREPAREs sent, as "node query"
        List<String> prepares = new CopyOnWriteArrayList<>();
        RequestTracker tracker = new RequestTracker() {
            @Override
            public void onRequestSent(Kind kind, Statement<?> statement, InetSocketAddress node, int page) {
                if (kind == Kind.PREPARE && statement instanceof SimpleStatement s) {
                    prepares.add(node + " " + s.query());
                }
            }
        };
        ReactiveSession session = builder(cluster, cluster.contactPoints().get(0)).withRequestTracker(tracker)
                .connect().block(WAIT);
        List<NodeStateEvent> events = new CopyOnWriteArrayList<>();
        Disposable eventLog = session.nodeEvents().subscribe(events::add);
        InetSocketAddress victim = cluster.node(2).nativeAddress();
        try {
            ddl(session, "CREATE KEYSPACE IF NOT EXISTS it_cluster_rf3 WITH replication = "
                    + "{'class': 'SimpleStrategy', 'replication_factor': 3}");
            String table = "it_cluster_rf3.writes_" + System.currentTimeMillis();
            ddl(session, "CREATE TABLE " + table + " (id int PRIMARY KEY, v int)");
            awaitTable(session, table);
            String insertCql = "INSERT INTO " + table + " (id, v) VALUES (?, ?)";
            PreparedStatement insert = session.prepare(insertCql).block(WAIT);
            // prepared on every node, not only the one that answered
            for (InetSocketAddress node : cluster.contactPoints()) {
                await(() -> prepares.contains(node + " " + insertCql), "PREPARE sent to " + node);
            }
            int total = 6000;
            Set<Integer> acked = ConcurrentHashMap.newKeySet();
            Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
            Set<InetSocketAddress> coordinatorsAfterRestart = ConcurrentHashMap.newKeySet();
            AtomicInteger phase = new AtomicInteger(); // 2 once the victim is back UP
            Mono<Long> writer = Flux.range(0, total)
                    .delayElements(Duration.ofMillis(3))
                    .flatMap(i -> session.executePage(insert.bind(i, i).withIdempotent(true)
                                    .withConsistency(ConsistencyLevel.QUORUM))
                            .doOnNext(page -> {
                                acked.add(i);
                                if (phase.get() == 2) {
                                    coordinatorsAfterRestart.add(page.executionInfo().coordinator());
                                }
                            })
                            .onErrorResume(e -> {
                                failures.computeIfAbsent(e.getClass().getSimpleName(), x -> new AtomicInteger())
                                        .incrementAndGet();
                                return Mono.empty();
                            }), 32)
                    .count()
                    .cache();
            writer.subscribe();
            await(() -> acked.size() >= 1000, "1000 writes before the kill");
            long killedAt = System.nanoTime();
            cluster.node(2).kill();
            LOG.info("node 2 killed after {} acknowledged writes", acked.size());
            await(() -> hasEvent(events, NodeStateEvent.Type.DOWN, victim), "DOWN event for the killed node");
            LOG.info("node 2 marked down after {} ms", (System.nanoTime() - killedAt) / 1_000_000);
            int ackedAtKill = acked.size();
            await(() -> acked.size() >= ackedAtKill + 500, "writes go on while node 2 is down");
            long preparesBeforeRestart = prepares.stream().filter(p -> p.equals(victim + " " + insertCql)).count();
            cluster.node(2).restart();
            await(() -> hasEvent(events, NodeStateEvent.Type.UP, victim), "UP event for the restarted node");
            // the node lost its prepared statements with its process: they are prepared there again
            await(() -> prepares.stream().filter(p -> p.equals(victim + " " + insertCql)).count()
                    > preparesBeforeRestart, "PREPARE sent again to the restarted node");
            phase.set(2);
            LOG.info("node 2 back up after {} acknowledged writes; failures so far {}", acked.size(), failures);
            long written = writer.block(Duration.ofSeconds(120));
            assertEquals(acked.size(), written);
            assertEquals(total, written + failures.values().stream().mapToInt(AtomicInteger::get).sum(),
                    "every write ended, acknowledged or failed");
            assertTrue(acked.size() >= total * 0.95, "acknowledged " + acked.size() + ", failures " + failures);
            // traffic reaches the node again, through the writer's tail and through fresh requests
            for (int i = 0; i < 60 && !coordinatorsAfterRestart.contains(victim); i++) {
                coordinatorsAfterRestart.add(session.executePage(
                        SimpleStatement.of("SELECT release_version FROM system.local")).block(WAIT)
                        .executionInfo().coordinator());
            }
            assertTrue(coordinatorsAfterRestart.contains(victim), "requests reach node 2 again: " + coordinatorsAfterRestart);
            // every acknowledged write is there
            Set<Integer> read = session.execute(SimpleStatement.of("SELECT id FROM " + table)
                            .withConsistency(ConsistencyLevel.QUORUM).withPageSize(1000))
                    .map(row -> row.getInt(0))
                    .collect(Collectors.toSet()).block(WAIT);
            Set<Integer> lost = new HashSet<>(acked);
            lost.removeAll(read);
            assertEquals(Set.of(), lost, "acknowledged writes lost");
            LOG.info("failover: {} acknowledged of {}, failures {}, events {}", acked.size(), total, failures, events);
        } finally {
            eventLog.dispose();
            session.close().block(WAIT);
            if (!cluster.node(2).isRunning()) {
                cluster.node(2).start();
            }
        }
    }

    /** Runs a schema change, then waits for every node to agree on the schema. */
    private static void ddl(ReactiveSession session, String cql) throws InterruptedException {
        session.execute(cql).blockLast(WAIT);
        awaitSchemaAgreement(session);
    }

    /**
     * Waits until reads of {@code table} succeed 9 times in a row (round robin: on every node):
     * the gossiped schema versions can agree while a node has not applied the change yet.
     */
    private static void awaitTable(ReactiveSession session, String table) throws InterruptedException {
        await(() -> {
            for (int i = 0; i < 9; i++) {
                try {
                    session.execute("SELECT * FROM " + table + " LIMIT 1").blockLast(WAIT);
                } catch (RuntimeException e) {
                    return false;
                }
            }
            return true;
        }, "table " + table + " on every node");
    }

    /** Waits until every node has the same schema version, asked through the control channel. */
    private static void awaitSchemaAgreement(ReactiveSession session) throws InterruptedException {
        ControlChannel control = ((ClusterRuntime.Holder) session).cluster().controlChannel().orElseThrow();
        await(() -> {
            Set<ByteBuffer> versions = new HashSet<>();
            for (String table : List.of("system.local", "system.peers")) {
                RowsResult rows = control.query("SELECT schema_version FROM " + table).block(WAIT);
                for (int r = 0; r < rows.rowCount(); r++) {
                    versions.add(rows.cell(r, 0));
                }
            }
            return versions.size() == 1;
        }, "schema agreement");
    }

    private static boolean hasEvent(List<NodeStateEvent> events, NodeStateEvent.Type type, InetSocketAddress node) {
        return events.stream().anyMatch(e -> e.type() == type && e.node().endpoint().equals(node));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }
}
