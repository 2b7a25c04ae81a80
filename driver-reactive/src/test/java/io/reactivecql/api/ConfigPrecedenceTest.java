package io.reactivecql.api;

import io.reactivecql.api.config.DriverOption;
import io.reactivecql.api.errors.ConfigurationException;
import io.reactivecql.api.observability.MetricsOptions;
import io.reactivecql.api.observability.NodeMetric;
import io.reactivecql.api.observability.RequestLogOptions;
import io.reactivecql.api.observability.SessionMetric;
import io.reactivecql.api.policy.retry.RetryPolicy;
import io.reactivecql.api.profile.ExecutionProfile;
import io.reactivecql.internal.config.ConfigResolver;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.ProtocolVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Precedence: the builder's typed settings over {@code withOption} over system properties over
 * the file over the resource over the reference defaults. System properties are passed in, so the
 * test JVM's own are never read or changed.
 */
class ConfigPrecedenceTest {

    /** On the test classpath (src/test/resources). */
    private static final String RESOURCE = "io/reactivecql/api/packaged.properties";

    @TempDir
    Path dir;

    private Path file(String... lines) throws IOException {
        Path f = Files.createTempFile(dir, "driver", ".properties");
        Files.write(f, List.of(lines), StandardCharsets.UTF_8);
        return f;
    }

