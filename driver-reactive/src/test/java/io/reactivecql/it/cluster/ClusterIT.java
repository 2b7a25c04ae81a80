package io.reactivecql.it.cluster;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.SessionBuilder;
import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.metadata.NodeState;
import io.reactivecql.api.metadata.NodeStateEvent;
import io.reactivecql.api.policy.reconnection.ReconnectionPolicy;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.routing.ReplicaLocator;
import io.reactivecql.api.statement.PreparedStatement;
import io.reactivecql.api.statement.SimpleStatement;
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

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
    void oneContactPointFindsEveryNodeWithItsDatacenterRackAndVersion(CassandraCluster cluster) {
        ReactiveSession session = builder(cluster, cluster.contactPoints().get(0)).connect().block(WAIT);
        try {
            List<Node> nodes = session.nodes();
            assertEquals(Set.copyOf(cluster.contactPoints()),
                    nodes.stream().map(Node::endpoint).collect(Collectors.toSet()));
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

    private static CassandraNode byAddress(CassandraCluster cluster, InetSocketAddress endpoint) {
        for (CassandraNode n : cluster.nodes()) {
            if (n.nativeAddress().equals(endpoint)) {
                return n;
            }
        }
        throw new AssertionError("no node at " + endpoint);
    }

    @Test
    void boundReadsGoToTheReplicaThatOwnsTheKey(CassandraCluster cluster) throws Exception {
        ReactiveSession setup = builder(cluster, cluster.contactPoints().toArray(new InetSocketAddress[0]))
                .connect().block(WAIT);
        try {
            ddl(setup, "CREATE KEYSPACE IF NOT EXISTS it_cluster_rf1 WITH replication = "
                    + "{'class': 'SimpleStrategy', 'replication_factor': 1}");
            ddl(setup, "CREATE TABLE IF NOT EXISTS it_cluster_rf1.kv (k text PRIMARY KEY, v int)");
            awaitTable(setup, "it_cluster_rf1.kv");
        } finally {
            setup.close().block(WAIT);
        }
        // the owner of each key, from nodetool (in parallel: each run starts a JVM)
        List<String> keys = IntStream.range(0, 20).mapToObj(i -> "key-" + i).toList();
        Map<String, String> ownerAddress = new ConcurrentHashMap<>();
        keys.parallelStream().forEach(k -> ownerAddress.put(k,
                cluster.nodetool(1, "getendpoints", "it_cluster_rf1", "kv", k).trim()));
        // the locator seam, backed by those answers (driver-schema's token map would compute them)
        Map<ByteBuffer, InetSocketAddress> owners = new HashMap<>();
        for (String k : keys) {
            InetSocketAddress owner = new InetSocketAddress(InetAddress.getByName(ownerAddress.get(k)),
                    cluster.contactPoints().get(0).getPort());
            owners.put(ByteBuffer.wrap(k.getBytes(StandardCharsets.UTF_8)), owner);
        }
        assertTrue(new HashSet<>(owners.values()).size() >= 2, "keys spread over several nodes: " + owners);
        AtomicInteger lookups = new AtomicInteger();
        ReactiveSession[] holder = new ReactiveSession[1];
        ReplicaLocator locator = (keyspace, routingKey) -> {
            lookups.incrementAndGet();
            InetSocketAddress owner = owners.get(routingKey);
            if (owner == null || !"it_cluster_rf1".equals(keyspace)) {
                return List.of();
            }
            return holder[0].nodes().stream().filter(n -> n.endpoint().equals(owner)).toList();
        };
        ReactiveSession session = builder(cluster, cluster.contactPoints().get(0)).withReplicaLocator(locator)
                .connect().block(WAIT);
        holder[0] = session;
        try {
            PreparedStatement insert = session.prepare("INSERT INTO it_cluster_rf1.kv (k, v) VALUES (?, ?)").block(WAIT);
            PreparedStatement select = session.prepare("SELECT v FROM it_cluster_rf1.kv WHERE k = ?").block(WAIT);
            Flux.fromIterable(keys).flatMap(k -> session.executePage(insert.bind(k, k.length())), 8).blockLast(WAIT);
            List<String> reads = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                reads.add(keys.get(i % keys.size()));
            }
            List<String> misrouted = Flux.fromIterable(reads)
                    .flatMap(k -> session.executePage(select.bind(k))
                            .filter(page -> {
                                assertEquals(k.length(), page.one().getInt(0));
                                return !page.executionInfo().coordinator().equals(owners.get(
                                        ByteBuffer.wrap(k.getBytes(StandardCharsets.UTF_8))));
                            })
                            .map(page -> k + " -> " + page.executionInfo().coordinator()), 16)
                    .collectList().block(WAIT);
            assertEquals(List.of(), misrouted);
            assertTrue(lookups.get() >= 1000, "the locator was asked for every bound read: " + lookups);
        } finally {
            session.close().block(WAIT);
        }
    }

    @Test
    void quorumWritesSurviveANodeKilledAndRestarted(CassandraCluster cluster) throws Exception {
        ReactiveSession session = builder(cluster, cluster.contactPoints().get(0)).connect().block(WAIT);
        List<NodeStateEvent> events = new CopyOnWriteArrayList<>();
        Disposable eventLog = session.nodeEvents().subscribe(events::add);
        InetSocketAddress victim = cluster.node(2).nativeAddress();
        try {
            ddl(session, "CREATE KEYSPACE IF NOT EXISTS it_cluster_rf3 WITH replication = "
                    + "{'class': 'SimpleStrategy', 'replication_factor': 3}");
            String table = "it_cluster_rf3.writes_" + System.currentTimeMillis();
            ddl(session, "CREATE TABLE " + table + " (id int PRIMARY KEY, v int)");
            awaitTable(session, table);
            PreparedStatement insert = session.prepare("INSERT INTO " + table + " (id, v) VALUES (?, ?)")
                    .block(WAIT);
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
            cluster.node(2).restart();
            await(() -> hasEvent(events, NodeStateEvent.Type.UP, victim), "UP event for the restarted node");
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
