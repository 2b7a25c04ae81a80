package io.reactivecql.samples.webflux.cassandra;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.metadata.Node;
import io.reactivecql.schema.api.KeyspaceMetadata;
import io.reactivecql.schema.api.SessionMetadata;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /actuator/health/cassandra}: UP when a node answers a query; details: each node's state
 * as the session sees it, and whether the schema metadata (driver-schema) holds the catalogue's tables.
 */
@Component("cassandra")
public class CassandraHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveSession session;
    private final CassandraProperties properties;

    public CassandraHealthIndicator(ReactiveSession session, CassandraProperties properties) {
        super("Cassandra health check failed");
        this.session = session;
        this.properties = properties;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return session.execute("SELECT release_version FROM system.local").next().map(row -> {
            Map<String, String> nodes = new TreeMap<>();
            for (Node node : session.nodes()) {
                nodes.put(node.endpoint().toString(), node.state() + " (" + node.datacenter() + ")");
            }
            KeyspaceMetadata keyspace = SessionMetadata.of(session).current().keyspace(properties.keyspace()).orElse(null);
            Map<String, Boolean> tables = new TreeMap<>();
            for (String table : CatalogueSchema.TABLES) {
                tables.put(table, keyspace != null && keyspace.table(table).isPresent());
            }
            return builder.up()
                    .withDetail("version", row.getString("release_version"))
                    .withDetail("keyspace", properties.keyspace())
                    .withDetail("tables", tables)
                    .withDetail("nodes", nodes)
                    .build();
        });
    }
}