    private static Properties system(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    private static SessionBuilder resolve(SessionBuilder builder, Properties system) {
        return builder.resolved(ConfigResolver.resolve(builder.configLayer(), system));
    }

    @Test
    void eachSourceOverridesTheOnesBelowIt() throws IOException {
        // the resource sets timeout, page size, consistency, read-ahead and idempotence
        Path file = file("basic.request.timeout = 2s", "basic.request.page-size = 200",
                "basic.request.consistency = QUORUM", "advanced.request.read-ahead-pages = 3");
        Properties system = system("reactivecql.basic.request.page-size", "300",
                "reactivecql.basic.request.consistency", "TWO");
        SessionBuilder builder = ReactiveSession.builder().withConfigResource(RESOURCE).withConfigFile(file)
                .withOption(DriverOption.REQUEST_CONSISTENCY, "THREE");
        DriverConfig c = resolve(builder, system).config();
        assertEquals(Duration.ofSeconds(2), c.requestTimeout(), "file over resource");
        assertEquals(300, c.pageSize(), "system property over file");
        assertEquals(ConsistencyLevel.THREE, c.consistency(), "withOption over system property");
        assertEquals(3, c.readAheadPages(), "file over resource");
        assertTrue(c.defaultIdempotence(), "resource over reference");
        assertEquals(Duration.ofSeconds(5), c.connectTimeout(), "reference when nothing else says");

        DriverConfig typed = resolve(builder.withConfig(builder.config().withConsistency(ConsistencyLevel.ALL)
                .withRequestTimeout(Duration.ofSeconds(9))), system).config();
        assertEquals(ConsistencyLevel.ALL, typed.consistency(), "the builder's typed setting over everything");
        assertEquals(Duration.ofSeconds(9), typed.requestTimeout());
        assertEquals(300, typed.pageSize(), "settings withConfig did not change still come from the sources");
    }

    @Test
    void withConfigCountsOnlyTheSettingsItChanged() throws IOException {
        Path file = file("basic.request.page-size = 200", "basic.request.timeout = 2s");
        SessionBuilder builder = ReactiveSession.builder().withConfigFile(file)
                .withConfig(DriverConfig.defaults().withPageSize(42))
                // the same value as the builder already has: not a change, the file may still set it
                .withConfig(DriverConfig.defaults().withPageSize(42).withRequestTimeout(Duration.ofSeconds(10)));
        DriverConfig c = resolve(builder, new Properties()).config();
        assertEquals(42, c.pageSize());
        assertEquals(Duration.ofSeconds(2), c.requestTimeout());
        // setting the default back explicitly is a change: it wins
        DriverConfig back = resolve(builder.withConfig(builder.config().withPageSize(5000)), new Properties()).config();
        assertEquals(5000, back.pageSize());
    }

    @Test
    void theFileNamedBySystemPropertyIsUsedWhenTheBuilderNamesNone() throws IOException {
        Path a = file("basic.request.page-size = 11");
        Path b = file("basic.request.page-size = 22");
        Properties system = system("reactivecql.config.file", a.toString());
        assertEquals(11, resolve(ReactiveSession.builder(), system).config().pageSize());
        assertEquals(22, resolve(ReactiveSession.builder().withConfigFile(b), system).config().pageSize());
    }

    @Test
    void sessionSettingsComeFromTheFileUnlessTheBuilderSetsThem() throws IOException {
        Path file = file("basic.contact-points = 127.0.0.5:9043, 127.0.0.6",
                "basic.load-balancing-policy.local-datacenter = dc2", "basic.session-keyspace = ks1",
                "advanced.protocol.version = V4", "advanced.protocol.compression = lz4",
                "advanced.auth-provider.username = alice", "advanced.auth-provider.password = secret",
                "basic.load-balancing-policy.kind = round-robin", "advanced.retry-policy.kind = fallthrough",
                "advanced.throttler.max-concurrent-requests = 8");
        SessionBuilder fromFile = resolve(ReactiveSession.builder().withConfigFile(file), new Properties());
        assertEquals(List.of(new InetSocketAddress(InetAddress.getByName("127.0.0.5"), 9043),
                new InetSocketAddress(InetAddress.getByName("127.0.0.6"), 9042)), fromFile.contactPoints());
        assertEquals("dc2", fromFile.localDatacenter());
        assertEquals("ks1", fromFile.keyspace());
        assertEquals(ProtocolVersion.V4, fromFile.protocolVersion());
        assertEquals(Compression.LZ4, fromFile.compression());
        assertNotNull(fromFile.authProvider());
        assertEquals("RoundRobinPolicy", fromFile.loadBalancingPolicy().toString());
        assertSame(RetryPolicy.fallthrough(), fromFile.requestPolicies().retryPolicy());
        assertEquals(8, fromFile.requestPolicies().throttling().maxConcurrentRequests());
        assertEquals(10_000, fromFile.requestPolicies().throttling().maxQueueSize());
        assertEquals("lz4", fromFile.options().getString(DriverOption.PROTOCOL_COMPRESSION),
                "the session factory sees every resolved option");

        InetSocketAddress own = new InetSocketAddress(InetAddress.getByName("127.0.0.9"), 9042);
        SessionBuilder typed = resolve(ReactiveSession.builder().withConfigFile(file).addContactPoint(own)
                .withLocalDatacenter("dc9").withKeyspace("ks9").withCompression(Compression.NONE)
                .withProtocolVersion(ProtocolVersion.V5).withRetryPolicy(RetryPolicy.defaultPolicy())
                .withRequestThrottling(io.reactivecql.api.policy.throttling.RequestThrottling.disabled())
                .withLoadBalancingPolicy(io.reactivecql.api.policy.lb.LoadBalancingPolicies.roundRobin()),
                new Properties());
        assertEquals(List.of(own), typed.contactPoints(), "the builder's contact points replace the file's");
        assertEquals("dc9", typed.localDatacenter());
        assertEquals("ks9", typed.keyspace());
        assertEquals(Compression.NONE, typed.compression(), "an explicit NONE is a setting too");
        assertEquals(ProtocolVersion.V5, typed.protocolVersion());
        assertSame(RetryPolicy.defaultPolicy(), typed.requestPolicies().retryPolicy(),
                "explicitly set to the default: still wins");
        assertTrue(!typed.requestPolicies().throttling().isEnabled());
    }

    @Test
    void profilesFromTheFileMergeWithTheBuildersSettingBySetting() throws IOException {
        Path file = file("basic.request.timeout = 3s",
                "profiles.olap.basic.request.consistency = QUORUM", "profiles.olap.basic.request.page-size = 50",
                "profiles.olap.advanced.speculative-execution-policy.max-executions = 2",
                "profiles.oltp.basic.request.timeout = 100ms");
        Properties system = system("reactivecql.profiles.olap.basic.request.timeout", "30s");
        SessionBuilder b = resolve(ReactiveSession.builder().withConfigFile(file)
                .withExecutionProfile(ExecutionProfile.named("olap").withPageSize(70))
                .withExecutionProfile(ExecutionProfile.named("batch").withConsistency(ConsistencyLevel.ONE)), system);
        ExecutionProfile olap = b.requestPolicies().profiles().get("olap");
        assertEquals(ConsistencyLevel.QUORUM, olap.consistency(), "from the file");
        assertEquals(70, olap.pageSize(), "the builder's profile wins setting by setting");
        assertEquals(Duration.ofSeconds(30), olap.timeout(), "system property over file");
        assertNull(olap.serialConsistency(), "unset: falls back to the session's at execution");
        assertEquals("ConstantSpeculativeExecutionPolicy[delay=PT0.1S, max=2]",
                olap.speculativeExecutionPolicy().toString(), "the delay the profile leaves out is the session's");
        assertEquals(Duration.ofMillis(100), b.requestPolicies().profiles().get("oltp").timeout());
        assertEquals(ConsistencyLevel.ONE, b.requestPolicies().profiles().get("batch").consistency());
        assertEquals(Duration.ofSeconds(3), b.config().requestTimeout());
    }

    @Test
    void unknownOptionsAreRefusedWithTheNearestKnownOne() throws IOException {
        Path file = file("basic.request.timout = 2s");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolve(ReactiveSession.builder().withConfigFile(file), new Properties()));
        assertEquals("basic.request.timout", e.option());
        assertEquals("file " + file, e.source());
        assertTrue(e.getMessage().contains("unknown option; did you mean basic.request.timeout?"), e.getMessage());

        ConfigurationException s = assertThrows(ConfigurationException.class, () -> resolve(
                ReactiveSession.builder(), system("reactivecql.advanced.nothing-like-this", "1")));
        assertEquals("reactivecql.advanced.nothing-like-this", s.option());
        assertEquals("system properties", s.source());
        // other reactivecql.* properties (the test tools', the file's) are not options
        resolve(ReactiveSession.builder(), system("reactivecql.cassandra.addressOffset", "30"));
    }

