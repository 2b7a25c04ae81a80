package io.reactivecql.samples.webflux.cassandra;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.SessionBuilder;
import io.reactivecql.api.config.DriverOption;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.EmbeddedCassandra;
import io.reactivecql.mapper.api.NullSaving;
import io.reactivecql.mapper.api.ReactiveMapper;
import io.reactivecql.mapper.api.ReactiveRepository;
import io.reactivecql.mapper.api.SchemaSource;
import io.reactivecql.samples.webflux.cassandra.CassandraProperties.SchemaAction;
import io.reactivecql.samples.webflux.catalogue.MapperProductStore;
import io.reactivecql.samples.webflux.catalogue.MapperReviewStore;
import io.reactivecql.samples.webflux.catalogue.Product;
import io.reactivecql.samples.webflux.catalogue.ProductStore;
import io.reactivecql.samples.webflux.catalogue.ReviewRepository;
import io.reactivecql.samples.webflux.catalogue.ReviewStore;
import io.reactivecql.schema.api.SessionMetadata;
import io.reactivecql.schema.api.token.Partitioner;
import io.reactivecql.schema.api.token.TokenMap;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@link ReactiveSession} bean, built from {@link CassandraProperties}, the mapper over it and
 * the repositories and stores. The session is opened, and the repositories checked against the
 * schema, once at startup (on the main thread, the only place this application waits); on
 * shutdown, after the web server has stopped taking requests, the mapper and then the session close.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CassandraProperties.class)
