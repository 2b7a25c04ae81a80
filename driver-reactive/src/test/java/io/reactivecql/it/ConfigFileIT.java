package io.reactivecql.it;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.config.DriverOption;
import io.reactivecql.api.errors.ConfigurationException;
import io.reactivecql.api.errors.UnavailableException;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import io.reactivecql.protocol.ConsistencyLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Sinks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session configured by a file alone (contact points, local datacenter, keyspace, consistency,
 * named profiles) against the real node; a reload changes a profile of the running session.
 */
@RealCassandra
class ConfigFileIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static List<String> settings(CassandraCluster cluster, int smallPageSize) {
        String points = cluster.contactPoints().stream()
                .map(p -> (p.getAddress() != null ? p.getAddress().getHostAddress() : p.getHostString()) + ":" + p.getPort())
                .collect(Collectors.joining(", "));
        List<String> lines = new ArrayList<>(List.of(
                "basic.contact-points = " + points,
                "basic.load-balancing-policy.local-datacenter = " + cluster.localDatacenter(),
                "basic.session-keyspace = it_config",
                "basic.request.consistency = ONE",
                // generous for a loaded 2-core machine, as ItSessions
                "basic.request.timeout = 30s",
                "advanced.connection.connect-timeout = 10s",
                "profiles.small.basic.request.page-size = " + smallPageSize,
                // one node, RF 1: THREE cannot be met, so the server tells us which level it was sent
                "profiles.strict.basic.request.consistency = THREE"));
        return lines;
    }

    private static void write(Path file, List<String> lines) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "next", ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void aSessionConfiguredByAFileRunsQueriesWithItsProfiles(CassandraCluster cluster) throws Exception {
        // the keyspace must exist before a session USEs it
        ReactiveSession admin = ItSessions.builder(cluster).connect().block(WAIT);
        try {
            admin.execute("CREATE KEYSPACE IF NOT EXISTS it_config WITH replication = "
                    + "{'class': 'SimpleStrategy', 'replication_factor': 1}").blockLast(WAIT);
            admin.execute("CREATE TABLE IF NOT EXISTS it_config.kv (k int, c int, v text, PRIMARY KEY (k, c))")
                    .blockLast(WAIT);
            for (int c = 0; c < 7; c++) {
                admin.execute("INSERT INTO it_config.kv (k, c, v) VALUES (1, ?, 'v')", c).blockLast(WAIT);
            }
        } finally {
            admin.close().block(WAIT);
        }

        Path file = dir.resolve("cassandra.properties");
        write(file, settings(cluster, 2));
        Sinks.Many<Object> reload = Sinks.many().multicast().directBestEffort();
        // nothing on the builder but the file (and the reload trigger)
        ReactiveSession session = ReactiveSession.builder().withConfigFile(file).withConfigReloadTrigger(reload.asFlux())
                .connect().block(WAIT);
        try {
            assertEquals("it_config", session.keyspace().orElseThrow());
            assertEquals(ConsistencyLevel.ONE, session.config().consistency());
            assertEquals(Duration.ofSeconds(30), session.config().requestTimeout());

            SimpleStatement select = SimpleStatement.of("SELECT c FROM kv WHERE k = 1");
            ResultPage first = session.executePage(select.withExecutionProfileName("small")).block(WAIT);
            assertEquals(2, first.rows().size(), "the profile's page size");
            assertEquals(7L, session.execute(select.withExecutionProfileName("small")).count().block(WAIT),
                    "every page, two rows at a time");
            assertEquals(7, session.executePage(select).block(WAIT).rows().size(), "the session's page size");

            Throwable error = assertThrows(Throwable.class,
                    () -> session.execute(select.withExecutionProfileName("strict")).blockFirst(WAIT));
            UnavailableException unavailable = assertInstanceOf(UnavailableException.class, error, error.toString());
            assertEquals(ConsistencyLevel.THREE, unavailable.consistency(), "the profile's consistency was sent");

            write(file, settings(cluster, 3));
            reload.tryEmitNext("reload");
            long deadline = System.nanoTime() + WAIT.toNanos();
            int size;
            do {
                Thread.sleep(50);
                size = session.executePage(select.withExecutionProfileName("small")).block(WAIT).rows().size();
            } while (size != 3 && System.nanoTime() < deadline);
            assertEquals(3, size, "the reloaded profile's page size");
        } finally {
            session.close().block(WAIT);
        }
    }

    @Test
    void anInvalidFileFailsConnectNamingTheOption(CassandraCluster cluster) throws IOException {
        Path file = dir.resolve("bad.properties");
        List<String> lines = new ArrayList<>(settings(cluster, 2));
        lines.add("advanced.connection.pool.local.size = none");
        write(file, lines);
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ReactiveSession.builder().withConfigFile(file).connect().block(WAIT));
        assertEquals("advanced.connection.pool.local.size", e.option());
        assertTrue(e.getMessage().contains("file " + file), e.getMessage());
        // the same option set on the builder is checked as early
        assertThrows(ConfigurationException.class, () -> ReactiveSession.builder()
                .withOption(DriverOption.POOL_LOCAL_SIZE, 0));
    }
}
