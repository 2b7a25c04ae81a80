package io.reactivecql.schema.internal.token;

import io.reactivecql.schema.api.token.NodeTokens;
import io.reactivecql.schema.api.token.Partitioner;
import io.reactivecql.schema.api.token.TokenMap;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The routing hot path, {@code replicas(keyspace, routingKey)}: on a Murmur3 ring it allocates
 * nothing (the hash is computed on primitives, the ring is a {@code long[]}, the answer is a
 * precomputed list), and with every partitioner it never blocks a non-blocking thread (BlockHound
 * is installed in every test JVM).
 */
class HotPathTest {

    @Test
    void murmur3RoutingAllocatesNothingAndReturnsPrecomputedLists() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "per-thread allocation counting unsupported");
        threads.setThreadAllocatedMemoryEnabled(true);

        TokenMap<Integer> map = vnodeCluster();
        ByteBuffer[] keys = keys();
        for (ByteBuffer key : keys) {
            assertSame(map.replicas("ks", key), map.replicas("ks", key));
        }

        long sink = 0;
        for (int i = 0; i < 300_000; i++) { // warm-up: let the JIT compile the path
            sink += map.replicas("ks", keys[i & (keys.length - 1)]).size();
        }
        int calls = 1_000_000;
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < calls; i++) {
            sink += map.replicas("ks", keys[i & (keys.length - 1)]).size();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(sink > 0);
        // a single 16-byte object per call would be 16 MB; allow for the measurement itself and for
        // the JIT's own transitions (on-stack replacement) on a loaded machine: still < 0.3 byte per call
        assertTrue(allocated < 256 * 1024, allocated + " bytes allocated by " + calls + " lookups");
    }

    @Test
    void routingNeverBlocksANonBlockingThread() {
        TokenMap<Integer> murmur3 = vnodeCluster();
        Map<Integer, NodeTokens> randomNodes = Map.of(
                1, new NodeTokens("dc0", "r0", Set.of("0", "85070591730234615865843651857942052864")),
                2, new NodeTokens("dc0", "r1", Set.of("42")));
        Map<Integer, NodeTokens> byteOrderedNodes = Map.of(
                1, new NodeTokens("dc0", "r0", Set.of("00", "80")), 2, new NodeTokens("dc0", "r1", Set.of("40")));
        Map<String, Map<String, String>> keyspaces = Map.of("ks", Map.of("class", "SimpleStrategy", "replication_factor", "2"));
        Integer replicas = Mono.fromCallable(() -> {
            // built and used on a parallel (non-blocking) thread: a first MD5 digest included
            TokenMap<Integer> random = TokenMap.build(Partitioner.RANDOM, randomNodes, keyspaces);
            TokenMap<Integer> byteOrdered = TokenMap.build(Partitioner.BYTE_ORDERED, byteOrderedNodes, keyspaces);
            int found = 0;
            for (ByteBuffer key : keys()) {
                found += murmur3.replicas("ks", key).size() + random.replicas("ks", key).size()
                        + byteOrdered.replicas("ks", key).size();
            }
            return found;
        }).subscribeOn(Schedulers.parallel()).block();
        assertEquals(64 * (6 + 2 + 2), replicas);
    }

    /** 12 nodes of 16 random tokens in 2 datacenters of 3 racks, NTS 3+3. */
    private static TokenMap<Integer> vnodeCluster() {
        Random rnd = new Random(16);
        Map<Integer, NodeTokens> nodes = new LinkedHashMap<>();
        for (int n = 0; n < 12; n++) {
            Set<String> tokens = new HashSet<>();
            while (tokens.size() < 16) {
                tokens.add(Long.toString(rnd.nextLong()));
            }
            nodes.put(n, new NodeTokens("dc" + (n % 2), "r" + (n % 3), tokens));
        }
        return TokenMap.build(Partitioner.MURMUR3, nodes, Map.of("ks",
                Map.of("class", "NetworkTopologyStrategy", "dc0", "3", "dc1", "3")));
    }

    /** 64 keys of 0 to 63 bytes: heap, direct and read-only, so every tail length and buffer kind runs. */
    private static ByteBuffer[] keys() {
        Random rnd = new Random(64);
        ByteBuffer[] keys = new ByteBuffer[64];
        for (int i = 0; i < keys.length; i++) {
            byte[] bytes = new byte[i];
            rnd.nextBytes(bytes);
            ByteBuffer heap = ByteBuffer.wrap(bytes);
            keys[i] = switch (i % 3) {
                case 0 -> heap;
                case 1 -> ByteBuffer.allocateDirect(i).put(bytes).flip();
                default -> heap.asReadOnlyBuffer();
            };
        }
        return keys;
    }

}
