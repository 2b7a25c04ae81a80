package io.reactivecql.internal.config;

import io.reactivecql.api.Compression;
import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.auth.AuthProvider;
import io.reactivecql.api.auth.PlainTextAuthProvider;
import io.reactivecql.api.config.DriverOption;
import io.reactivecql.api.config.DriverOptions;
import io.reactivecql.api.errors.ConfigurationException;
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
import io.reactivecql.api.statement.StatementOptions;
import io.reactivecql.protocol.ProtocolVersion;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Resolves a session's settings from every source, highest precedence first: the builder's typed
 * settings, {@code SessionBuilder.withOption}, system properties, the configuration file (the
 * builder's, else the one named by {@code -Dreactivecql.config.file}), the configuration resource,
 * the bundled reference defaults.
 */
public final class ConfigResolver {

    private ConfigResolver() {
    }

    /** {@link #resolve} on the bounded-elastic scheduler (files are read with blocking I/O). */
    public static Mono<Resolution> resolveLater(BuilderLayer layer) {
        return Mono.fromCallable(() -> resolve(layer, System.getProperties()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Every source's options merged, before the builder's typed settings. Blocking (reads files). */
    public static DriverOptions merge(BuilderLayer layer, Properties system) {
        DriverOptions options = ConfigLayers.reference();
        if (layer.resource() != null) {
            options = options.overriddenBy(ConfigLayers.fromResource(layer.resource(), layer.resourceLoader()));
        }
        Path file = layer.file() != null ? layer.file() : ConfigLayers.fileFromSystemProperties(system).orElse(null);
        if (file != null) {
            options = options.overriddenBy(ConfigLayers.fromFile(file));
        }
        return options.overriddenBy(ConfigLayers.fromSystemProperties(system)).overriddenBy(layer.options());
    }

    /** The settings a session opens with. Blocking (reads files). */
    public static Resolution resolve(BuilderLayer layer, Properties system) {
        return apply(layer, merge(layer, system));
    }

    /** The builder's typed settings over {@code o}, turned into the objects the session uses. */
    static Resolution apply(BuilderLayer layer, DriverOptions o) {
        List<InetSocketAddress> contactPoints = layer.contactPoints().isEmpty()
                ? o.getAddresses(DriverOption.CONTACT_POINTS) : layer.contactPoints();
        String localDc = layer.localDatacenter() != null ? layer.localDatacenter()
                : o.getString(DriverOption.LOCAL_DATACENTER);
        String keyspace = layer.keyspace() != null ? layer.keyspace() : o.getString(DriverOption.SESSION_KEYSPACE);
        AuthProvider auth = layer.authProvider() != null ? layer.authProvider() : authProvider(o);
        ProtocolVersion version = layer.protocolVersion() != null ? layer.protocolVersion()
                : o.isSet(DriverOption.PROTOCOL_VERSION)
                ? ProtocolVersion.valueOf(o.getString(DriverOption.PROTOCOL_VERSION)) : null;
        Compression compression = layer.compression() != null ? layer.compression()
                : Compression.valueOf(o.getString(DriverOption.PROTOCOL_COMPRESSION).toUpperCase(Locale.ROOT));
        LoadBalancingPolicy lb = layer.loadBalancingPolicy() != null ? layer.loadBalancingPolicy()
                : loadBalancingPolicy(o);
        ReconnectionPolicy reconnection = layer.reconnectionPolicy() != null ? layer.reconnectionPolicy()
                : reconnectionPolicy(o);
        return new Resolution(o, contactPoints, localDc, keyspace, auth, version, compression, lb, reconnection,
                driverConfig(layer, o), requestPolicies(layer, o), metrics(layer, o), requestLog(layer, o));
    }

    /** The builder's {@code withMetrics}, else the {@code advanced.metrics.*} options. */
    static MetricsOptions metrics(BuilderLayer layer, DriverOptions o) {
        if (layer.explicit().contains(DriverOption.METRICS_SESSION_ENABLED)) {
            return layer.metrics();
        }
        MetricsOptions m = MetricsOptions.defaults()
                .withLatencyHistogram(o.getBoolean(DriverOption.METRICS_LATENCY_HISTOGRAM))
                .withSessionName(o.getString(DriverOption.METRICS_SESSION_NAME));
        m = named(o, DriverOption.METRICS_SESSION_ENABLED, m, MetricsOptions::withSessionMetricNames);
        return named(o, DriverOption.METRICS_NODE_ENABLED, m, MetricsOptions::withNodeMetricNames);
    }

    private static MetricsOptions named(DriverOptions o, DriverOption option, MetricsOptions m,
                                        BiFunction<MetricsOptions, List<String>, MetricsOptions> with) {
        try {
            return with.apply(m, o.getStringList(option));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(o.keyOf(option), o.sourceOf(option), e.getMessage(), e);
        }
    }

    /** The builder's {@code withRequestLogging}, else the {@code advanced.request-logger.*} options. */
    static RequestLogOptions requestLog(BuilderLayer layer, DriverOptions o) {
        if (layer.explicit().contains(DriverOption.REQUEST_LOGGER_ENABLED)) {
            return layer.requestLog();
        }
        boolean on = o.getBoolean(DriverOption.REQUEST_LOGGER_ENABLED);
        return RequestLogOptions.defaults()
                .withSlow(o.getDuration(DriverOption.REQUEST_LOGGER_SLOW_THRESHOLD))
                .withSlowEnabled(on)
                .withErrors(on && o.getBoolean(DriverOption.REQUEST_LOGGER_LOG_ERRORS))
                .withSuccess(on && o.getBoolean(DriverOption.REQUEST_LOGGER_LOG_SUCCESS))
                .withMaxQueryLength(o.getInt(DriverOption.REQUEST_LOGGER_MAX_QUERY_LENGTH))
                .withValues(o.getBoolean(DriverOption.REQUEST_LOGGER_SHOW_VALUES),
                        o.getInt(DriverOption.REQUEST_LOGGER_MAX_VALUES),
                        o.getInt(DriverOption.REQUEST_LOGGER_MAX_VALUE_LENGTH))
                .withStackTraces(o.getBoolean(DriverOption.REQUEST_LOGGER_SHOW_STACK_TRACES))
                .withContextKeys(o.getStringList(DriverOption.REQUEST_LOGGER_CONTEXT_KEYS))
                .withServerWarnings(o.getBoolean(DriverOption.REQUEST_LOGGER_SERVER_WARNINGS));
    }

    private static DriverConfig driverConfig(BuilderLayer layer, DriverOptions o) {
        DriverConfig config = layer.config();
        for (DriverOption option : ConfigBindings.driverConfigOptions()) {
            if (!layer.explicit().contains(option) && o.isSet(option)) {
                config = set(config, option, o.get(option), o);
            }
        }
        return config;
    }

    /** {@code config} with one field set; a refusal (none expected: values are checked) names the option. */
    static DriverConfig set(DriverConfig config, DriverOption option, Object value, DriverOptions o) {
        try {
            return ConfigBindings.set(config, option, value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(o.keyOf(option), o.sourceOf(option), e.getMessage(), e);
        }
    }

    private static AuthProvider authProvider(DriverOptions o) {
        String user = o.getString(DriverOption.AUTH_USERNAME);
        String password = o.getString(DriverOption.AUTH_PASSWORD);
        if (user == null && password == null) {
            return null;
        }
        if (user == null || password == null) {
            DriverOption given = user == null ? DriverOption.AUTH_PASSWORD : DriverOption.AUTH_USERNAME;
            DriverOption missing = user == null ? DriverOption.AUTH_USERNAME : DriverOption.AUTH_PASSWORD;
            throw new ConfigurationException(missing.path(), o.sourceOf(given), "set together with "
                    + given.path() + " (plain-text authentication needs both)");
        }
        return new PlainTextAuthProvider(user, password);
    }

    private static LoadBalancingPolicy loadBalancingPolicy(DriverOptions o) {
        String rack = o.getString(DriverOption.LOCAL_RACK);
        boolean remote = o.getBoolean(DriverOption.ALLOW_REMOTE_NODES);
        return switch (o.getString(DriverOption.LOAD_BALANCING_POLICY)) {
            case "round-robin" -> LoadBalancingPolicies.roundRobin();
            case "datacenter-aware" -> LoadBalancingPolicies.datacenterAware(null, rack, remote);
            default -> LoadBalancingPolicies.tokenAware(LoadBalancingPolicies.datacenterAware(null, rack, remote),
                    o.getInt(DriverOption.BUSY_THRESHOLD));
        };
    }

    private static ReconnectionPolicy reconnectionPolicy(DriverOptions o) {
        Duration base = o.getDuration(DriverOption.RECONNECTION_BASE_DELAY);
        Duration max = o.getDuration(DriverOption.RECONNECTION_MAX_DELAY);
        if (max.compareTo(base) < 0) {
            throw new ConfigurationException(o.keyOf(DriverOption.RECONNECTION_MAX_DELAY),
                    o.sourceOf(DriverOption.RECONNECTION_MAX_DELAY), "must be at least "
                    + DriverOption.RECONNECTION_BASE_DELAY.path() + " (" + base + "), was " + max);
        }
        return ReconnectionPolicy.exponential(base, max);
    }

    private static RequestPolicies requestPolicies(BuilderLayer layer, DriverOptions o) {
        RequestPolicies builder = layer.policies();
        Set<DriverOption> explicit = layer.explicit();
        RetryPolicy retry = explicit.contains(DriverOption.RETRY_POLICY) ? builder.retryPolicy()
                : retryPolicy(o.getString(DriverOption.RETRY_POLICY));
        SpeculativeExecutionPolicy specex = explicit.contains(DriverOption.SPECULATIVE_MAX_EXECUTIONS)
                ? builder.speculativeExecutionPolicy()
                : speculative(o.getInt(DriverOption.SPECULATIVE_MAX_EXECUTIONS),
                o.getDuration(DriverOption.SPECULATIVE_DELAY));
        RequestThrottling throttling = explicit.contains(DriverOption.THROTTLER_MAX_CONCURRENT_REQUESTS)
                ? builder.throttling() : throttling(o);
        Map<String, ExecutionProfile> profiles = new LinkedHashMap<>();
        for (String name : o.profileNames()) {
            profiles.put(name, profile(name, o.profile(name), o));
        }
        builder.profiles().forEach((name, p) -> profiles.merge(name, p, ConfigResolver::over));
        return new RequestPolicies(retry, specex, throttling, profiles);
    }

    private static RequestThrottling throttling(DriverOptions o) {
        int max = o.getInt(DriverOption.THROTTLER_MAX_CONCURRENT_REQUESTS);
        return max == 0 ? RequestThrottling.disabled()
                : RequestThrottling.concurrencyLimit(max, o.getInt(DriverOption.THROTTLER_MAX_QUEUE_SIZE));
    }

    static RetryPolicy retryPolicy(String kind) {
        return switch (kind) {
            case "fallthrough" -> RetryPolicy.fallthrough();
            case "downgrading-consistency" -> RetryPolicy.downgradingConsistency();
            default -> RetryPolicy.defaultPolicy();
        };
    }

    private static SpeculativeExecutionPolicy speculative(int maxExecutions, Duration delay) {
        return maxExecutions == 0 ? SpeculativeExecutionPolicy.none()
                : SpeculativeExecutionPolicy.constant(delay, maxExecutions);
    }

    /** A profile from its options; speculative settings it leaves out come from the session's. */
    private static ExecutionProfile profile(String name, DriverOptions p, DriverOptions root) {
        ExecutionProfile profile = ExecutionProfile.named(name)
                .withConsistency(p.getConsistency(DriverOption.REQUEST_CONSISTENCY))
                .withSerialConsistency(p.getConsistency(DriverOption.REQUEST_SERIAL_CONSISTENCY))
                .withTimeout(p.getDuration(DriverOption.REQUEST_TIMEOUT));
        if (p.isSet(DriverOption.REQUEST_PAGE_SIZE)) {
            profile = profile.withPageSize(p.getInt(DriverOption.REQUEST_PAGE_SIZE));
        }
        if (p.isSet(DriverOption.RETRY_POLICY)) {
            profile = profile.withRetryPolicy(retryPolicy(p.getString(DriverOption.RETRY_POLICY)));
        }
        if (p.isSet(DriverOption.SPECULATIVE_MAX_EXECUTIONS) || p.isSet(DriverOption.SPECULATIVE_DELAY)) {
            DriverOptions max = p.isSet(DriverOption.SPECULATIVE_MAX_EXECUTIONS) ? p : root;
            DriverOptions delay = p.isSet(DriverOption.SPECULATIVE_DELAY) ? p : root;
            profile = profile.withSpeculativeExecutionPolicy(speculative(
                    max.getInt(DriverOption.SPECULATIVE_MAX_EXECUTIONS), delay.getDuration(DriverOption.SPECULATIVE_DELAY)));
        }
        return profile;
    }

    /** The builder's profile over the configured one of the same name, setting by setting. */
    private static ExecutionProfile over(ExecutionProfile configured, ExecutionProfile builder) {
        return new ExecutionProfile(builder.name(),
                first(builder.consistency(), configured.consistency()),
                first(builder.serialConsistency(), configured.serialConsistency()),
                first(builder.timeout(), configured.timeout()),
                builder.pageSize() != StatementOptions.NOT_SET ? builder.pageSize() : configured.pageSize(),
                first(builder.retryPolicy(), configured.retryPolicy()),
                first(builder.speculativeExecutionPolicy(), configured.speculativeExecutionPolicy()));
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }

    /**
     * The policy options a builder's new request policies set explicitly: those whose policy
     * differs from the builder's previous one.
     */
    public static Set<DriverOption> changedPolicyOptions(RequestPolicies before, RequestPolicies after) {
        Set<DriverOption> changed = EnumSet.noneOf(DriverOption.class);
        if (before.retryPolicy() != after.retryPolicy()) {
            changed.add(DriverOption.RETRY_POLICY);
        }
        if (before.speculativeExecutionPolicy() != after.speculativeExecutionPolicy()) {
            changed.add(DriverOption.SPECULATIVE_MAX_EXECUTIONS);
            changed.add(DriverOption.SPECULATIVE_DELAY);
        }
        if (!before.throttling().equals(after.throttling())) {
            changed.add(DriverOption.THROTTLER_MAX_CONCURRENT_REQUESTS);
            changed.add(DriverOption.THROTTLER_MAX_QUEUE_SIZE);
        }
        return changed;
    }

    /**
     * The settings of {@code running} after a reload resolved {@code fresh}: the reloadable
     * settings from {@code fresh}, the others as they are (throttling included: its limiter is
     * built once).
     */
    public static Reloaded reloaded(DriverConfig running, RequestPolicies runningPolicies, Resolution fresh) {
        DriverConfig config = running;
        for (DriverOption option : ConfigBindings.driverConfigOptions()) {
            if (option.isReloadable()) {
                config = set(config, option, ConfigBindings.get(fresh.config(), option), fresh.options());
            }
        }
        RequestPolicies policies = new RequestPolicies(fresh.policies().retryPolicy(),
                fresh.policies().speculativeExecutionPolicy(), runningPolicies.throttling(),
                fresh.policies().profiles());
        return new Reloaded(config, policies);
    }

    /** The settings a reload gives a running session. */
    public record Reloaded(DriverConfig config, RequestPolicies policies) {
    }

    /**
     * The options that differ between two resolutions and that a reload cannot apply to a running
     * session (sorted paths, for a warning).
     */
    public static Set<String> changedButNotReloadable(DriverOptions before, DriverOptions after) {
        Set<String> changed = new TreeSet<>();
        for (DriverOption option : DriverOption.values()) {
            if (!option.isReloadable() && !Objects.equals(before.get(option), after.get(option))) {
                changed.add(option.path());
            }
        }
        return changed;
    }
}
