package io.reactivecql.stub;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything the connections of one node share: its settings, script, prepared statements, what
 * it observed, who it is and who its peers are. Survives {@link StubNode#restart()}.
 */
final class NodeContext {

    private static final Logger log = LoggerFactory.getLogger(StubNode.class);

    final NodeConfig config;
    final Script script;
    final Activity activity = new Activity();
    final PreparedStatements prepared = new PreparedStatements();
    final Responder responder;
    final AtomicInteger connectionIds = new AtomicInteger();
    final ConcurrentHashMap<Integer, StubConnection> connections = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Throwable> problems = new ConcurrentLinkedQueue<>();

    /** Who this node is; its address is the bound one once started. */
    volatile NodeInfo local;
    /** EXECUTEs answered from pre-encoded bytes ({@link StubNode#answerInstantly}). */
    volatile InstantAnswers instant = InstantAnswers.NONE;
    /** The rows of system.peers / peers_v2. */
    volatile List<NodeInfo> peers;

    NodeContext(NodeConfig config, NodeInfo local, List<NodeInfo> peers) {
        this.config = config;
        this.local = local;
        this.peers = List.copyOf(peers);
        this.script = new Script(this::problem);
        this.responder = new Responder(this);
    }

    /**
     * Records something that should not happen in a well-behaved test: bytes from the client the
     * stub could not decode, a message out of order, an exception in the stub itself. Logged at
     * debug only: console output from an event loop is a blocking call.
     */
    void problem(Throwable problem) {
        problems.add(problem);
        log.debug("stub node {}: {}", local.address(), problem.toString());
    }

    List<Throwable> problems() {
        return new ArrayList<>(problems);
    }

    void clearProblems() {
        problems.clear();
    }
}
