package io.reactivecql.api;

import io.netty.handler.ssl.SslContext;
import io.reactivecql.api.auth.AuthProvider;
import io.reactivecql.api.extension.SessionExtensionProvider;
import io.reactivecql.api.auth.PlainTextAuthProvider;
import io.reactivecql.api.config.DriverOption;
import io.reactivecql.api.config.DriverOptions;
import io.reactivecql.api.metadata.AddressTranslator;
import io.reactivecql.api.observability.MetricsOptions;
import io.reactivecql.api.observability.RequestLogOptions;
import io.reactivecql.api.policy.lb.LoadBalancingPolicies;
import io.reactivecql.api.policy.lb.LoadBalancingPolicy;
import io.reactivecql.api.policy.reconnection.ReconnectionPolicy;
import io.reactivecql.api.policy.retry.RetryPolicy;
import io.reactivecql.api.policy.specex.SpeculativeExecutionPolicy;
import io.reactivecql.api.policy.throttling.RequestThrottling;
import io.reactivecql.api.profile.ExecutionProfile;
import io.reactivecql.api.profile.RequestPolicies;
import io.reactivecql.api.routing.ReplicaLocator;
import io.reactivecql.internal.config.BuilderLayer;
import io.reactivecql.internal.config.ConfigBindings;
import io.reactivecql.internal.config.ConfigResolver;
import io.reactivecql.internal.config.Resolution;
import io.reactivecql.internal.observability.Micrometer;
import io.reactivecql.internal.session.ConfigReloading;
import io.reactivecql.internal.session.SessionFactory;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.types.TypeCodec;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Configures and opens a {@link ReactiveSession}. Immutable: every {@code with*} and {@code add*}
 * method returns a new builder, so a partly configured builder can be shared and specialised.
 *
 * <p>Settings come from several sources; at {@link #connect()} each option takes the value of the
 * first source that sets it:
 * <ol>
 *   <li>this builder's typed methods ({@link #withConfig}, {@link #addContactPoint},
 *       {@link #withRetryPolicy}, ...; for {@code withConfig}, the settings it changed);</li>
 *   <li>{@link #withOption};</li>
 *   <li>system properties {@code -Dreactivecql.<option path>=value} (read at {@code connect()});</li>
 *   <li>the configuration file ({@link #withConfigFile}, else {@code -Dreactivecql.config.file});</li>
 *   <li>the configuration resource ({@link #withConfigResource});</li>
 *   <li>the reference defaults bundled with the driver.</li>
 * </ol>
 * Every option is listed in {@link DriverOption} and docs/configuration.md. An invalid value fails
 * {@code connect()} with a {@link io.reactivecql.api.errors.ConfigurationException} naming it.
 */
public final class SessionBuilder {

    private final List<InetSocketAddress> contactPoints;
    private final String localDatacenter;
    private final String keyspace;
    private final AuthProvider authProvider;
    private final SslContext sslContext;
    private final boolean hostnameVerification;
    private final ProtocolVersion protocolVersion;
    private final Compression compression;
    private final List<TypeCodec<?>> codecs;
    private final DriverConfig config;
    private final RequestTracker requestTracker;
    private final Topology topology;
    private final RequestPolicies requestPolicies;
    private final Configuration configuration;
    private final Observability observability;

    /**
     * The operability settings, kept together. The registries are typed {@code Object} so that this
     * class loads without Micrometer on the classpath.
     */
    private record Observability(MetricsOptions metrics, Object meterRegistry, Object observationRegistry,
                                 RequestLogOptions requestLog) {
        static final Observability DEFAULTS = new Observability(MetricsOptions.defaults(), null, null,
                RequestLogOptions.defaults());
    }

    /**
     * The configuration sources, and the options the typed methods set (which win over them).
     *
     * @param resolved whether every source is already applied (the builder {@code connect()} hands
     *                 to the session factory)
     */
    private record Configuration(Set<DriverOption> explicit, DriverOptions options, Path file, String resource,
                                 ClassLoader resourceLoader, Publisher<?> reloadTrigger, boolean resolved) {
        static final Configuration NONE = new Configuration(Set.of(), DriverOptions.empty(), null, null, null,
                null, false);

        Configuration withExplicit(Set<DriverOption> more) {
            if (more.isEmpty()) {
                return this;
            }
            Set<DriverOption> all = EnumSet.noneOf(DriverOption.class);
            all.addAll(explicit);
            all.addAll(more);
            return new Configuration(Set.copyOf(all), options, file, resource, resourceLoader, reloadTrigger,
                    resolved);
        }
    }

    /** The cluster-client settings, kept together (null members mean the defaults). */
    private record Topology(LoadBalancingPolicy loadBalancingPolicy, ReconnectionPolicy reconnectionPolicy,
                            AddressTranslator addressTranslator, ReplicaLocator replicaLocator,
                            List<SessionExtensionProvider> extensions) {
        static final Topology DEFAULTS = new Topology(null, null, null, null, List.of());
    }

    private SessionBuilder(List<InetSocketAddress> contactPoints, String localDatacenter, String keyspace,
                           AuthProvider authProvider, SslContext sslContext, boolean hostnameVerification,
                           ProtocolVersion protocolVersion, Compression compression, List<TypeCodec<?>> codecs,
                           DriverConfig config, RequestTracker requestTracker, Topology topology,
                           RequestPolicies requestPolicies, Configuration configuration,
                           Observability observability) {
        this.contactPoints = contactPoints;
        this.localDatacenter = localDatacenter;
        this.keyspace = keyspace;
        this.authProvider = authProvider;
        this.sslContext = sslContext;
        this.hostnameVerification = hostnameVerification;
        this.protocolVersion = protocolVersion;
        this.compression = compression;
        this.codecs = codecs;
        this.config = config;
        this.requestTracker = requestTracker;
        this.topology = topology;
        this.requestPolicies = requestPolicies;
        this.configuration = configuration;
        this.observability = observability;
    }

    static SessionBuilder create() {
        return new SessionBuilder(List.of(), null, null, null, null, true, null, null, List.of(),
                DriverConfig.defaults(), null, Topology.DEFAULTS, RequestPolicies.defaults(), Configuration.NONE,
                Observability.DEFAULTS);
    }

    private SessionBuilder copy(List<InetSocketAddress> contactPoints, String localDatacenter, String keyspace,
                                AuthProvider authProvider, SslContext sslContext, boolean hostnameVerification,
                                ProtocolVersion protocolVersion, Compression compression, List<TypeCodec<?>> codecs,
                                DriverConfig config, RequestTracker requestTracker) {
        return new SessionBuilder(contactPoints, localDatacenter, keyspace, authProvider, sslContext,
                hostnameVerification, protocolVersion, compression, codecs, config, requestTracker, topology,
                requestPolicies, configuration.withExplicit(ConfigBindings.changed(this.config, config)),
                observability);
    }

    private SessionBuilder with(Topology newTopology) {
        return new SessionBuilder(contactPoints, localDatacenter, keyspace, authProvider, sslContext,
                hostnameVerification, protocolVersion, compression, codecs, config, requestTracker, newTopology,
                requestPolicies, configuration, observability);
    }

    private SessionBuilder with(Configuration newConfiguration) {
        return new SessionBuilder(contactPoints, localDatacenter, keyspace, authProvider, sslContext,
                hostnameVerification, protocolVersion, compression, codecs, config, requestTracker, topology,
                requestPolicies, newConfiguration, observability);
    }

    private SessionBuilder with(Observability newObservability) {
        return new SessionBuilder(contactPoints, localDatacenter, keyspace, authProvider, sslContext,
                hostnameVerification, protocolVersion, compression, codecs, config, requestTracker, topology,
                requestPolicies, configuration, newObservability);
    }

    /** Adds a node to connect to first (tried in the order added). */
    public SessionBuilder addContactPoint(InetSocketAddress contactPoint) {
        Objects.requireNonNull(contactPoint, "contactPoint");
        List<InetSocketAddress> points = new ArrayList<>(contactPoints);
        points.add(contactPoint);
        return copy(Collections.unmodifiableList(points), localDatacenter, keyspace, authProvider, sslContext,
                hostnameVerification, protocolVersion, compression, codecs, config, requestTracker);
    }

    /** Adds several contact points. */
    public SessionBuilder addContactPoints(Iterable<InetSocketAddress> points) {
        SessionBuilder b = this;
        for (InetSocketAddress p : points) {
            b = b.addContactPoint(p);
        }
        return b;
    }

    /** The datacenter whose nodes are preferred (used by load balancing once it can see the cluster). */
    public SessionBuilder withLocalDatacenter(String datacenter) {
        return copy(contactPoints, datacenter, keyspace, authProvider, sslContext, hostnameVerification,
                protocolVersion, compression, codecs, config, requestTracker);
    }

    /** The keyspace every connection USEs, so statements may name tables without it. */
    public SessionBuilder withKeyspace(String keyspaceName) {
        return copy(contactPoints, localDatacenter, keyspaceName, authProvider, sslContext, hostnameVerification,
                protocolVersion, compression, codecs, config, requestTracker);
    }

    /** Authenticates with a user name and password (SASL PLAIN, Cassandra's PasswordAuthenticator). */
    public SessionBuilder withAuthCredentials(String username, String password) {
        return withAuthenticator(new PlainTextAuthProvider(username, password));
    }

    /** Authenticates with this provider when a node asks to. */
    public SessionBuilder withAuthenticator(AuthProvider provider) {
        return copy(contactPoints, localDatacenter, keyspace, Objects.requireNonNull(provider, "provider"),
                sslContext, hostnameVerification, protocolVersion, compression, codecs, config, requestTracker);
    }

    /** Connects with TLS, checking the server certificate against the host name. */
    public SessionBuilder withSsl(SslContext context) {
        return withSsl(context, true);
    }

    /** Connects with TLS; {@code hostnameVerification} false skips checking the certificate's host name. */
    public SessionBuilder withSsl(SslContext context, boolean hostnameVerification) {
        return copy(contactPoints, localDatacenter, keyspace, authProvider, Objects.requireNonNull(context, "context"),
                hostnameVerification, protocolVersion, compression, codecs, config, requestTracker);
    }

    /** Uses this protocol version instead of negotiating (v5 first, then v4). */
    public SessionBuilder withProtocolVersion(ProtocolVersion version) {
        return copy(contactPoints, localDatacenter, keyspace, authProvider, sslContext, hostnameVerification,
                version, compression, codecs, config, requestTracker);
    }

    /** Compresses request and response bodies. */
    public SessionBuilder withCompression(Compression algorithm) {
        return copy(contactPoints, localDatacenter, keyspace, authProvider, sslContext, hostnameVerification,
                protocolVersion, Objects.requireNonNull(algorithm, "algorithm"), codecs, config, requestTracker);
    }

    /** Adds user codecs; they take precedence over the built-in ones where they apply. */
    public SessionBuilder withCodecs(TypeCodec<?>... userCodecs) {
        List<TypeCodec<?>> all = new ArrayList<>(codecs);
        all.addAll(Arrays.asList(userCodecs));
        return copy(contactPoints, localDatacenter, keyspace, authProvider, sslContext, hostnameVerification,
                protocolVersion, compression, List.copyOf(all), config, requestTracker);
    }

    /**
     * Replaces the settings (start from {@link DriverConfig#defaults()} or {@link #config()}). The
     * settings that differ from this builder's current ones count as set on the builder: they win
     * over every configuration source; the others may still come from a file or system property.
     */
    public SessionBuilder withConfig(DriverConfig driverConfig) {
        return copy(contactPoints, localDatacenter, keyspace, authProvider, sslContext, hostnameVerification,
                protocolVersion, compression, codecs, Objects.requireNonNull(driverConfig, "driverConfig"),
                requestTracker);
    }

    /** Observes every request sent (see {@link RequestTracker}). */
    public SessionBuilder withRequestTracker(RequestTracker tracker) {
        return copy(contactPoints, localDatacenter, keyspace, authProvider, sslContext, hostnameVerification,
                protocolVersion, compression, codecs, config, tracker);
    }

    /**
     * Publishes the session's metrics to this Micrometer {@code MeterRegistry} (which ones:
     * {@link #withMetrics}). Typed {@code Object} so that the builder loads without Micrometer,
     * an optional dependency; without a registry the driver keeps no metric at all.
     *
     * @param meterRegistry an {@code io.micrometer.core.instrument.MeterRegistry}
     * @throws IllegalArgumentException when it is not one
     * @throws IllegalStateException when Micrometer is not on the classpath
     */
    public SessionBuilder withMeterRegistry(Object meterRegistry) {
        Micrometer.check(meterRegistry, Micrometer.METER_REGISTRY, "meterRegistry");
        return with(new Observability(observability.metrics(), meterRegistry, observability.observationRegistry(),
                observability.requestLog()));
    }

    /**
     * Makes every request a Micrometer {@code Observation} in this registry, a child of the
     * observation found in the subscriber's Reactor context (key {@code "micrometer.observation"},
     * as WebFlux puts it there) or else of the registry's current one. Typed {@code Object} so that
     * the builder loads without Micrometer.
     *
     * @param observationRegistry an {@code io.micrometer.observation.ObservationRegistry}
     * @throws IllegalArgumentException when it is not one
     * @throws IllegalStateException when Micrometer is not on the classpath
     */
    public SessionBuilder withObservationRegistry(Object observationRegistry) {
        Micrometer.check(observationRegistry, Micrometer.OBSERVATION_REGISTRY, "observationRegistry");
        return with(new Observability(observability.metrics(), observability.meterRegistry(), observationRegistry,
                observability.requestLog()));
    }

    /**
     * Which metrics the meter registry gets; overrides every {@code advanced.metrics.*} option
     * (default: as configured, which is {@link MetricsOptions#defaults()} unless a file or system
     * property says otherwise).
     */
    public SessionBuilder withMetrics(MetricsOptions options) {
        return with(new Observability(Objects.requireNonNull(options, "options"), observability.meterRegistry(),
                observability.observationRegistry(), observability.requestLog()))
                .explicitly(optionsUnder("advanced.metrics."));
    }

    /**
     * What the built-in request logger writes (default: {@link RequestLogOptions#defaults()}: only
     * server warnings).
     */
    public SessionBuilder withRequestLogging(RequestLogOptions options) {
        return with(new Observability(observability.metrics(), observability.meterRegistry(),
                observability.observationRegistry(), Objects.requireNonNull(options, "options")))
                .explicitly(optionsUnder("advanced.request-logger."));
    }

    private static Set<DriverOption> optionsUnder(String prefix) {
        Set<DriverOption> options = EnumSet.noneOf(DriverOption.class);
        for (DriverOption option : DriverOption.values()) {
            if (option.path().startsWith(prefix)) {
                options.add(option);
            }
        }
        return options;
    }

    /**
     * Chooses the nodes of each request (default:
     * {@link LoadBalancingPolicies#defaultPolicy()}: token-aware, local datacenter first). The
     * instance serves one session: give each session its own.
     */
    public SessionBuilder withLoadBalancingPolicy(LoadBalancingPolicy policy) {
        return with(new Topology(Objects.requireNonNull(policy, "policy"), topology.reconnectionPolicy(),
                topology.addressTranslator(), topology.replicaLocator(), topology.extensions()));
    }

    /** The delays between reconnection attempts to a node that went down (default: exponential 1 s to 60 s). */
    public SessionBuilder withReconnectionPolicy(ReconnectionPolicy policy) {
        return with(new Topology(topology.loadBalancingPolicy(), Objects.requireNonNull(policy, "policy"),
                topology.addressTranslator(), topology.replicaLocator(), topology.extensions()));
    }

    /** Translates the addresses nodes advertise into addresses to connect to (default: identity). */
    public SessionBuilder withAddressTranslator(AddressTranslator translator) {
        return with(new Topology(topology.loadBalancingPolicy(), topology.reconnectionPolicy(),
                Objects.requireNonNull(translator, "translator"), topology.replicaLocator(), topology.extensions()));
    }

    /**
     * Finds the replicas of routing keys for token-aware load balancing (default: none until the
     * driver-schema module plugs its token map in).
     */
    public SessionBuilder withReplicaLocator(ReplicaLocator locator) {
        return with(new Topology(topology.loadBalancingPolicy(), topology.reconnectionPolicy(),
                topology.addressTranslator(), Objects.requireNonNull(locator, "locator"), topology.extensions()));
    }

    /**
     * Attaches an extension to the session (see {@link SessionExtensionProvider}); it replaces a
     * provider of the same class found through {@link java.util.ServiceLoader}, or one given before.
     */
    public SessionBuilder withExtension(SessionExtensionProvider provider) {
        Objects.requireNonNull(provider, "provider");
        List<SessionExtensionProvider> list = new ArrayList<>();
        for (SessionExtensionProvider p : topology.extensions()) {
            if (p.getClass() != provider.getClass()) {
                list.add(p);
            }
        }
        list.add(provider);
        return with(new Topology(topology.loadBalancingPolicy(), topology.reconnectionPolicy(),
                topology.addressTranslator(), topology.replicaLocator(), List.copyOf(list)));
    }

    /**
     * The extension providers of a session: those found with {@link java.util.ServiceLoader} in
     * {@code discovered}, each replaced by the one of its class given to {@link #withExtension}, then
     * the other given ones.
     */
    public List<SessionExtensionProvider> extensions(List<SessionExtensionProvider> discovered) {
        List<SessionExtensionProvider> out = new ArrayList<>();
        for (SessionExtensionProvider d : discovered) {
            SessionExtensionProvider given = null;
            for (SessionExtensionProvider p : topology.extensions()) {
                if (p.getClass() == d.getClass()) {
                    given = p;
                }
            }
            out.add(given != null ? given : d);
        }
        for (SessionExtensionProvider p : topology.extensions()) {
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Replaces the request policies (retry, speculative executions, throttling, execution profiles).
     * The policies that differ from this builder's current ones win over configuration sources;
     * the profiles win, setting by setting, over configured profiles of the same name.
     */
    public SessionBuilder withRequestPolicies(RequestPolicies policies) {
        Objects.requireNonNull(policies, "policies");
        return new SessionBuilder(contactPoints, localDatacenter, keyspace, authProvider, sslContext,
                hostnameVerification, protocolVersion, compression, codecs, config, requestTracker, topology,
                policies, configuration.withExplicit(ConfigResolver.changedPolicyOptions(requestPolicies, policies)),
                observability);
    }

    /**
     * Reads options from this properties file at {@link #connect()} (and at each configuration
     * reload). It overrides the configuration resource and the reference defaults; system
     * properties and this builder override it. Replaces a file given before and
     * {@code -Dreactivecql.config.file}. A missing file fails {@code connect()}.
     */
    public SessionBuilder withConfigFile(Path file) {
        Objects.requireNonNull(file, "file");
        Configuration c = configuration;
        return with(new Configuration(c.explicit(), c.options(), file, c.resource(), c.resourceLoader(),
                c.reloadTrigger(), false));
    }

    /**
     * Reads options from this properties resource on the classpath (of the thread's context class
     * loader, else the driver's) at {@link #connect()}: the application's packaged configuration.
     * It overrides only the reference defaults. A missing resource fails {@code connect()}.
     */
    public SessionBuilder withConfigResource(String resource) {
        Objects.requireNonNull(resource, "resource");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Configuration c = configuration;
        return with(new Configuration(c.explicit(), c.options(), c.file(), resource,
                loader != null ? loader : SessionBuilder.class.getClassLoader(), c.reloadTrigger(), false));
    }

    /**
     * Sets an option as a configuration source would, above system properties and files (and
     * below the typed methods of this builder that set the same thing).
     *
     * @param value text as a configuration file would write it ({@code "2s"}, {@code "QUORUM"}), or
     *              a value of the option's Java type ({@link java.time.Duration}, ...)
     * @throws io.reactivecql.api.errors.ConfigurationException when the value does not fit the option
     */
    public SessionBuilder withOption(DriverOption option, Object value) {
        Objects.requireNonNull(option, "option");
        Configuration c = configuration;
        return with(new Configuration(c.explicit(), c.options().with(option, value, "SessionBuilder.withOption"),
                c.file(), c.resource(), c.resourceLoader(), c.reloadTrigger(), false));
    }

    /**
     * Re-reads the configuration sources each time {@code trigger} emits, for as long as the
     * session is open, and applies the options that can change in a running session (see
     * {@link DriverOption#isReloadable()}). Combine with {@code basic.config-reload-interval} for
     * periodic reloads, or use {@code Flux.interval} here. A reload that finds an invalid value
     * logs it and changes nothing.
     */
    public SessionBuilder withConfigReloadTrigger(Publisher<?> trigger) {
        Objects.requireNonNull(trigger, "trigger");
        Configuration c = configuration;
        return with(new Configuration(c.explicit(), c.options(), c.file(), c.resource(), c.resourceLoader(),
                trigger, false));
    }

    /** The retry policy of statements whose execution profile sets none ({@link RetryPolicy#defaultPolicy()} by default). */
    public SessionBuilder withRetryPolicy(RetryPolicy policy) {
        return withRequestPolicies(requestPolicies.withRetryPolicy(Objects.requireNonNull(policy, "policy")))
                .explicitly(EnumSet.of(DriverOption.RETRY_POLICY));
    }

    private SessionBuilder explicitly(Set<DriverOption> options) {
        return with(configuration.withExplicit(options));
    }

    /**
     * The speculative execution policy of statements whose execution profile sets none
     * ({@link SpeculativeExecutionPolicy#none()} by default). Applies to idempotent statements only.
     */
    public SessionBuilder withSpeculativeExecutionPolicy(SpeculativeExecutionPolicy policy) {
        return withRequestPolicies(requestPolicies.withSpeculativeExecutionPolicy(
                Objects.requireNonNull(policy, "policy")))
                .explicitly(EnumSet.of(DriverOption.SPECULATIVE_MAX_EXECUTIONS, DriverOption.SPECULATIVE_DELAY));
    }

    /** Limits the requests in flight (disabled by default). */
    public SessionBuilder withRequestThrottling(RequestThrottling throttling) {
        return withRequestPolicies(requestPolicies.withThrottling(Objects.requireNonNull(throttling, "throttling")))
                .explicitly(EnumSet.of(DriverOption.THROTTLER_MAX_CONCURRENT_REQUESTS,
                        DriverOption.THROTTLER_MAX_QUEUE_SIZE));
    }

    /**
     * Adds (or replaces) an execution profile, which statements choose with
     * {@code withExecutionProfileName(profile.name())}.
     */
    public SessionBuilder withExecutionProfile(ExecutionProfile profile) {
        return withRequestPolicies(requestPolicies.withProfile(Objects.requireNonNull(profile, "profile")));
    }

    /**
     * Opens the session: applies the configuration sources (off the event loops: files are read
     * with blocking I/O; see the class comment for their precedence), resolves the contact points (a host name that resolves to several
     * addresses gives them all), opens the control connection to the first that answers (trying
     * them in order), discovers the cluster's nodes, and opens a connection pool to every node the
     * load-balancing policy does not ignore (at least one must open). Non-blocking; fails with
     * {@link io.reactivecql.api.errors.NoNodeAvailableException} (the error per contact point
     * tried), {@link io.reactivecql.api.errors.AuthenticationException},
     * {@link io.reactivecql.api.errors.ConfigurationException} (an invalid option, named), or
     * {@link IllegalStateException} when no contact point was given.
     */
    public Mono<ReactiveSession> connect() {
        if (configuration.resolved()) {
            return SessionFactory.connect(this);
        }
        return Mono.defer(() -> {
            BuilderLayer layer = configLayer();
            Publisher<?> trigger = configuration.reloadTrigger();
            return ConfigResolver.resolveLater(layer).flatMap(resolution -> SessionFactory.connect(resolved(resolution))
                    .map(session -> ConfigReloading.follow(session, layer, resolution, trigger)));
        });
    }

    /** What this builder says about the configuration (for the resolver). */
    BuilderLayer configLayer() {
        Configuration c = configuration;
        return new BuilderLayer(contactPoints, localDatacenter, keyspace, authProvider, protocolVersion, compression,
                topology.loadBalancingPolicy(), topology.reconnectionPolicy(), config, c.explicit(), requestPolicies,
                c.options(), c.file(), c.resource(), c.resourceLoader(), observability.metrics(),
                observability.requestLog());
    }

    /** This builder with every configuration source applied, as the session factory gets it. */
    SessionBuilder resolved(Resolution r) {
        return new SessionBuilder(r.contactPoints(), r.localDatacenter(), r.keyspace(), r.authProvider(), sslContext,
                hostnameVerification, r.protocolVersion(), r.compression(), codecs, r.config(), requestTracker,
                new Topology(r.loadBalancingPolicy(), r.reconnectionPolicy(), topology.addressTranslator(),
                        topology.replicaLocator(), topology.extensions()),
                r.policies(), new Configuration(configuration.explicit(), r.options(), null, null, null, null, true),
                new Observability(r.metrics(), observability.meterRegistry(), observability.observationRegistry(),
                        r.requestLog()));
    }

    public List<InetSocketAddress> contactPoints() {
        return contactPoints;
    }

    public String localDatacenter() {
        return localDatacenter;
    }

    public String keyspace() {
        return keyspace;
    }

    public AuthProvider authProvider() {
        return authProvider;
    }

    public SslContext sslContext() {
        return sslContext;
    }

    public boolean hostnameVerification() {
        return hostnameVerification;
    }

    public ProtocolVersion protocolVersion() {
        return protocolVersion;
    }

    /** The compression set on this builder ({@link Compression#NONE} when none was). */
    public Compression compression() {
        return compression != null ? compression : Compression.NONE;
    }

    /**
     * The options set with {@link #withOption}; on the builder a session is opened from (inside
     * the driver's connect path), every option as resolved from all sources.
     */
    public DriverOptions options() {
        return configuration.options();
    }

    /** The configuration file given to {@link #withConfigFile}, or null. */
    public Path configFile() {
        return configuration.file();
    }

    public List<TypeCodec<?>> codecs() {
        return codecs;
    }

    public DriverConfig config() {
        return config;
    }

    public RequestTracker requestTracker() {
        return requestTracker;
    }

    public RequestPolicies requestPolicies() {
        return requestPolicies;
    }

    public MetricsOptions metricsOptions() {
        return observability.metrics();
    }

    /** The Micrometer {@code MeterRegistry} given, or null. */
    public Object meterRegistry() {
        return observability.meterRegistry();
    }

    /** The Micrometer {@code ObservationRegistry} given, or null. */
    public Object observationRegistry() {
        return observability.observationRegistry();
    }

    public RequestLogOptions requestLogOptions() {
        return observability.requestLog();
    }

    /** The load-balancing policy given, or a new {@link LoadBalancingPolicies#defaultPolicy()}. */
    public LoadBalancingPolicy loadBalancingPolicy() {
        LoadBalancingPolicy p = topology.loadBalancingPolicy();
        return p != null ? p : LoadBalancingPolicies.defaultPolicy();
    }

    public ReconnectionPolicy reconnectionPolicy() {
        ReconnectionPolicy p = topology.reconnectionPolicy();
        return p != null ? p : ReconnectionPolicy.defaultPolicy();
    }

    public AddressTranslator addressTranslator() {
        AddressTranslator t = topology.addressTranslator();
        return t != null ? t : AddressTranslator.identity();
    }

    public ReplicaLocator replicaLocator() {
        ReplicaLocator l = topology.replicaLocator();
        return l != null ? l : ReplicaLocator.NONE;
    }
}
