package io.reactivecql.internal.control;

import io.reactivecql.api.metadata.AddressTranslator;
import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.metadata.NodeStateEvent;
import io.reactivecql.api.policy.lb.LoadBalancingPolicy;
import io.reactivecql.api.policy.reconnection.ReconnectionPolicy;
import io.reactivecql.api.routing.ReplicaLocator;
import io.reactivecql.internal.connection.ConnectionConfig;
import io.reactivecql.internal.connection.ConnectionFactory;
import io.reactivecql.internal.pool.ClusterPlanner;
import io.reactivecql.internal.pool.ConnectionPool;
import io.reactivecql.internal.pool.PoolManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The cluster client: control connection, node state, pools and the load-balancing policy, wired
 * together; a timer (Reactor's parallel scheduler, every {@link #CHECK_INTERVAL}) notices closed
 * control and pool connections.
 */
public final class DefaultClusterRuntime implements ClusterRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultClusterRuntime.class);
    static final Duration CHECK_INTERVAL = Duration.ofMillis(200);

    private final ClusterState state;
    private final ControlConnection control;
    private final PoolManager pools;
    private final LoadBalancingPolicy policy;
    private final String localDatacenter;
    private volatile Disposable monitor;

    /**
     * @param config the connection settings for a list of event types (empty for pool connections)
     */
    public DefaultClusterRuntime(ConnectionFactory factory, Function<List<String>, ConnectionConfig> config,
                                 LoadBalancingPolicy policy, ReconnectionPolicy reconnection,
                                 AddressTranslator translator, ReplicaLocator locator, String localDatacenter,
                                 int localPoolSize, int remotePoolSize) {
        this.state = new ClusterState(locator);
        this.policy = policy;
        this.localDatacenter = localDatacenter;
        this.pools = new PoolManager(state, policy, reconnection, factory, () -> config.apply(List.of()),
                localPoolSize, remotePoolSize);
        this.control = new ControlConnection(factory, config, state, translator, reconnection, pools::upEvent);
    }

    /** Discovers the cluster from {@code contactPoints}, initialises the policy, opens the pools. */
    public Mono<Void> init(List<InetSocketAddress> contactPoints) {
        return control.init(contactPoints)
                .then(Mono.fromRunnable(() -> {
                    policy.init(new PolicyContext());
                    state.listener(pools);
                }))
                .then(pools.init())
                .doOnSuccess(v -> monitor = Flux.interval(CHECK_INTERVAL, Schedulers.parallel())
                        .subscribe(t -> {
                            try {
                                control.check();
                                pools.check();
                            } catch (RuntimeException e) {
                                LOG.warn("cluster check failed", e);
                            }
                        }))
                .onErrorResume(e -> close().then(Mono.error(e)));
    }

    /** The query planner of this cluster. */
    public ClusterPlanner planner() {
        return new ClusterPlanner(policy, pools);
    }

    public ControlConnection control() {
        return control;
    }

    public PoolManager poolManager() {
        return pools;
    }

    @Override
    public Collection<ConnectionPool> pools() {
        return pools.pools();
    }

    @Override
    public List<Node> nodes() {
        return state.nodes();
    }

    @Override
    public Flux<NodeStateEvent> events() {
        return state.events();
    }

    @Override
    public Optional<ControlChannel> controlChannel() {
        return Optional.of(control);
    }

    @Override
    public Mono<Void> close() {
        return Mono.defer(() -> {
            Disposable m = monitor;
            if (m != null) {
                m.dispose();
            }
            return control.close().then(pools.close()).doFinally(s -> state.complete());
        });
    }

    @Override
    public String toString() {
        return state.nodes().size() + " nodes, control on " + control.endpoint();
    }

    /** What the policy sees. */
    private final class PolicyContext implements LoadBalancingPolicy.Context {
        @Override
        public List<Node> nodes() {
            return state.nodes();
        }

        @Override
        public List<Node> contactNodes() {
            return state.contactNodes();
        }

        @Override
        public String localDatacenter() {
            return localDatacenter;
        }

        @Override
        public ReplicaLocator replicaLocator() {
            return state.replicaLocator();
        }

        @Override
        public int inFlight(Node node) {
            return pools.inFlight(node.endpoint());
        }

        @Override
        public long unansweredNanos(Node node) {
            return pools.unansweredNanos(node.endpoint());
        }
    }
}
