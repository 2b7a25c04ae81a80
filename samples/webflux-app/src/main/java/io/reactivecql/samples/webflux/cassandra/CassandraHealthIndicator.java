package io.reactivecql.samples.webflux.cassandra;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.metadata.Node;
import io.reactivecql.mapper.api.ReactiveRepository;
import io.reactivecql.samples.webflux.catalogue.Product;
import io.reactivecql.samples.webflux.catalogue.ReviewRepository;
import io.reactivecql.schema.api.KeyspaceMetadata;
import io.reactivecql.schema.api.SessionMetadata;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /actuator/health/cassandra}: UP when a node answers a query; details: the release, each
 * node's state as the session sees it, and whether the schema metadata (driver-schema) holds the
 * catalogue's tables.
 */
@Component("cassandra")
public class CassandraHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveSession session;
    private final String keyspace;
    private final List<String> tables;

    public CassandraHealthIndicator(ReactiveSession session, ReactiveRepository<Product, String> productRepository,
                                    ReviewRepository reviewRepository) {
        super("Cassandra health check failed");
        this.session = session;
        this.keyspace = productRepository.keyspace();
        this.tables = List.of(productRepository.table(), reviewRepository.table());
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return session.execute("SELECT release_version FROM system.local").next().map(row -> {
            Map<String, String> nodes = new TreeMap<>();
            for (Node node : session.nodes()) {
                nodes.put(node.endpoint().toString(), node.state() + " (" + node.datacenter() + ")");
            }
            KeyspaceMetadata ks = SessionMetadata.of(session).current().keyspace(keyspace).orElse(null);
            Map<String, Boolean> present = new TreeMap<>();
            for (String table : tables) {
                present.put(table, ks != null && ks.table(table).isPresent());
            }
            return builder.up()
                    .withDetail("version", row.getString("release_version"))
                    .withDetail("keyspace", keyspace)
                    .withDetail("tables", present)
                    .withDetail("nodes", nodes)
                    .build();
        });
    }
}
