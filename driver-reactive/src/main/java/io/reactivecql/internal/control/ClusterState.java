package io.reactivecql.internal.control;

import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.metadata.NodeState;
import io.reactivecql.api.metadata.NodeStateEvent;
import io.reactivecql.api.routing.ReplicaLocator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The nodes as an immutable snapshot (a list ordered by address) in an {@link AtomicReference};
 * every change makes a new snapshot and emits {@link NodeStateEvent}s through a {@link Sinks.Many}
 * (best effort, hot: subscribers see the changes after they subscribed). A {@link Listener} (the
 * pools) is told of additions and removals synchronously.
 */
public final class ClusterState {

    /** Told of nodes added and removed by a refresh. */
    public interface Listener {
        void nodeAdded(Node node);

        void nodeRemoved(Node node);
    }

    private static final Comparator<Node> ORDER = Comparator.comparing(n -> n.endpoint().toString());

    private final AtomicReference<List<Node>> nodes = new AtomicReference<>(List.of());
    private final Sinks.Many<NodeStateEvent> events = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<List<Node>> refreshes = Sinks.many().multicast().directBestEffort();
    private final AtomicReference<ReplicaLocator> locator;
    private volatile List<Node> contactNodes = List.of();
    private volatile Listener listener;

    public ClusterState(ReplicaLocator locator) {
        this.locator = new AtomicReference<>(locator == null ? ReplicaLocator.NONE : locator);
    }

    public void listener(Listener l) {
        this.listener = l;
    }

    public List<Node> nodes() {
        return nodes.get();
    }

    /** The current snapshot of the node at {@code endpoint}, or null. */
    public Node node(InetSocketAddress endpoint) {
        for (Node n : nodes.get()) {
            if (n.endpoint().equals(endpoint)) {
                return n;
            }
        }
        return null;
    }

    public List<Node> contactNodes() {
        return contactNodes;
    }

    void contactNodes(List<Node> contacts) {
        this.contactNodes = List.copyOf(contacts);
    }

    public ReplicaLocator replicaLocator() {
        return locator.get();
    }

    public void replicaLocator(ReplicaLocator l) {
        locator.set(l == null ? ReplicaLocator.NONE : l);
    }

    public Flux<NodeStateEvent> events() {
        return events.asFlux();
    }

    /** Hot: the node snapshot after each {@link #update}. */
    public Flux<List<Node>> refreshes() {
        return refreshes.asFlux();
    }

    /**
     * Replaces the node list with what discovery found: known nodes keep their state (their other
     * fields are refreshed), new ones are ADDED in state UNKNOWN, missing ones REMOVED.
     */
    public void update(List<Node> discovered) {
        Map<InetSocketAddress, Node> found = new LinkedHashMap<>();
        for (Node n : discovered) {
            found.put(n.endpoint(), n);
        }
        List<Node> added = new ArrayList<>();
        List<Node> removed = new ArrayList<>();
        List<Node> before;
        List<Node> after;
        do {
            added.clear();
            removed.clear();
            before = nodes.get();
            List<Node> next = new ArrayList<>(found.size());
            for (Node n : found.values()) {
                Node old = find(before, n.endpoint());
                if (old == null) {
                    added.add(n);
                    next.add(n.withState(NodeState.UNKNOWN));
                } else {
                    next.add(n.withState(old.state()));
                }
            }
            for (Node old : before) {
                if (!found.containsKey(old.endpoint())) {
                    removed.add(old);
                }
            }
            next.sort(ORDER);
            after = List.copyOf(next);
        } while (!nodes.compareAndSet(before, after));
        Listener l = listener;
        for (Node n : added) {
            emit(new NodeStateEvent(NodeStateEvent.Type.ADDED, find(after, n.endpoint())));
            if (l != null) {
                l.nodeAdded(find(after, n.endpoint()));
            }
        }
        for (Node n : removed) {
            emit(new NodeStateEvent(NodeStateEvent.Type.REMOVED, n));
            if (l != null) {
                l.nodeRemoved(n);
            }
        }
        synchronized (refreshes) {
            refreshes.tryEmitNext(nodes.get());
        }
    }

    /** Sets a node's state; emits UP or DOWN when it changed to one of those. Returns the new snapshot or null. */
    public Node state(InetSocketAddress endpoint, NodeState state) {
        Node changed = change(endpoint, n -> n.withState(state));
        if (changed != null && state != NodeState.UNKNOWN) {
            emit(new NodeStateEvent(state == NodeState.UP ? NodeStateEvent.Type.UP : NodeStateEvent.Type.DOWN,
                    changed));
        }
        return changed;
    }

    /** Applies {@code f} to the node; the new snapshot when it changed, else null. */
    private Node change(InetSocketAddress endpoint, UnaryOperator<Node> f) {
        while (true) {
            List<Node> before = nodes.get();
            int i = indexOf(before, endpoint);
            if (i < 0) {
                return null;
            }
            Node old = before.get(i);
            Node updated = f.apply(old);
            if (updated.state() == old.state()) {
                return null;
            }
            List<Node> next = new ArrayList<>(before);
            next.set(i, updated);
            if (nodes.compareAndSet(before, List.copyOf(next))) {
                return updated;
            }
        }
    }

    private void emit(NodeStateEvent event) {
        synchronized (events) { // serialises emissions from several threads; never held across I/O
            events.tryEmitNext(event);
        }
    }

    private static Node find(List<Node> list, InetSocketAddress endpoint) {
        int i = indexOf(list, endpoint);
        return i < 0 ? null : list.get(i);
    }

    private static int indexOf(List<Node> list, InetSocketAddress endpoint) {
        for (int i = 0; i < list.size(); i++) {
            if (Objects.equals(list.get(i).endpoint(), endpoint)) {
                return i;
            }
        }
        return -1;
    }

    void complete() {
        synchronized (events) {
            events.tryEmitComplete();
        }
        synchronized (refreshes) {
            refreshes.tryEmitComplete();
        }
    }
}
