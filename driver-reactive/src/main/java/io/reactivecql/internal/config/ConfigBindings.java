package io.reactivecql.internal.config;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.config.DriverOption;
import io.reactivecql.protocol.ConsistencyLevel;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Which {@link DriverOption} sets which field of {@link DriverConfig}. */
public final class ConfigBindings {

    /** Reads and writes one field of a {@link DriverConfig}. */
    record Binding(Function<DriverConfig, Object> get, BiFunction<DriverConfig, Object, DriverConfig> set) {
    }

    static final Map<DriverOption, Binding> DRIVER_CONFIG;

    static {
        Map<DriverOption, Binding> m = new EnumMap<>(DriverOption.class);
        m.put(DriverOption.REQUEST_TIMEOUT, new Binding(DriverConfig::requestTimeout,
                (c, v) -> c.withRequestTimeout((Duration) v)));
        m.put(DriverOption.REQUEST_CONSISTENCY, new Binding(DriverConfig::consistency,
                (c, v) -> c.withConsistency((ConsistencyLevel) v)));
        m.put(DriverOption.REQUEST_SERIAL_CONSISTENCY, new Binding(DriverConfig::serialConsistency,
                (c, v) -> c.withSerialConsistency((ConsistencyLevel) v)));
        m.put(DriverOption.REQUEST_PAGE_SIZE, new Binding(DriverConfig::pageSize,
                (c, v) -> c.withPageSize((Integer) v)));
        m.put(DriverOption.REQUEST_DEFAULT_IDEMPOTENCE, new Binding(DriverConfig::defaultIdempotence,
                (c, v) -> c.withDefaultIdempotence((Boolean) v)));
        m.put(DriverOption.READ_AHEAD_PAGES, new Binding(DriverConfig::readAheadPages,
                (c, v) -> c.withReadAheadPages((Integer) v)));
        m.put(DriverOption.POOL_LOCAL_SIZE, new Binding(DriverConfig::connectionsPerNode,
                (c, v) -> c.withConnectionsPerNode((Integer) v)));
        m.put(DriverOption.POOL_REMOTE_SIZE, new Binding(DriverConfig::remoteConnectionsPerNode,
                (c, v) -> c.withRemoteConnectionsPerNode((Integer) v)));
        m.put(DriverOption.CONNECT_TIMEOUT, new Binding(DriverConfig::connectTimeout,
                (c, v) -> c.withConnectTimeout((Duration) v)));
        m.put(DriverOption.HEARTBEAT_INTERVAL, new Binding(DriverConfig::heartbeatInterval,
                (c, v) -> c.withHeartbeatInterval((Duration) v)));
        m.put(DriverOption.MAX_REQUESTS_PER_CONNECTION, new Binding(DriverConfig::maxRequestsPerConnection,
                (c, v) -> c.withMaxRequestsPerConnection((Integer) v)));
        m.put(DriverOption.MAX_QUEUED_REQUESTS, new Binding(DriverConfig::maxQueuedRequests,
                (c, v) -> c.withMaxQueuedRequests((Integer) v)));
        m.put(DriverOption.TRACE_ATTEMPTS, new Binding(DriverConfig::traceAttempts,
                (c, v) -> c.withTraceRetrieval((Integer) v, c.traceInterval())));
        m.put(DriverOption.TRACE_INTERVAL, new Binding(DriverConfig::traceInterval,
                (c, v) -> c.withTraceRetrieval(c.traceAttempts(), (Duration) v)));
        m.put(DriverOption.SCHEMA_AGREEMENT_TIMEOUT, new Binding(DriverConfig::schemaAgreementTimeout,
                (c, v) -> c.withSchemaAgreement((Duration) v, c.schemaAgreementInterval())));
        m.put(DriverOption.SCHEMA_AGREEMENT_INTERVAL, new Binding(DriverConfig::schemaAgreementInterval,
                (c, v) -> c.withSchemaAgreement(c.schemaAgreementTimeout(), (Duration) v)));
        DRIVER_CONFIG = Collections.unmodifiableMap(m);
    }

    private ConfigBindings() {
    }

    /** The options that map to a {@link DriverConfig} field. */
    public static Set<DriverOption> driverConfigOptions() {
        return DRIVER_CONFIG.keySet();
    }

    /** The options whose {@link DriverConfig} field differs between {@code before} and {@code after}. */
    public static Set<DriverOption> changed(DriverConfig before, DriverConfig after) {
        Set<DriverOption> changed = EnumSet.noneOf(DriverOption.class);
        DRIVER_CONFIG.forEach((option, b) -> {
            if (!Objects.equals(b.get().apply(before), b.get().apply(after))) {
                changed.add(option);
            }
        });
        return changed;
    }

    /** The value of {@code option}'s field in {@code config}. */
    public static Object get(DriverConfig config, DriverOption option) {
        Binding b = DRIVER_CONFIG.get(option);
        if (b == null) {
            throw new IllegalArgumentException(option.path() + " is not a DriverConfig setting");
        }
        return b.get().apply(config);
    }

    /** {@code config} with {@code option}'s field set to {@code value}. */
    static DriverConfig set(DriverConfig config, DriverOption option, Object value) {
        return DRIVER_CONFIG.get(option).set().apply(config, value);
    }
}
