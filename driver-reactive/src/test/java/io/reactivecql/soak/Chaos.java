package io.reactivecql.soak;

import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.CassandraNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The chaos loop of the soak, on a thread of its own (it blocks: node control waits): every
 * {@code pause} it takes one node down in one of three ways, in turn: SIGKILL then start, SIGSTOP
 * then SIGCONT, SIGTERM then start, rotating over the nodes; the node stays down for {@code downFor}
 * and the loop waits until the cluster is ready again. One node at a time, so a QUORUM of replicas
 * always stays.
 */
final class Chaos implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Chaos.class);

    enum Action { KILL, PAUSE, STOP }

    /** What happened to which node when, and how long it took to get the cluster ready again. */
    record Event(long atMillis, Action action, int node, long downMillis, long recoveryMillis) {
    }

    private final CassandraCluster cluster;
    private final Duration pause;
    private final Duration downFor;
    private final long start = System.nanoTime();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;
    private volatile Throwable failure;

    Chaos(CassandraCluster cluster, Duration pause, Duration downFor) {
        this.cluster = cluster;
        this.pause = pause;
        this.downFor = downFor;
    }

    @Override
    public void run() {
        Action[] actions = Action.values();
        int round = 0;
        try {
            while (!sleepUnlessStopped(pause)) {
                Action action = actions[round % actions.length];
                int id = round % cluster.size() + 1;
                round++;
                hit(cluster.node(id), action);
            }
        } catch (Throwable t) {
            failure = t;
            LOG.error("chaos loop failed", t);
        }
    }

    private void hit(CassandraNode node, Action action) {
        long at = elapsedMillis();
        LOG.info("chaos: {} node {}", action, node.id());
        switch (action) {
            case KILL -> node.kill();
            case PAUSE -> node.pause();
            case STOP -> node.stop();
        }
        sleepUnlessStopped(downFor); // back up even when the soak ends meanwhile
        long down = elapsedMillis() - at;
        long back = System.nanoTime();
        if (action == Action.PAUSE) {
            node.resume();
        } else {
            node.start();
        }
        cluster.awaitReady();
        long recovery = (System.nanoTime() - back) / 1_000_000;
        events.add(new Event(at, action, node.id(), down, recovery));
        LOG.info("chaos: node {} back after {} ms down, {} ms to ready", node.id(), down, recovery);
    }

    /** Sleeps; true when the loop was stopped meanwhile. */
    private boolean sleepUnlessStopped(Duration d) {
        long until = System.nanoTime() + d.toNanos();
        while (!stopped && System.nanoTime() < until) {
            try {
                Thread.sleep(Math.min(200, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return stopped;
    }

    private long elapsedMillis() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    void stop() {
        stopped = true;
    }

    List<Event> events() {
        return new ArrayList<>(events);
    }

    Throwable failure() {
        return failure;
    }
}
