package io.reactivecql.internal.request;

import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.protocol.ConsistencyLevel;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a request shows its {@link RequestTracker}, and the per-request events: the request
 * handler's exchange extends it. No allocation beyond the exchange itself; the start, end and
 * server-warning events are reported once each.
 */
abstract class TrackedExchange implements InstrumentedRequest {

    private static final AtomicIntegerFieldUpdater<TrackedExchange> ENDED =
            AtomicIntegerFieldUpdater.newUpdater(TrackedExchange.class, "ended");

    private final RequestTracker tracker;
    // read by the subclasses too (one copy of each per request)
    final RequestTracker.Kind kind;
    final Statement<?> statement;
    private final int page;
    final String keyspace;
    private final ConsistencyLevel consistency;
    private final ContextView context;
    private long startNanos;
    private volatile int ended;
    private volatile Object attachment;

    TrackedExchange(RequestTracker tracker, RequestTracker.Kind kind, Statement<?> statement, int page,
                    String keyspace, ConsistencyLevel consistency, ContextView context) {
        this.tracker = tracker;
        this.kind = kind;
        this.statement = statement;
        this.page = kind == RequestTracker.Kind.PREPARE ? 0 : page;
        this.keyspace = keyspace;
        this.consistency = kind == RequestTracker.Kind.PREPARE ? null : consistency;
        this.context = context;
    }

    /** The node tried last, or null. */
    abstract InetSocketAddress lastNode();

    @Override
    public RequestTracker.Kind kind() {
        return kind;
    }

    @Override
    public Statement<?> statement() {
        return statement;
    }

    @Override
    public int page() {
        return page;
    }

    @Override
    public String keyspace() {
        return keyspace;
    }

    @Override
    public ConsistencyLevel consistency() {
        return consistency;
    }

    @Override
    public ContextView context() {
        return context;
    }

    @Override
    public Object attachment() {
        return attachment;
    }

    @Override
    public void attach(Object value) {
        attachment = value;
    }

    /** This request as trackers see what is sent now: the PREPARE before retrying an UNPREPARED one is another kind. */
    RequestTracker.TrackedRequest as(RequestTracker.Kind sentKind) {
        return sentKind == kind ? this : new Reprepare(this);
    }

    /** Reports the start: call before the throttling wait, which the request's latency includes. */
    void started() {
        startNanos = System.nanoTime();
        tracker.onRequestStart(this);
    }

    /** {@code run}, reporting the request's end once (a cancel may follow the success). */
    <T> Mono<T> tracked(Mono<T> run, Function<T, InetSocketAddress> coordinator) {
        return run.doOnSuccess(answer -> succeeded(coordinator.apply(answer)))
                .doOnError(this::failed)
                .doOnCancel(() -> failed(new CancellationException("cancelled")));
    }

    /** Reports the request's success, unless its end was reported already. */
    final void succeeded(InetSocketAddress coordinator) {
        if (ENDED.compareAndSet(this, 0, 1)) {
            tracker.onRequestSuccess(this, coordinator, System.nanoTime() - startNanos);
        }
    }

    /** Reports the request's failure (or cancellation), unless its end was reported already. */
    final void failed(Throwable error) {
        if (ENDED.compareAndSet(this, 0, 1)) {
            tracker.onRequestError(this, lastNode(), error, System.nanoTime() - startNanos);
        }
    }

    /** A write of this request (as {@code sent}) to {@code node}: reports it, and starts its clock. */
    NodeAttempt attempt(RequestTracker.TrackedRequest sent, InetSocketAddress node) {
        tracker.onRequestSent(sent, node);
        return new NodeAttempt(sent, node);
    }

    /**
     * One attempt on a node: its failure or cancellation is reported once, and a cancellation that
     * reaches it after the node answered (operators cancel upstream once done) is not one.
     */
    final class NodeAttempt implements Runnable, Consumer<Throwable> {
        private final RequestTracker.TrackedRequest sent;
        private final InetSocketAddress node;
        private final long start = System.nanoTime();
        private volatile boolean over;

        private NodeAttempt(RequestTracker.TrackedRequest sent, InetSocketAddress node) {
            this.sent = sent;
            this.node = node;
        }

        /** The node answered (the caller reports how); returns when the attempt started. */
        long answered() {
            over = true;
            return start;
        }

        /** Cancelled before the answer. */
        @Override
        public void run() {
            if (!over) {
                over = true;
                tracker.onError(sent, node, new CancellationException("cancelled"), System.nanoTime() - start);
            }
        }

        /** Failed before an answer (connection closed, busy, protocol violation...). */
        @Override
        public void accept(Throwable error) {
            if (!over) {
                over = true;
                tracker.onError(sent, node, error, System.nanoTime() - start);
            }
        }
    }

    /** Reports the warnings of the answer that ends the request, if it has any. */
    void warnings(InetSocketAddress coordinator, List<String> warnings) {
        if (!warnings.isEmpty()) {
            tracker.onServerWarnings(this, coordinator, warnings);
        }
    }

    /** A PREPARE sent outside any request's plan (to every node, or to a node back up), as trackers see it. */
    static RequestTracker.TrackedRequest prepare(Statement<?> statement, String keyspace, ContextView context) {
        return new Standalone(RequestTracker.Kind.PREPARE, statement, 0, keyspace, null, context);
    }

    private record Standalone(RequestTracker.Kind kind, Statement<?> statement, int page, String keyspace,
                              ConsistencyLevel consistency, ContextView context)
            implements RequestTracker.TrackedRequest {
    }

    /** The PREPARE a request sends again after an UNPREPARED answer, as trackers see it. */
    private record Reprepare(RequestTracker.TrackedRequest request) implements RequestTracker.TrackedRequest {
        @Override
        public RequestTracker.Kind kind() {
            return RequestTracker.Kind.PREPARE;
        }

        @Override
        public Statement<?> statement() {
            return request.statement();
        }

        @Override
        public int page() {
            return 0;
        }

        @Override
        public String keyspace() {
            return request.keyspace();
        }

        @Override
        public ConsistencyLevel consistency() {
            return null;
        }

        @Override
        public ContextView context() {
            return request.context();
        }
    }
}