    @Test
    void invalidValuesAreRefusedNamingTheOptionAndTheSource() throws IOException {
        Path file = file("basic.request.page-size = 0");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolve(ReactiveSession.builder().withConfigFile(file), new Properties()));
        assertEquals("basic.request.page-size", e.option());
        assertEquals("invalid configuration of basic.request.page-size (file " + file
                + "): '0' is not valid: must be at least 1", e.getMessage());

        ConfigurationException s = assertThrows(ConfigurationException.class, () -> resolve(
                ReactiveSession.builder(), system("reactivecql.basic.request.timeout", "soon")));
        assertEquals("reactivecql.basic.request.timeout", s.option());

        Path profile = file("profiles.olap.advanced.connection.pool.local.size = 2");
        ConfigurationException p = assertThrows(ConfigurationException.class,
                () -> resolve(ReactiveSession.builder().withConfigFile(profile), new Properties()));
        assertEquals("profiles.olap.advanced.connection.pool.local.size", p.option());
        assertTrue(p.getMessage().contains("cannot be set per execution profile"), p.getMessage());

        Path noName = file("profiles.basic.request.timeout = 1s");
        assertThrows(ConfigurationException.class,
                () -> resolve(ReactiveSession.builder().withConfigFile(noName), new Properties()));

        Path half = file("advanced.auth-provider.username = alice");
        ConfigurationException a = assertThrows(ConfigurationException.class,
                () -> resolve(ReactiveSession.builder().withConfigFile(half), new Properties()));
        assertEquals("advanced.auth-provider.password", a.option());

        Path delays = file("advanced.reconnection-policy.base-delay = 10s", "advanced.reconnection-policy.max-delay = 1s");
        ConfigurationException d = assertThrows(ConfigurationException.class,
                () -> resolve(ReactiveSession.builder().withConfigFile(delays), new Properties()));
        assertEquals("advanced.reconnection-policy.max-delay", d.option());

        ConfigurationException missing = assertThrows(ConfigurationException.class, () -> resolve(
                ReactiveSession.builder().withConfigFile(dir.resolve("absent.properties")), new Properties()));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        ConfigurationException noResource = assertThrows(ConfigurationException.class, () -> resolve(
                ReactiveSession.builder().withConfigResource("no/such.properties"), new Properties()));
        assertTrue(noResource.getMessage().contains("no such resource"), noResource.getMessage());

