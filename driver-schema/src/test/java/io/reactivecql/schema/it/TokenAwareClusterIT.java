package io.reactivecql.schema.it;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.statement.PreparedStatement;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import io.reactivecql.schema.api.SessionMetadata;
import io.reactivecql.schema.api.token.TokenMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.reactivecql.schema.it.SchemaIts.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The token map the session's metadata builds, against what the 3-node server says: for 1,000 keys
 * the token and the replicas equal the server's ({@code token(k)} and {@code nodetool describering});
 * and with RF=1 every bound read is coordinated by the replica that owns its key, with no setup
 * beyond connecting (the metadata plugs the token map into token-aware load balancing).
 */
@RealCassandra(nodes = 3)
class TokenAwareClusterIT {

    private static final int KEYS = 1000;
    private static final Pattern RANGE = Pattern.compile(
            "start_token:(-?\\d+), end_token:(-?\\d+), endpoints:\\[([^\\]]*)\\]");

    private static ReactiveSession session;

    /** A token range (start, end] of the server's ring and its replicas' addresses. */
    private record Range(BigInteger start, BigInteger end, Set<String> endpoints) {
        boolean contains(BigInteger t) {
            int c = start.compareTo(end);
            if (c < 0) {
                return t.compareTo(start) > 0 && t.compareTo(end) <= 0;
            }
            return c == 0 || t.compareTo(start) > 0 || t.compareTo(end) <= 0;
        }
    }

    @BeforeAll
    static void connect(CassandraCluster cluster) {
        session = SchemaIts.session(cluster);
    }

    @AfterAll
    static void close() {
        if (session != null) {
            for (String ks : List.of("it_ring_simple", "it_ring_nts", "it_ring_rf1")) {
                session.execute("DROP KEYSPACE IF EXISTS " + ks).blockLast(WAIT);
            }
            session.close().block(WAIT);
        }
    }

    @Test
    void replicasOfAThousandKeysEqualTheServers(CassandraCluster cluster) throws Exception {
        compare(cluster, "it_ring_simple", "{'class': 'SimpleStrategy', 'replication_factor': 2}");
        compare(cluster, "it_ring_nts", "{'class': 'NetworkTopologyStrategy', '"
                + cluster.localDatacenter() + "': 2}");
    }

    private static void compare(CassandraCluster cluster, String ks, String replication) throws Exception {
        Map<Integer, BigInteger> serverTokens = load(ks, replication);
        List<Range> ring = ring(cluster, ks);
        TokenMap<Node> map = tokenMapKnowing(ks);
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<Integer, BigInteger> e : serverTokens.entrySet()) {
            ByteBuffer key = ByteBuffer.allocate(4).putInt(0, e.getKey());
            String token = map.partitioner().hash(key).toString();
            if (!token.equals(e.getValue().toString())) {
                mismatches.add(e.getKey() + ": token " + token + " but the server says " + e.getValue());
                continue;
            }
            Set<String> server = ring.stream().filter(r -> r.contains(e.getValue())).findFirst()
                    .orElseThrow(() -> new AssertionError("no server range holds " + e.getValue())).endpoints();
            Set<String> driver = map.replicas(ks, key).stream()
                    .map(n -> n.endpoint().getAddress().getHostAddress()).collect(Collectors.toSet());
            if (!server.equals(driver)) {
                mismatches.add(e.getKey() + ": replicas " + driver + " but the server says " + server);
            }
        }
        assertEquals(KEYS, serverTokens.size());
        assertEquals(List.of(), mismatches, ks);
    }

    @Test
    void boundReadsAreCoordinatedByTheOwnerOfTheirKey(CassandraCluster cluster) throws Exception {
        String ks = "it_ring_rf1";
        load(ks, "{'class': 'SimpleStrategy', 'replication_factor': 1}");
        List<Range> ring = ring(cluster, ks);
        tokenMapKnowing(ks);
        PreparedStatement select = session.prepare("SELECT token(k), v FROM " + ks + ".kv WHERE k = ?").block(WAIT);
        Set<String> owners = new HashSet<>();
        List<String> misrouted = Flux.range(0, KEYS)
                .flatMap(k -> session.executePage(select.bind(k)), 16)
                .filter(page -> {
                    BigInteger token = BigInteger.valueOf(page.one().getLong(0));
                    String owner = ring.stream().filter(r -> r.contains(token)).findFirst().orElseThrow()
                            .endpoints().iterator().next();
                    String coordinator = page.executionInfo().coordinator().getAddress().getHostAddress();
                    synchronized (owners) {
                        owners.add(owner);
                    }
                    return !owner.equals(coordinator);
                })
                .map(ResultPage::executionInfo)
                .map(Object::toString)
                .collectList().block(WAIT);
        assertEquals(List.of(), misrouted, "reads not coordinated by their key's owner");
        assertEquals(3, owners.size(), "the keys are spread over the 3 nodes: " + owners);
    }

    /** Creates {@code ks}.kv with keys 0..999 and returns each key's token as the server computes it. */
    private static Map<Integer, BigInteger> load(String ks, String replication) {
        session.execute("CREATE KEYSPACE IF NOT EXISTS " + ks + " WITH replication = " + replication).blockLast(WAIT);
        session.execute("CREATE TABLE IF NOT EXISTS " + ks + ".kv (k int PRIMARY KEY, v int)").blockLast(WAIT);
        PreparedStatement insert = session.prepare("INSERT INTO " + ks + ".kv (k, v) VALUES (?, ?)").block(WAIT);
        session.executeAll(Flux.fromStream(IntStream.range(0, KEYS).boxed()).map(k -> insert.bind(k, -k)), 32)
                .blockLast(WAIT);
        Map<Integer, BigInteger> tokens = new HashMap<>();
        session.execute("SELECT k, token(k) FROM " + ks + ".kv")
                .doOnNext(r -> tokens.put(r.getInt(0), BigInteger.valueOf(r.getLong(1))))
                .blockLast(WAIT);
        return tokens;
    }

    /** The server's ring for {@code ks}, from one {@code nodetool describering}. */
    private static List<Range> ring(CassandraCluster cluster, String ks) {
        List<Range> ranges = new ArrayList<>();
        Matcher m = RANGE.matcher(cluster.nodetool(1, "describering", ks));
        while (m.find()) {
            Set<String> endpoints = new HashSet<>();
            for (String e : m.group(3).split(",")) {
                endpoints.add(e.trim());
            }
            ranges.add(new Range(new BigInteger(m.group(1)), new BigInteger(m.group(2)), endpoints));
        }
        assertTrue(ranges.size() >= 3, "describering lists the ring: " + ranges);
        return ranges;
    }

    /** Waits until the session's token map knows {@code ks} (schema events are debounced). */
    private static TokenMap<Node> tokenMapKnowing(String ks) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            TokenMap<Node> map = SessionMetadata.of(session).tokenMap().orElse(null);
            if (map != null && map.keyspaces().contains(ks)) {
                return map;
            }
            Thread.sleep(50);
        }
        return fail("the token map did not learn keyspace " + ks + ": "
                + SessionMetadata.of(session).tokenMap().map(TokenMap::keyspaces));
    }
}
