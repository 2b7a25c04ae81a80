package io.reactivecql.internal.request;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.codec.CodecRegistry;
import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.profile.RequestPolicies;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.internal.policy.throttling.ConcurrencyLimiter;
import io.reactivecql.protocol.ProtocolVersion;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What every request of one session shares: settings, codecs, the request tracker, the timestamp
 * generator, the query planner, the protocol version, the request policies (retry, speculative
 * executions, execution profiles), the request throttler and the session's current keyspace.
 * Immutable but for the keyspace, which a {@code USE} changes, and the settings and request
 * policies, which a configuration reload replaces ({@link #reconfigure}) as one unit.
 */
public final class SessionContext {

    private static final RequestTracker NO_TRACKER = new LightweightTracker() {
    };

    /** The settings and request policies, swapped together by a reload. */
    private volatile Live live;
    private final CodecRegistry registry;
    private final RequestTracker tracker;
    /** Whether the tracker wants the per-request events (else they are neither timed nor sent). */
    private final boolean tracksRequests;
    private final TimestampGenerator timestamps = new TimestampGenerator();
    private final ProtocolVersion version;
    private final AtomicReference<String> keyspace;
    private final QueryPlanner planner;
    private final Consumer<String> keyspaceListener;
    /** Null when throttling is disabled. */
    private final ConcurrencyLimiter limiter;
    /** The session's nodes (for schema agreement: down nodes cannot agree); set once the cluster is up. */
    private volatile Supplier<List<Node>> nodes = List::of;

    /**
     * @param keyspace         the session's keyspace holder (shared with the pools, which USE it on new
     *                         connections)
     * @param keyspaceListener told when a {@code USE} changed the session's keyspace (to switch the
     *                         other connections), or null
     */
    public SessionContext(DriverConfig config, CodecRegistry registry, RequestTracker tracker, ProtocolVersion version,
                          AtomicReference<String> keyspace, QueryPlanner planner, Consumer<String> keyspaceListener) {
        this(config, registry, tracker, version, keyspace, planner, keyspaceListener, RequestPolicies.defaults());
    }

    /** As the other constructor, with these request policies (null: the defaults). */
    public SessionContext(DriverConfig config, CodecRegistry registry, RequestTracker tracker, ProtocolVersion version,
                          AtomicReference<String> keyspace, QueryPlanner planner, Consumer<String> keyspaceListener,
                          RequestPolicies policies) {
        RequestPolicies p = policies == null ? RequestPolicies.defaults() : policies;
        this.limiter = p.throttling().isEnabled()
                ? new ConcurrencyLimiter(p.throttling().maxConcurrentRequests(), p.throttling().maxQueueSize())
                : null;
        this.live = new Live(Objects.requireNonNull(config, "config"), p);
        this.registry = Objects.requireNonNull(registry, "registry");
        this.tracker = tracker == null ? NO_TRACKER : tracker;
        this.tracksRequests = !(this.tracker instanceof LightweightTracker);
        this.version = Objects.requireNonNull(version, "version");
        this.keyspace = Objects.requireNonNull(keyspace, "keyspace");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.keyspaceListener = keyspaceListener;
    }

    /**
     * The settings and request policies in force together, and the settings of statements that
     * set none of their own (resolved once: most statements are such).
     */
    private record Live(DriverConfig config, RequestPolicies policies, RequestSettings defaults) {
        Live(DriverConfig config, RequestPolicies policies) {
            this(config, policies, RequestSettings.defaults(config, policies));
        }
    }

    public DriverConfig config() {
        return live.config();
    }

    /**
     * Replaces the settings and the request policies (a configuration reload). Requests that
     * already resolved their settings keep them. The throttling stays as the session opened with
     * it: its limiter holds the requests in flight.
     */
    public void reconfigure(DriverConfig config, RequestPolicies policies) {
        Objects.requireNonNull(config, "config");
        this.live = new Live(config, policies.withThrottling(live.policies().throttling()));
    }

    public CodecRegistry registry() {
        return registry;
    }

    public RequestTracker tracker() {
        return tracker;
    }

    /** Whether the tracker wants the per-request events ({@link LightweightTracker}s do not). */
    boolean tracksRequests() {
        return tracksRequests;
    }

    /** Requests waiting for a throttling permit (0 when throttling is disabled). */
    public int throttlingQueueSize() {
        ConcurrencyLimiter l = limiter;
        return l == null ? 0 : l.queued();
    }

    public TimestampGenerator timestamps() {
        return timestamps;
    }

    public ProtocolVersion version() {
        return version;
    }

    public QueryPlanner planner() {
        return planner;
    }

    public RequestPolicies policies() {
        return live.policies();
    }

    /** The request throttler, or null when throttling is disabled. */
    ConcurrencyLimiter limiter() {
        return limiter;
    }

    /**
     * The settings {@code statement} executes with.
     *
     * @throws IllegalArgumentException when it names an execution profile the session does not have
     */
    RequestSettings settings(Statement<?> statement) {
        Live current = live;
        if (RequestSettings.setsNone(statement)) {
            return current.defaults();
        }
        return RequestSettings.resolve(current.config(), current.policies(), statement);
    }

    /**
     * The rows per page of {@code statement} (its own, its profile's or the session's); an unknown
     * profile counts as none here, and fails the execution itself.
     */
    public int pageSize(Statement<?> statement) {
        try {
            return settings(statement).pageSize();
        } catch (IllegalArgumentException e) {
            return statement.pageSize() != io.reactivecql.api.statement.StatementOptions.NOT_SET
                    ? statement.pageSize() : config().pageSize();
        }
    }

    /** Where the session's current node snapshot comes from. */
    public void nodes(Supplier<List<Node>> source) {
        this.nodes = Objects.requireNonNull(source, "source");
    }

    /** The host ids of the nodes known to be down now. */
    Set<UUID> downHostIds() {
        Set<UUID> down = new HashSet<>();
        for (Node n : nodes.get()) {
            if (!n.isUp() && n.hostId() != null) {
                down.add(n.hostId());
            }
        }
        return down;
    }

    /** The session's current keyspace, or null. */
    public String keyspace() {
        return keyspace.get();
    }

    /** A {@code USE} on some connection set the keyspace to {@code newKeyspace}. */
    void keyspaceChanged(String newKeyspace) {
        String old = keyspace.getAndSet(newKeyspace);
        if (!newKeyspace.equals(old) && keyspaceListener != null) {
            keyspaceListener.accept(newKeyspace);
        }
    }
}
