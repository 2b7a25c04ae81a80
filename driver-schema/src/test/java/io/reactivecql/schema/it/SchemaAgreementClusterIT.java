package io.reactivecql.schema.it;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import io.reactivecql.schema.api.SchemaConfig;
import io.reactivecql.schema.api.SchemaMetadataManager;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.reactivecql.schema.it.SchemaIts.WAIT;
import static io.reactivecql.schema.it.SchemaIts.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Schema agreement on a 3-node cluster: after DDL, every node ends up on the version agreed. */
@RealCassandra(nodes = 3)
class SchemaAgreementClusterIT {

    private static ReactiveSession sessionTo(CassandraCluster cluster, InetSocketAddress node) {
        return ReactiveSession.builder()
                .addContactPoint(node)
                .withLocalDatacenter(cluster.localDatacenter())
                .withConfig(DriverConfig.defaults()
                        .withRequestTimeout(Duration.ofSeconds(30))
                        .withConnectTimeout(Duration.ofSeconds(10)))
                .connect()
                .block(WAIT);
    }

    @Test
    void agreementAfterDdlOnEveryNode(CassandraCluster cluster) {
        List<ReactiveSession> sessions = new ArrayList<>();
        cluster.contactPoints().forEach(node -> sessions.add(sessionTo(cluster, node)));
        ReactiveSession first = sessions.get(0);
        SchemaMetadataManager manager = SchemaMetadataManager.create(first, Flux.never(),
                SchemaConfig.defaults().withKeyspaces("it_agree3")
                        .withAgreement(Duration.ofSeconds(30), Duration.ofMillis(200)));
        try {
            manager.start().block(WAIT);
            run(first, "CREATE KEYSPACE IF NOT EXISTS it_agree3 WITH replication = "
                    + "{'class': 'SimpleStrategy', 'replication_factor': 3}");
            for (int i = 0; i < 3; i++) {
                // checked from the DDL's coordinator: another node may not know the new version yet
                ReactiveSession coordinator = sessions.get(i);
                SchemaMetadataManager checker = SchemaMetadataManager.create(coordinator, Flux.never(),
                        SchemaConfig.defaults().withEnabled(false)
                                .withAgreement(Duration.ofSeconds(30), Duration.ofMillis(200)));
                run(coordinator, "CREATE TABLE IF NOT EXISTS it_agree3.t" + i + " (k int PRIMARY KEY, v text)");
                assertTrue(checker.awaitSchemaAgreement().block(WAIT), "agreement after DDL on node " + (i + 1));
                checker.close().block(WAIT);
            }
            Set<UUID> versions = new HashSet<>();
            for (ReactiveSession s : sessions) {
                versions.add(s.execute("SELECT schema_version FROM system.local WHERE key = 'local'")
                        .map(r -> r.getUuid(0)).blockFirst(WAIT));
            }
            assertEquals(1, versions.size(), "every node on one version: " + versions);
            assertEquals(3, manager.refresh().block(WAIT).keyspace("it_agree3").orElseThrow().tables().size());
        } finally {
            run(first, "DROP KEYSPACE IF EXISTS it_agree3");
            manager.close().block(WAIT);
            sessions.forEach(s -> s.close().block(WAIT));
        }
    }
}
