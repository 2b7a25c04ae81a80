package io.reactivecql.schema.internal;

import io.reactivecql.api.extension.ControlChannel;
import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.routing.ReplicaLocator;
import io.reactivecql.protocol.response.event.SchemaChangeEvent;
import io.reactivecql.schema.api.ElementKind;
import io.reactivecql.schema.api.KeyspaceMetadata;
import io.reactivecql.schema.api.Metadata;
import io.reactivecql.schema.api.SchemaConfig;
import io.reactivecql.schema.api.SchemaMetadataManager;
import io.reactivecql.schema.api.SessionMetadata;
import io.reactivecql.schema.api.token.NodeTokens;
import io.reactivecql.schema.api.token.TokenMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The schema metadata and token map of one session, fed by its control connection. The token map
 * is rebuilt (off the event loops, the latest trigger winning when several queue up) when a
 * discovery refresh changes the ring (a node's tokens, datacenter or rack, nodes added or removed)
 * and when a keyspace is created, altered or dropped; a rebuild that fails keeps the previous map.
 */
final class DefaultSessionMetadata implements SessionMetadata {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultSessionMetadata.class);

    private final ControlChannel control;
    private final DefaultSchemaMetadataManager manager;
    private final boolean tokenAware;
    private final AtomicReference<TokenMap<Node>> tokenMap = new AtomicReference<>();
    private final Disposable.Composite subscriptions = Disposables.composite();
    /** The ring the current token map was built from (endpoint to tokens, datacenter and rack). */
    private volatile Map<InetSocketAddress, NodeTokens> ring = Map.of();
    private volatile String partitioner;

    private DefaultSessionMetadata(ControlChannel control, SchemaConfig config, boolean tokenAware) {
        this.control = control;
        this.tokenAware = tokenAware;
        this.manager = new DefaultSchemaMetadataManager(control::query,
                control.schemaChanges().map(SchemaChangeEvent::new), config);
    }

    /** Loads the schema, builds the first token map and follows the control connection. */
    static Mono<SessionMetadata> start(ControlChannel control, SchemaConfig config, boolean tokenAware) {
        return Mono.defer(() -> {
            DefaultSessionMetadata m = new DefaultSessionMetadata(control, config, tokenAware);
            return m.manager.start()
                    .onErrorResume(e -> {
                        // the session is usable without it: later refreshes (events, reconnection) retry
                        LOG.warn("the first schema metadata load failed; the schema snapshot stays empty for now", e);
                        return Mono.empty();
                    })
                    .then(tokenAware ? m.readPartitioner() : Mono.empty())
                    // the first map before connect() emits the session: its first requests are routed
                    .then(tokenAware ? Mono.fromRunnable(m::rebuild).subscribeOn(Schedulers.parallel()) : Mono.empty())
                    .then(Mono.fromRunnable(m::follow))
                    .thenReturn(m);
        });
    }

    private Mono<Void> readPartitioner() {
        return control.query("SELECT partitioner FROM system.local WHERE key = 'local'")
                .next()
                .doOnNext(row -> partitioner = row.getString(0))
                .onErrorResume(e -> {
                    LOG.warn("could not read the partitioner; token-aware routing waits for the next try: {}",
                            e.toString());
                    return Mono.empty();
                })
                .then();
    }

    private void follow() {
        subscriptions.add(control.reconnections()
                .concatMap(endpoint -> manager.refresh().then(partitioner == null ? readPartitioner() : Mono.empty())
                        .onErrorResume(e -> Mono.empty()))
                .subscribe(v -> { }, e -> LOG.debug("control reconnections ended: {}", e.toString())));
        if (!tokenAware) {
            return;
        }
        control.replicaLocator(new ReplicaLocator() {
            @Override
            public List<Node> replicas(String keyspace, java.nio.ByteBuffer routingKey) {
                TokenMap<Node> map = tokenMap.get();
                return map == null ? List.of() : map.replicas(keyspace, routingKey);
            }
        });
        Flux<Object> triggers = Flux.merge(
                Flux.just("follow"), // a refresh between the first build and these subscriptions
                control.topology(),
                control.reconnections(),
                manager.changes().filter(c -> c.kind() == ElementKind.KEYSPACE));
        subscriptions.add(triggers
                .onBackpressureLatest()
                .publishOn(Schedulers.parallel(), 1)
                .subscribe(t -> rebuild(), e -> LOG.debug("token map triggers ended: {}", e.toString())));
    }

    /** Builds a new token map from the current nodes and keyspaces; keeps the old one on error. */
    private void rebuild() {
        String partitionerName = partitioner;
        if (partitionerName == null) {
            return;
        }
        Map<InetSocketAddress, NodeTokens> newRing = new HashMap<>();
        Map<Node, NodeTokens> nodes = new HashMap<>();
        Node local = null;
        InetSocketAddress controlNode = control.endpoint().orElse(null);
        for (Node n : control.nodes()) {
            if (n.tokens().isEmpty()) {
                continue;
            }
            NodeTokens t = new NodeTokens(n.datacenter(), n.rack(), n.tokens());
            newRing.put(n.endpoint(), t);
            nodes.put(n, t);
            if (n.endpoint().equals(controlNode)) {
                local = n;
            }
        }
        if (nodes.isEmpty()) {
            return;
        }
        Map<String, Map<String, String>> replication = replication(manager.current());
        TokenMap<Node> old = tokenMap.get();
        try {
            TokenMap<Node> updated = old != null && newRing.equals(ring)
                    ? old.withKeyspaces(replication)
                    : TokenMap.build(partitionerName, nodes, replication, local);
            ring = Map.copyOf(newRing);
            tokenMap.set(updated);
        } catch (RuntimeException e) {
            LOG.warn("could not build the token map; token-aware routing keeps the previous one: {}", e.toString());
        }
    }

    private static Map<String, Map<String, String>> replication(Metadata metadata) {
        Map<String, Map<String, String>> out = new HashMap<>();
        for (KeyspaceMetadata ks : metadata.keyspaces().values()) {
            if (!ks.virtual() && ks.replication() != null && !ks.replication().isEmpty()) {
                out.put(ks.name(), ks.replication());
            }
        }
        return out;
    }

    @Override
    public SchemaMetadataManager schema() {
        return manager;
    }

    @Override
    public Optional<TokenMap<Node>> tokenMap() {
        return Optional.ofNullable(tokenMap.get());
    }

    @Override
    public Mono<Void> close() {
        return Mono.defer(() -> {
            subscriptions.dispose();
            if (tokenAware) {
                control.replicaLocator(ReplicaLocator.NONE);
            }
            return manager.close();
        });
    }

    @Override
    public String toString() {
        return "SessionMetadata[" + control + ", keyspaces=" + manager.current().keyspaces().size()
                + ", tokenMap=" + (tokenMap.get() != null) + "]";
    }
}
