package io.reactivecql.internal.policy.lb;

import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.metadata.NodeDistance;
import io.reactivecql.api.policy.lb.LoadBalancingPolicy;
import io.reactivecql.api.statement.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Local datacenter first (its local rack first when one is set), round robin inside each group,
 * then (optionally) the remote datacenters. The local datacenter is the one given, else the
 * builder's, else the datacenter of the first contact point that turned out to be a node.
 */
public final class DcAwarePolicy implements LoadBalancingPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(DcAwarePolicy.class);

    private final String configuredDc;
    private final String localRack;
    private final boolean useRemoteNodes;
    private final AtomicInteger counter = new AtomicInteger();
    /** The filter of the usual plan, made once (a lambda per plan captured this). */
    private final java.util.function.Predicate<Node> upAndLocal = n -> n.isUp() && isLocal(n);
    private volatile Context context;
    private volatile String localDc;

    public DcAwarePolicy(String localDc, String localRack, boolean useRemoteNodes) {
        this.configuredDc = localDc;
        this.localRack = localRack;
        this.useRemoteNodes = useRemoteNodes;
    }

    @Override
    public void init(Context ctx) {
        this.context = ctx;
        String dc = configuredDc != null ? configuredDc : ctx.localDatacenter();
        if (dc == null) {
            dc = ctx.contactNodes().stream().map(Node::datacenter).filter(Objects::nonNull).findFirst().orElse(null);
            if (dc != null) {
                LOG.info("no local datacenter configured: using {}, the contact points' datacenter", dc);
            }
        }
        this.localDc = dc;
    }

    /** The local datacenter in use, or null when none is known (every node is then local). */
    public String localDatacenter() {
        return localDc;
    }

    @Override
    public NodeDistance distance(Node node) {
        if (isLocal(node)) {
            return NodeDistance.LOCAL;
        }
        return useRemoteNodes ? NodeDistance.REMOTE : NodeDistance.IGNORED;
    }

    private boolean isLocal(Node node) {
        String dc = localDc;
        return dc == null || dc.equals(node.datacenter());
    }

    private boolean isLocalRack(Node node) {
        return localRack.equals(node.rack());
    }

    @Override
    public Iterator<Node> newQueryPlan(Statement<?> statement, String keyspace, ByteBuffer routingKey) {
        var nodes = context.nodes();
        int start = counter.getAndIncrement();
        Iterator<Node> local;
        if (localRack == null) {
            local = Plans.rotating(nodes, start, upAndLocal);
        } else {
            local = Plans.concat(Plans.rotating(nodes, start, n -> n.isUp() && isLocal(n) && isLocalRack(n)),
                    () -> Plans.rotating(nodes, start, n -> n.isUp() && isLocal(n) && !isLocalRack(n)));
        }
        if (!useRemoteNodes) {
            return local;
        }
        return Plans.concat(local, () -> Plans.rotating(nodes, start, n -> n.isUp() && !isLocal(n)));
    }

    /** The configuration (for logs): local datacenter (configured or found), rack, remote nodes. */
    @Override
    public String toString() {
        return "DcAwarePolicy[localDc=" + (localDc != null ? localDc : configuredDc) + ", localRack=" + localRack
                + ", useRemoteNodes=" + useRemoteNodes + "]";
    }
}
