package io.reactivecql.samples.webflux;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.SessionBuilder;
import io.reactivecql.api.result.ColumnDefinition;
import io.reactivecql.api.result.ColumnDefinitions;
import io.reactivecql.api.statement.BoundStatement;
import io.reactivecql.api.statement.PreparedStatement;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.mapper.api.ReactiveMapper;
import io.reactivecql.mapper.api.ReactiveRepository;
import io.reactivecql.mapper.api.SchemaSource;
import io.reactivecql.protocol.response.result.ColumnSpec;
import io.reactivecql.samples.webflux.cassandra.CassandraConfiguration;
import io.reactivecql.samples.webflux.cassandra.CatalogueSchema;
import io.reactivecql.samples.webflux.catalogue.MapperProductStore;
import io.reactivecql.samples.webflux.catalogue.Product;
import io.reactivecql.schema.api.Metadata;
import io.reactivecql.schema.api.SessionMetadata;
import io.reactivecql.schema.api.token.Partitioner;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the application's product store sends, recorded on the real node: the statements the
 * mapper prepares for it (text, bind markers, result columns) and the schema they were checked
 * against. The stub node is primed with exactly these, so its faults reach the application
 * through the same statements a real node would fail.
 *
 * @param insert  {@code create}: INSERT ... IF NOT EXISTS
 * @param findOne {@code find}: SELECT ... WHERE sku = ?
 * @param scan    {@code all}: SELECT of the whole table
 * @param schema  the schema metadata, with keyspace {@code catalogue}
 */
record RecordedStatements(PreparedStatement insert, PreparedStatement findOne, PreparedStatement scan, Metadata schema) {

    static final String KEYSPACE = "catalogue";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    static RecordedStatements record(CassandraCluster cluster) {
        LastPrepared recorder = new LastPrepared();
        SessionBuilder builder = ReactiveSession.builder()
                .addContactPoints(cluster.contactPoints())
                .withLocalDatacenter(cluster.localDatacenter())
                .withConfig(DriverConfig.defaults().withRequestTimeout(Duration.ofSeconds(30))
                        .withConnectTimeout(Duration.ofSeconds(20)));
        CatalogueSchema.create(builder, KEYSPACE, 1).block(TIMEOUT);
        ReactiveSession session = builder.withKeyspace(KEYSPACE).withRequestTracker(recorder).connect().block(TIMEOUT);
        try {
            ReactiveMapper mapper = CassandraConfiguration.mapperSettings(session).build();
            ReactiveRepository<Product, String> repository =
                    mapper.repository(Product.class, String.class).block(TIMEOUT);
            MapperProductStore store = new MapperProductStore(repository, () -> Partitioner.forClassName(Partitioner.MURMUR3));
            String sku = "rec-" + UUID.randomUUID().toString().substring(0, 8);
            PreparedStatement insert = recorder.during(() -> store.create(
                    new Product(sku, "Recorded", null, "tests", BigDecimal.ONE, 0, null)).block(TIMEOUT));
            PreparedStatement findOne = recorder.during(() -> store.find(sku).block(TIMEOUT));
            PreparedStatement scan = recorder.during(() -> store.all().take(1).blockLast(TIMEOUT));
            Metadata schema = SessionMetadata.of(session).metadata().block(TIMEOUT);
            mapper.close().block(TIMEOUT);
            return new RecordedStatements(insert, findOne, scan, schema);
        } finally {
            session.close().block(TIMEOUT);
        }
    }

    /** The bind markers or columns as the stub node declares them. */
    static ColumnSpec[] specs(ColumnDefinitions definitions) {
        return definitions.asList().stream()
                .map(d -> new ColumnSpec(d.keyspace(), d.table(), d.name(), d.type()))
                .toArray(ColumnSpec[]::new);
    }

    static List<String> names(ColumnDefinitions definitions) {
        return definitions.asList().stream().map(ColumnDefinition::name).toList();
    }

    /** A schema source that always answers with the recorded snapshot. */
    SchemaSource schemaSource() {
        return new SchemaSource() {
            @Override
            public Mono<Metadata> metadata(String keyspace) {
                return Mono.just(schema);
            }

            @Override
            public Mono<Metadata> refresh(String keyspace) {
                return Mono.just(schema);
            }

            @Override
            public Mono<Void> close() {
                return Mono.empty();
            }
        };
    }

    /** Keeps the prepared statement of the last EXECUTE. */
    private static final class LastPrepared implements RequestTracker {
        private final AtomicReference<PreparedStatement> last = new AtomicReference<>();

        @Override
        public void onRequestSent(Kind kind, Statement<?> statement, InetSocketAddress node, int page) {
            if (kind == Kind.EXECUTE && statement instanceof BoundStatement bound) {
                last.set(bound.preparedStatement());
            }
        }

        PreparedStatement during(Runnable action) {
            last.set(null);
            action.run();
            PreparedStatement p = last.get();
            if (p == null) {
                throw new IllegalStateException("no prepared statement was executed");
            }
            return p;
        }
    }
}