        ConfigurationException builder = assertThrows(ConfigurationException.class,
                () -> ReactiveSession.builder().withOption(DriverOption.REQUEST_PAGE_SIZE, -1));
        assertEquals("SessionBuilder.withOption", builder.source());
    }

    @Test
    void metricsAndRequestLoggingComeFromTheOptionsUnlessTheBuilderSetsThem() throws IOException {
        MetricsOptions byDefault = resolve(ReactiveSession.builder(), new Properties()).metricsOptions();
        assertEquals(MetricsOptions.defaults(), byDefault, "the reference lists every session metric, no node metric");
        assertEquals(RequestLogOptions.defaults(), resolve(ReactiveSession.builder(), new Properties())
                .requestLogOptions(), "the reference logs server warnings only");

        Path file = file("advanced.metrics.session.enabled = cql-requests, bytes-sent",
                "advanced.metrics.node.enabled = pool.in-flight, errors",
                "advanced.metrics.session-name = orders",
                "advanced.metrics.session.cql-requests.histogram = false",
                "advanced.request-logger.enabled = true",
                "advanced.request-logger.slow-threshold = 250ms",
                "advanced.request-logger.log-errors = false",
                "advanced.request-logger.show-values = true",
                "advanced.request-logger.max-values = 3",
                "advanced.request-logger.context-keys = tenant, traceId",
                "advanced.request-logger.server-warnings = false");
        SessionBuilder fromFile = resolve(ReactiveSession.builder().withConfigFile(file),
                system("reactivecql.advanced.request-logger.max-value-length", "7"));
        MetricsOptions m = fromFile.metricsOptions();
        assertEquals(Set.of(SessionMetric.CQL_REQUESTS, SessionMetric.BYTES_SENT), m.sessionMetrics());
        assertEquals(Set.of(NodeMetric.POOL_IN_FLIGHT, NodeMetric.ERRORS), m.nodeMetrics());
        assertEquals("orders", m.sessionName());
        assertFalse(m.latencyHistogram());
        RequestLogOptions log = fromFile.requestLogOptions();
        assertTrue(log.slowEnabled());
        assertEquals(Duration.ofMillis(250), log.slowThreshold());
        assertFalse(log.errorEnabled());
        assertFalse(log.successEnabled());
        assertTrue(log.showValues());
        assertEquals(3, log.maxValues());
        assertEquals(7, log.maxValueLength(), "system property over file");
        assertEquals(List.of("tenant", "traceId"), log.contextKeys());
        assertFalse(log.logServerWarnings());

        Path none = file("advanced.metrics.session.enabled =");
        assertFalse(resolve(ReactiveSession.builder().withConfigFile(none), new Properties()).metricsOptions()
                .isEnabled(), "an empty list records nothing");

        SessionBuilder typed = resolve(ReactiveSession.builder().withConfigFile(file)
                .withMetrics(MetricsOptions.all()).withRequestLogging(RequestLogOptions.defaults()), new Properties());
        assertEquals(MetricsOptions.all(), typed.metricsOptions(), "withMetrics over every metrics option");
        assertEquals(RequestLogOptions.defaults(), typed.requestLogOptions(), "withRequestLogging over the file");

        Path unknown = file("advanced.metrics.node.enabled = pool.in-flight, in-flight-requests");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolve(ReactiveSession.builder().withConfigFile(unknown), new Properties()));
        assertEquals("advanced.metrics.node.enabled", e.option());
        assertTrue(e.getMessage().contains("in-flight-requests") && e.getMessage().contains("pool.open-connections"),
                e.getMessage());
    }

    @Test
    void connectRefusesAnInvalidConfigurationBeforeAnyConnection() throws IOException {
        Path file = file("basic.contact-points = 127.0.0.1:1", "basic.request.consistency = SOME");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ReactiveSession.builder().withConfigFile(file).connect().block(Duration.ofSeconds(10)));
        assertEquals("basic.request.consistency", e.option());
    }
}
