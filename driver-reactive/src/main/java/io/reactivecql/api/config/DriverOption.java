package io.reactivecql.api.config;

import io.reactivecql.internal.config.ReferenceConfig;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of every configuration option: its path (the key in a configuration file, and
 * after {@code reactivecql.} in a system property), its {@link OptionType type}, its bounds, whether
 * an execution profile may set it, whether a reload applies it to a running session, and its
 * meaning. Defaults are in the bundled reference file ({@link #defaultValue()}); docs/configuration.md
 * is generated from this catalogue.
 *
 * <p>Options are resolved at {@code SessionBuilder.connect()}, each from the first of: a typed
 * builder method, {@code SessionBuilder.withOption}, a system property, the configuration file, the
 * configuration resource, the reference file.
 */
public enum DriverOption {

    // ---- basic ----
    CONTACT_POINTS("basic.contact-points", OptionType.ADDRESS_LIST, 0,
            "Nodes to connect to first, tried in order. Used when the builder adds no contact point."),
    LOCAL_DATACENTER("basic.load-balancing-policy.local-datacenter", OptionType.STRING, 0,
            "The datacenter whose nodes are preferred. When unset, the contact points' datacenter."),
    LOAD_BALANCING_POLICY("basic.load-balancing-policy.kind",
            List.of("token-aware", "datacenter-aware", "round-robin"), 0,
            "`token-aware` (replicas first, over `datacenter-aware`), `datacenter-aware` or `round-robin`. "
                    + "Ignored when the builder sets a policy."),
    SESSION_KEYSPACE("basic.session-keyspace", OptionType.STRING, 0,
            "The keyspace every connection USEs."),
    REQUEST_TIMEOUT("basic.request.timeout", OptionType.DURATION, 1, Long.MAX_VALUE, F.PROFILE | F.RELOADABLE,
            "How long one request (one page) may take, retries and speculative executions included."),
    REQUEST_CONSISTENCY("basic.request.consistency", OptionType.CONSISTENCY, F.PROFILE | F.RELOADABLE,
            "The consistency level of statements that set none."),
    REQUEST_SERIAL_CONSISTENCY("basic.request.serial-consistency", OptionType.SERIAL_CONSISTENCY,
            F.PROFILE | F.RELOADABLE, "The serial consistency of statements that set none."),
    REQUEST_PAGE_SIZE("basic.request.page-size", OptionType.INTEGER, 1, Integer.MAX_VALUE, F.PROFILE | F.RELOADABLE,
            "Rows per page of statements that set none."),
    REQUEST_DEFAULT_IDEMPOTENCE("basic.request.default-idempotence", OptionType.BOOLEAN, F.RELOADABLE,
            "Whether statements that do not say are idempotent (may be retried and executed speculatively)."),
    CONFIG_RELOAD_INTERVAL("basic.config-reload-interval", OptionType.DURATION, 0, Long.MAX_VALUE, 0,
            "How often a running session re-reads its configuration; `0` reloads only on the builder's "
                    + "`withConfigReloadTrigger`."),

    // ---- load balancing and reconnection ----
    LOCAL_RACK("advanced.load-balancing-policy.local-rack", OptionType.STRING, 0,
            "Nodes of this rack go before the rest of the local datacenter (datacenter-aware policies)."),
    ALLOW_REMOTE_NODES("advanced.load-balancing-policy.allow-remote-nodes", OptionType.BOOLEAN, 0,
            "Whether other datacenters' nodes follow the local ones in query plans (else they are ignored)."),
    BUSY_THRESHOLD("advanced.load-balancing-policy.busy-threshold", OptionType.INTEGER, 1, Integer.MAX_VALUE, 0,
            "Token-aware: replicas with this many requests in flight go after the other replicas."),
    RECONNECTION_BASE_DELAY("advanced.reconnection-policy.base-delay", OptionType.DURATION, 1, Long.MAX_VALUE, 0,
            "The first delay before reconnecting to a node that went down; doubled at each attempt. "
                    + "Ignored when the builder sets a policy."),
    RECONNECTION_MAX_DELAY("advanced.reconnection-policy.max-delay", OptionType.DURATION, 1, Long.MAX_VALUE, 0,
            "The longest delay between reconnection attempts (at least the base delay)."),

    // ---- connections ----
    CONNECT_TIMEOUT("advanced.connection.connect-timeout", OptionType.DURATION, 1, Long.MAX_VALUE, 0,
            "Bound on opening one connection (TCP, TLS, startup, authentication)."),
    POOL_LOCAL_SIZE("advanced.connection.pool.local.size", OptionType.INTEGER, 1, Integer.MAX_VALUE, 0,
            "Connections to each node of distance LOCAL."),
    POOL_REMOTE_SIZE("advanced.connection.pool.remote.size", OptionType.INTEGER, 1, Integer.MAX_VALUE, 0,
            "Connections to each node of distance REMOTE."),
    MAX_REQUESTS_PER_CONNECTION("advanced.connection.max-requests-per-connection", OptionType.INTEGER, 1, 32768, 0,
            "Stream ids used per connection."),
    MAX_QUEUED_REQUESTS("advanced.connection.max-queued-requests", OptionType.INTEGER, 0, Integer.MAX_VALUE, 0,
            "Requests a connection queues when every stream id is in use."),
    HEARTBEAT_INTERVAL("advanced.heartbeat.interval", OptionType.DURATION, 0, Long.MAX_VALUE, 0,
            "Idle time after which a connection sends a heartbeat; `0` disables heartbeats."),
    PROTOCOL_VERSION("advanced.protocol.version", List.of("V4", "V5"), 0,
            "The protocol version to use; when unset, negotiated (V5 first, then V4)."),
    PROTOCOL_COMPRESSION("advanced.protocol.compression", List.of("none", "lz4", "snappy"), 0,
            "Compression of request and response bodies (`snappy`: protocol V4 only)."),
    AUTH_USERNAME("advanced.auth-provider.username", OptionType.STRING, 0,
            "User name for plain-text authentication (with `advanced.auth-provider.password`). "
                    + "Ignored when the builder sets an authenticator."),
    AUTH_PASSWORD("advanced.auth-provider.password", OptionType.STRING, F.SENSITIVE,
            "Password for plain-text authentication (never logged)."),

    // ---- requests ----
    READ_AHEAD_PAGES("advanced.request.read-ahead-pages", OptionType.INTEGER, 0, Integer.MAX_VALUE, F.RELOADABLE,
            "Pages a row Flux may fetch beyond its subscriber's demand (`0`: only on demand)."),
    TRACE_ATTEMPTS("advanced.request.trace.attempts", OptionType.INTEGER, 1, Integer.MAX_VALUE, F.RELOADABLE,
            "How many times `queryTrace()` reads system_traces before giving up on an incomplete trace."),
    TRACE_INTERVAL("advanced.request.trace.interval", OptionType.DURATION, 0, Long.MAX_VALUE, F.RELOADABLE,
            "The pause between those reads."),
    RETRY_POLICY("advanced.retry-policy.kind", List.of("default", "fallthrough", "downgrading-consistency"),
            F.PROFILE | F.RELOADABLE,
            "The retry policy (see request-policies.md). Ignored when the builder sets one."),
    SPECULATIVE_MAX_EXECUTIONS("advanced.speculative-execution-policy.max-executions", OptionType.INTEGER,
            0, Integer.MAX_VALUE, F.PROFILE | F.RELOADABLE,
            "Speculative executions of an idempotent request besides the first; `0` disables them."),
    SPECULATIVE_DELAY("advanced.speculative-execution-policy.delay", OptionType.DURATION, 0, Long.MAX_VALUE,
            F.PROFILE | F.RELOADABLE,
            "The delay before each speculative execution, counted from the start of the previous one."),
    THROTTLER_MAX_CONCURRENT_REQUESTS("advanced.throttler.max-concurrent-requests", OptionType.INTEGER,
            0, Integer.MAX_VALUE, 0, "Requests in flight at once per session; `0` disables throttling."),
    THROTTLER_MAX_QUEUE_SIZE("advanced.throttler.max-queue-size", OptionType.INTEGER, 0, Integer.MAX_VALUE, 0,
            "Requests waiting for a slot when throttling; beyond, a request fails at once."),

    // ---- schema ----
    SCHEMA_AGREEMENT_TIMEOUT("advanced.schema-agreement.timeout", OptionType.DURATION, 0, Long.MAX_VALUE, 0,
            "How long a schema-altering statement's result waits for every live node to report one schema "
                    + "version; `0` does not wait."),
    SCHEMA_AGREEMENT_INTERVAL("advanced.schema-agreement.interval", OptionType.DURATION, 1, Long.MAX_VALUE, 0,
            "The pause between two checks of the nodes' schema versions."),

    // ---- observability: metrics (kept only when a meter registry is given) and request logging ----
    METRICS_SESSION_ENABLED("advanced.metrics.session.enabled", OptionType.STRING_LIST, 0,
            "Session-level metrics to record, by the names in docs/metrics.md; the default lists every one. "
                    + "Empty records none. Metrics are kept only when a meter registry is given."),
    METRICS_NODE_ENABLED("advanced.metrics.node.enabled", OptionType.STRING_LIST, 0,
            "Per-node metrics to record, by the names in docs/metrics.md (each multiplies by the number of "
                    + "nodes); empty records none."),
    METRICS_SESSION_NAME("advanced.metrics.session-name", OptionType.STRING, 0,
            "The value of every meter's `session` tag; unset names sessions s0, s1, ... in the order they open."),
    METRICS_LATENCY_HISTOGRAM("advanced.metrics.session.cql-requests.histogram", OptionType.BOOLEAN, 0,
            "Whether the request timer publishes a percentile histogram (for percentiles across instances)."),
    REQUEST_LOGGER_ENABLED("advanced.request-logger.enabled", OptionType.BOOLEAN, 0,
            "Whether requests are logged (slow ones always, failed and successful ones as set below), "
                    + "once each, on the logger `io.reactivecql.requests`."),
    REQUEST_LOGGER_SLOW_THRESHOLD("advanced.request-logger.slow-threshold", OptionType.DURATION,
            1, Long.MAX_VALUE, 0, "Requests slower than this are logged as slow, at WARN."),
    REQUEST_LOGGER_LOG_ERRORS("advanced.request-logger.log-errors", OptionType.BOOLEAN, 0,
            "Whether failed requests are logged, at WARN."),
    REQUEST_LOGGER_LOG_SUCCESS("advanced.request-logger.log-success", OptionType.BOOLEAN, 0,
            "Whether every successful request is logged, at DEBUG (never at INFO: that is the hot path)."),
    REQUEST_LOGGER_MAX_QUERY_LENGTH("advanced.request-logger.max-query-length", OptionType.INTEGER,
            1, Integer.MAX_VALUE, 0, "Characters of the query text a log line shows; longer queries are cut."),
    REQUEST_LOGGER_SHOW_VALUES("advanced.request-logger.show-values", OptionType.BOOLEAN, 0,
            "Whether log lines show the bound values (off by default: values may be sensitive)."),
    REQUEST_LOGGER_MAX_VALUES("advanced.request-logger.max-values", OptionType.INTEGER, 0, Integer.MAX_VALUE, 0,
            "Bound values a log line shows at most."),
    REQUEST_LOGGER_MAX_VALUE_LENGTH("advanced.request-logger.max-value-length", OptionType.INTEGER,
            1, Integer.MAX_VALUE, 0, "Characters of each bound value a log line shows."),
    REQUEST_LOGGER_SHOW_STACK_TRACES("advanced.request-logger.show-stack-traces", OptionType.BOOLEAN, 0,
            "Whether a failed request's line carries the stack trace (else the exception's message)."),
    REQUEST_LOGGER_CONTEXT_KEYS("advanced.request-logger.context-keys", OptionType.STRING_LIST, 0,
            "Keys of the subscriber's Reactor Context copied into the SLF4J MDC while a line is written."),
    REQUEST_LOGGER_SERVER_WARNINGS("advanced.request-logger.server-warnings", OptionType.BOOLEAN, 0,
            "Whether the warnings a node returns with an answer are logged, once per request, at WARN on "
                    + "`io.reactivecql.warnings` (independent of `advanced.request-logger.enabled`).");

    /** Option flags (a nested class: enum constants may not read the enum's own static fields). */
    private static final class F {
        static final int PROFILE = 1;
        static final int RELOADABLE = 2;
        static final int SENSITIVE = 4;
    }

    private static final Map<String, DriverOption> BY_PATH = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(DriverOption::path, Function.identity()));

    private final String path;
    private final OptionType type;
    private final long min;
    private final long max;
    private final List<String> choices;
    private final int flags;
    private final String description;

    DriverOption(String path, OptionType type, int flags, String description) {
        this(path, type, Long.MIN_VALUE, Long.MAX_VALUE, List.of(), flags, description);
    }

    DriverOption(String path, OptionType type, long min, long max, int flags, String description) {
        this(path, type, min, max, List.of(), flags, description);
    }

    DriverOption(String path, List<String> choices, int flags, String description) {
        this(path, OptionType.CHOICE, Long.MIN_VALUE, Long.MAX_VALUE, choices, flags, description);
    }

    DriverOption(String path, OptionType type, long min, long max, List<String> choices, int flags,
                 String description) {
        this.path = path;
        this.type = type;
        this.min = min;
        this.max = max;
        this.choices = choices;
        this.flags = flags;
        this.description = description;
    }

    /** The option's key, such as {@code basic.request.timeout}. */
    public String path() {
        return path;
    }

    public OptionType type() {
        return type;
    }

    /**
     * The smallest value allowed: for {@link OptionType#INTEGER} the integer; for
     * {@link OptionType#DURATION} 0 (zero allowed) or 1 (must be positive); else unused.
     */
    public long min() {
        return min;
    }

    /** The largest value allowed ({@link OptionType#INTEGER} only). */
    public long max() {
        return max;
    }

    /** The values allowed for a {@link OptionType#CHOICE} option (empty for the others). */
    public List<String> choices() {
        return choices;
    }

    /** Whether an execution profile ({@code profiles.<name>.<path>}) may set the option. */
    public boolean isProfileOption() {
        return (flags & F.PROFILE) != 0;
    }

    /** Whether a configuration reload applies a new value to a running session. */
    public boolean isReloadable() {
        return (flags & F.RELOADABLE) != 0;
    }

    /** Whether the value must never be logged. */
    public boolean isSensitive() {
        return (flags & F.SENSITIVE) != 0;
    }

    /** What the option does, in Markdown. */
    public String description() {
        return description;
    }

    /**
     * The default as written in the bundled reference file, or empty when the option has none
     * (it is then unset unless configured). Reads the reference file on first use (blocking once:
     * do not call first on an event loop).
     */
    public Optional<String> defaultValue() {
        return ReferenceConfig.defaultText(this);
    }

    /** The option of this path, if any. */
    public static Optional<DriverOption> byPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }
}