public class CassandraConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CassandraConfiguration.class);

    /**
     * A real Cassandra node in its own JVM for this process ({@code --spring.profiles.active=embedded});
     * killed on shutdown, after the session is closed (the session depends on it).
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty("reactivecql.embedded.enabled")
    CassandraCluster embeddedCassandra() {
        LOG.info("starting an embedded Cassandra {} node (a separate JVM, 10-30 s)", EmbeddedCassandra.cassandraVersion());
        return EmbeddedCassandra.builder().nodes(1).start();
    }

    /**
     * The session. On shutdown Spring calls {@link ReactiveSession#close()} and awaits the
     * {@code Mono} it returns (Spring 6.1+ subscribes to destroy methods' publishers).
     */
    @Bean(destroyMethod = "close")
    ReactiveSession reactiveSession(CassandraProperties properties, Optional<CassandraCluster> embedded,
                                    ObjectProvider<RequestTracker> requestTracker,
                                    ObjectProvider<MeterRegistry> meterRegistry,
                                    ObjectProvider<ObservationRegistry> observationRegistry) {
        SessionBuilder builder = ReactiveSession.builder()
                .withConfig(DriverConfig.defaults()
                        .withRequestTimeout(properties.requestTimeout())
                        .withConnectTimeout(properties.connectTimeout())
                        .withPageSize(properties.pageSize()));
        if (embedded.isPresent()) {
            builder = builder.addContactPoints(embedded.get().contactPoints())
                    .withLocalDatacenter(embedded.get().localDatacenter());
        } else {
            builder = builder.addContactPoints(parse(properties.contactPoints()))
                    .withLocalDatacenter(properties.localDatacenter());
        }
        if (properties.hasCredentials()) {
            builder = builder.withAuthCredentials(properties.username(), properties.password());
        }
        RequestTracker tracker = requestTracker.getIfUnique();
        if (tracker != null) {
            builder = builder.withRequestTracker(tracker);
        }
        // Boot's registries: the driver's meters land in /actuator/metrics (which ones: the
        // advanced.metrics.* options below), and each request is an observation (a span, under the
        // HTTP request's; and Boot's reactivecql.request timer)
        MeterRegistry meters = meterRegistry.getIfUnique();
        if (meters != null) {
            builder = builder.withMeterRegistry(meters)
                    // the meters' session tag: the keyspace, unless reactivecql.driver names one
                    .withOption(DriverOption.METRICS_SESSION_NAME, properties.keyspace());
        }
        ObservationRegistry observations = observationRegistry.getIfUnique();
        if (observations != null) {
            builder = builder.withObservationRegistry(observations);
        }
        for (Map.Entry<DriverOption, String> option : driverOptions(properties.driver()).entrySet()) {
            builder = builder.withOption(option.getKey(), option.getValue());
        }
        String keyspace = properties.keyspace();
        SessionBuilder withKeyspace = builder.withKeyspace(keyspace);
        // validate: the repositories below check the entities against the live tables
        Mono<ReactiveSession> connect = properties.schema().action() == SchemaAction.CREATE
                ? CatalogueSchema.create(builder, keyspace, properties.schema().replicationFactor())
                        .then(withKeyspace.connect())
                : withKeyspace.connect();
        ReactiveSession session = connect.block(properties.startupTimeout());
        LOG.info("connected to {} node(s), keyspace {}, protocol {}", session.nodes().size(), keyspace,
                session.protocolVersion());
        return session;
    }

    /**
     * The mapper. Null fields are written as nulls ({@code PUT} replaces a product: a description
     * left out is cleared). A {@link SchemaSource} bean, if any, replaces the session's schema
     * metadata as what repositories are checked against. Closed before the session.
     */
    @Bean(destroyMethod = "close")
    ReactiveMapper reactiveMapper(ReactiveSession session, ObjectProvider<SchemaSource> schemaSource) {
        ReactiveMapper.Builder builder = mapperSettings(session);
        SchemaSource source = schemaSource.getIfUnique();
        return (source != null ? builder.withSchemaSource(source) : builder).build();
    }

    /** The mapper's settings (also what tests record statements with). */
    public static ReactiveMapper.Builder mapperSettings(ReactiveSession session) {
        return ReactiveMapper.builder(session).withNullSaving(NullSaving.SET_TO_NULL);
    }

    /** The products' repository, checked against the live table at startup (a mismatch stops the startup). */
    @Bean
    ReactiveRepository<Product, String> productRepository(ReactiveMapper mapper, CassandraProperties properties) {
        return mapper.repository(Product.class, String.class).block(properties.startupTimeout());
    }

    /** The reviews' repository with its derived query, checked likewise. */
    @Bean
    ReviewRepository reviewRepository(ReactiveMapper mapper, CassandraProperties properties) {
        return mapper.implement(ReviewRepository.class).block(properties.startupTimeout());
    }

    @Bean
    ProductStore productStore(ReactiveRepository<Product, String> products, ReactiveSession session) {
        // the partitioner of the session's token map (driver-schema); Murmur3, Cassandra's default, until it is built
        return new MapperProductStore(products, () -> SessionMetadata.of(session).tokenMap()
                .map(TokenMap::partitioner)
                .orElseGet(() -> Partitioner.forClassName(Partitioner.MURMUR3)));
    }

    @Bean
    ReviewStore reviewStore(ReviewRepository reviews) {
        return new MapperReviewStore(reviews);
    }

    /**
     * The {@code reactivecql.driver.*} settings as driver options; a path the catalogue does not
     * know is refused by name (a value that does not fit its option fails {@code connect()}, naming it).
     */
    static Map<DriverOption, String> driverOptions(Map<String, String> settings) {
        Map<DriverOption, String> options = new LinkedHashMap<>();
        for (Map.Entry<String, String> setting : new TreeMap<>(settings).entrySet()) {
            DriverOption option = DriverOption.byPath(setting.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    "reactivecql.driver." + setting.getKey() + ": the driver has no option '" + setting.getKey()
                            + "' (see its docs/configuration.md)"));
            options.put(option, setting.getValue() == null ? "" : setting.getValue());
        }
        return options;
    }

    /** {@code host[:port]} entries ({@code [v6]:port} for IPv6 with a port), port 9042 by default. */
    static List<InetSocketAddress> parse(List<String> contactPoints) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String entry : contactPoints) {
            String hostPort = entry.trim();
            if (hostPort.isEmpty()) {
                continue;
            }
            String host = hostPort;
            String port = null;
            if (hostPort.startsWith("[")) {
                int close = hostPort.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("reactivecql.contact-points: unclosed '[' in '" + entry + "'");
                }
                host = hostPort.substring(1, close);
                port = hostPort.length() > close + 1 && hostPort.charAt(close + 1) == ':' ? hostPort.substring(close + 2) : null;
            } else if (hostPort.indexOf(':') > 0 && hostPort.indexOf(':') == hostPort.lastIndexOf(':')) {
                host = hostPort.substring(0, hostPort.indexOf(':'));
                port = hostPort.substring(hostPort.indexOf(':') + 1);
            }
            try {
                // startup runs on the main thread: resolving a host name here is allowed to block
                addresses.add(new InetSocketAddress(host, port == null ? 9042 : Integer.parseInt(port)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("reactivecql.contact-points: bad port in '" + entry + "'", e);
            }
        }
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("reactivecql.contact-points names no node: " + contactPoints);
        }
        return addresses;
    }
}
