package io.reactivecql.schema.it;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import io.reactivecql.schema.api.SessionMetadata;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.reactivecql.schema.it.SchemaIts.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Schema agreement on a 3-node cluster: a DDL statement's result is emitted once every node is on
 * one schema version (checked on the connection that carried the DDL), and says so; the server
 * confirms it (nodetool describecluster) and the session's attached metadata sees every table.
 */
@RealCassandra(nodes = 3)
class SchemaAgreementClusterIT {

    private static final Pattern VERSION = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):");

    @Test
    void ddlResultsWaitForAgreementOnEveryNode(CassandraCluster cluster) {
        ReactiveSession session = SchemaIts.session(cluster);
        try {
            ResultPage created = session.executePage(SimpleStatement.of("CREATE KEYSPACE IF NOT EXISTS it_agree3 "
                    + "WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}")).block(WAIT);
            assertTrue(created.executionInfo().isSchemaInAgreement(), created.executionInfo().toString());
            Set<java.net.InetSocketAddress> coordinators = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                // round robin: the DDL statements are coordinated by different nodes
                ResultPage page = session.executePage(SimpleStatement.of(
                        "CREATE TABLE IF NOT EXISTS it_agree3.t" + i + " (k int PRIMARY KEY, v text)")).block(WAIT);
                coordinators.add(page.executionInfo().coordinator());
                assertTrue(page.executionInfo().isSchemaInAgreement(), "agreement after DDL on "
                        + page.executionInfo().coordinator());
                // every node has the table now: a read on each (round robin) succeeds
                for (int n = 0; n < 3; n++) {
                    session.execute("SELECT * FROM it_agree3.t" + i + " LIMIT 1").blockLast(WAIT);
                }
            }
            assertTrue(coordinators.size() >= 2, "DDL coordinated by several nodes: " + coordinators);
            Set<String> versions = new HashSet<>();
            Matcher m = VERSION.matcher(cluster.nodetool(1, "describecluster"));
            while (m.find()) {
                versions.add(m.group(1));
            }
            assertEquals(1, versions.size(), "the server reports one schema version: " + versions);
            assertTrue(SessionMetadata.of(session).schema().awaitSchemaAgreement().block(WAIT));
            SessionMetadata.of(session).schema().refresh().block(WAIT);
            assertEquals(6, SessionMetadata.of(session).current().keyspace("it_agree3").orElseThrow()
                    .tables().size());
        } finally {
            session.execute("DROP KEYSPACE IF EXISTS it_agree3").blockLast(WAIT);
            session.close().block(WAIT);
        }
    }
}
