package io.reactivecql.internal.connection;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.SingleThreadEventLoop;
import io.netty.handler.codec.DecoderException;
import io.netty.util.concurrent.EventExecutor;
import io.reactivecql.api.errors.BusyConnectionException;
import io.reactivecql.api.errors.ConnectionClosedException;
import io.reactivecql.api.errors.DriverException;
import io.reactivecql.api.errors.ProtocolViolationException;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolException;
import io.reactivecql.protocol.request.Options;
import io.reactivecql.protocol.response.error.Overloaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The heart of a connection: stream ids, the in-flight table, the queue of requests waiting for an
 * id, and coalesced writes. Everything here runs on the channel's event loop, which is the only
 * reason it needs no locks; other threads reach it through {@code eventLoop.execute} and read only
 * the volatile counters.
 *
 * <p>How many requests are out at once is also bounded by an {@link OverloadWindow}: after OVERLOADED
 * answers, requests beyond it are refused ({@link BusyConnectionException}) rather than sent to a
 * node that cannot take them, so the session tries another node or the caller backs off.
 *
 * <p>A request is encoded when it gets its id, straight into {@link #batch}, a pooled buffer that
 * collects every envelope of one event-loop turn; one flush task per turn writes the batch (on v5
 * packed into as few outer frames as possible) and flushes once.
 */
final class InFlightHandler extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InFlightHandler.class);
    private static final int EVENT_BUFFER = 1024;
    /** A batch this large is written at once rather than at the end of the turn: bytes reach the wire sooner. */
    private static final int EAGER_FLUSH_BYTES = 256 * 1024;

    private final InetSocketAddress endpoint;
    private final WireFormat wire;
    private final TrafficCounter traffic;
    private final StreamIds ids;
    /** Request by stream id; grows with the ids handed out, up to maxStreamIds. */
    private PendingRequest[] table;
    private final ArrayDeque<PendingRequest> waiting = new ArrayDeque<>();
    private final int maxQueued;
    private final int orphanLimit;
    private final OverloadWindow window;
    private final Sinks.Many<Envelope> events = Sinks.many().multicast().onBackpressureBuffer(EVENT_BUFFER, false);
    private final Runnable flushTask = this::flushBatch;
    private final ChannelFutureListener writeListener = this::written;

    private ChannelHandlerContext ctx;
    /** Envelopes encoded since the last flush, or null. */
    private ByteBuf batch;
    private boolean flushScheduled;
    /** Queued entries that were cancelled but not yet dropped (removal from the deque is lazy). */
    private int cancelledWaiting;
    private int orphans;
    /** Non-null once closed: makes the error each pending or later request fails with. */
    private Supplier<DriverException> failure;

    // read from other threads; only the event loop writes them
    private volatile int inFlight;
    private volatile int queued;
    private volatile long orphanedAnswers;
    /** {@link #orphans}, for other threads. */
    private volatile int orphanedIds;
    private volatile long flushes;
    private volatile boolean closed;
    /** When the connection last made progress: an answer read, or its first request after being idle. */
    private volatile long progressNanos = System.nanoTime();

    InFlightHandler(InetSocketAddress endpoint, WireFormat wire, int maxStreamIds, int maxQueued) {
        this(endpoint, wire, maxStreamIds, maxQueued, TrafficCounter.NONE);
    }

    InFlightHandler(InetSocketAddress endpoint, WireFormat wire, int maxStreamIds, int maxQueued,
                    TrafficCounter traffic) {
        this.endpoint = endpoint;
        this.wire = wire;
        this.traffic = traffic;
        this.ids = new StreamIds(maxStreamIds);
        this.table = new PendingRequest[Math.min(maxStreamIds, 64)];
        this.maxQueued = maxQueued;
        this.orphanLimit = Math.max(1, maxStreamIds / 4);
        this.window = new OverloadWindow(maxStreamIds);
    }

    // ------------------------------------------------------------------ what other threads see

    int inFlight() {
        return inFlight;
    }

    /** How long requests have been waiting with nothing read from the node (0 when none is in flight). */
    long unansweredNanos(long now) {
        return inFlight == 0 ? 0 : Math.max(0, now - progressNanos);
    }

    int queued() {
        return queued;
    }

    long orphanedAnswers() {
        return orphanedAnswers;
    }

    /** Stream ids held by cancelled requests the node has not answered yet. */
    int orphanedIds() {
        return orphanedIds;
    }

    boolean isClosed() {
        return closed;
    }

    /** Flushes so far: with coalescing, far fewer than requests under load. */
    long flushes() {
        return flushes;
    }

    Flux<Envelope> events() {
        return events.asFlux();
    }

    // ------------------------------------------------------------------ requests (event loop)

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void write(ChannelHandlerContext context, Object msg, ChannelPromise promise) {
        if (msg instanceof PendingRequest request) {
            submit(request);
            promise.trySuccess();
        } else {
            context.write(msg, promise);
        }
    }

    /**
     * Requests in flight that someone still waits for: the overload window counts these, not the
     * orphans (cancelled or timed out, their ids kept until an answer that may never come), or a
     * window narrowed to one and held by an orphan would refuse every request until an answer.
     * Orphans are bounded on their own: past {@code orphanLimit} the connection closes.
     */
    private int live() {
        return inFlight - orphans;
    }

    /**
     * Sends {@code request} if a stream id is free, else queues it (bounded); refuses it when the
     * node's OVERLOADED answers closed the window (heartbeats excepted: they only probe liveness).
     * Event loop only.
     */
    void submit(PendingRequest request) {
        if (failure != null) {
            request.fail(failure.get());
        } else if (!request.cancelled) {
            if (window.isNarrowed() && live() >= window.limit() && !(request.request instanceof Options)) {
                // refused at once, not queued: the request can go to another node now
                request.fail(BusyConnectionException.overloaded(endpoint, live(), window.limit()));
                return;
            }
            int id = ids.acquire();
            if (id >= 0) {
                send(request, id);
            } else if (waiting.size() - cancelledWaiting >= maxQueued) {
                request.fail(new BusyConnectionException(endpoint, inFlight, waiting.size() - cancelledWaiting));
            } else {
                request.queued = true;
                waiting.add(request);
                queued = waiting.size() - cancelledWaiting;
            }
        }
    }

    private void send(PendingRequest request, int id) {
        if (batch == null) {
            batch = wire.newBatch(ctx.alloc());
        }
        int mark = batch.writerIndex();
        try {
            wire.codec().encode(request.envelope(wire.version(), id), batch, ctx.alloc());
        } catch (RuntimeException e) {
            // a request the codec cannot write (a caller bug, or too large): fail it alone
            batch.writerIndex(mark);
            ids.release(id);
            request.fail(e);
            return;
        }
        request.streamId = id;
        request.epoch = window.epoch();
        if (id >= table.length) {
            table = Arrays.copyOf(table, Math.min(ids.capacity(), Math.max(id + 1, table.length * 2)));
        }
        table[id] = request;
        if (inFlight == 0) {
            progressNanos = System.nanoTime();
        }
        inFlight = inFlight + 1;
        if (batch.readableBytes() >= EAGER_FLUSH_BYTES) {
            flushBatch(); // the scheduled flush, if any, will find nothing or a new batch
        } else {
            scheduleFlush();
        }
    }

    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            EventExecutor loop = ctx.executor();
            if (loop instanceof SingleThreadEventLoop eventLoop) {
                // runs after the tasks and I/O of this loop iteration: one flush per turn
                eventLoop.executeAfterEventLoopIteration(flushTask);
            } else {
                loop.execute(flushTask);
            }
        }
    }

    private void flushBatch() {
        flushScheduled = false;
        ByteBuf out = batch;
        batch = null;
        if (out == null) {
            return;
        }
        if (failure != null) {
            out.release();
            return;
        }
        ByteBuf wireBytes;
        try {
            wireBytes = wire.toWire(out, ctx.alloc());
        } catch (RuntimeException e) {
            // cannot happen with envelopes our codec wrote; if it does, the stream is lost
            closeWith(() -> new ConnectionClosedException(endpoint, "framing failed", e));
            return;
        }
        traffic.sent(wireBytes.readableBytes());
        ctx.write(wireBytes).addListener(writeListener);
        ctx.flush();
        flushes = flushes + 1;
    }

    private void written(ChannelFuture future) {
        if (!future.isSuccess()) {
            closeWith(() -> new ConnectionClosedException(endpoint, "write failed", future.cause()));
        }
    }

    /** The subscriber cancelled {@code request}. Event loop only. */
    void cancel(PendingRequest request) {
        int id = request.streamId;
        if (id >= 0) {
            if (table[id] == request && !request.orphaned) {
                // the server will still answer: keep the id until it does, so it cannot reach another request
                request.orphaned = true;
                orphans++;
                orphanedIds = orphans;
                if (orphans > orphanLimit) {
                    int count = orphans;
                    closeWith(() -> new ConnectionClosedException(endpoint, count
                            + " requests were cancelled without an answer from the node (orphaned stream ids)", null));
                }
            }
        } else if (request.queued && !request.countedCancelled) {
            request.countedCancelled = true;
            cancelledWaiting++;
            queued = waiting.size() - cancelledWaiting;
        }
    }

    // ------------------------------------------------------------------ responses (event loop)

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        // once per read batch, not per answer: what matters is that the node still talks
        progressNanos = System.nanoTime();
        context.fireChannelReadComplete();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (!(msg instanceof Envelope envelope)) {
            context.fireChannelRead(msg);
            return;
        }
        int id = envelope.streamId();
        if (id < 0) {
            Sinks.EmitResult result = events.tryEmitNext(envelope);
            if (result.isFailure()) {
                LOG.debug("{}: dropped event {} ({})", endpoint, envelope.message(), result);
            }
            return;
        }
        PendingRequest request = id < table.length ? table[id] : null;
        if (request == null) {
            LOG.debug("{}: dropped an answer on stream {} that no request is waiting for", endpoint, id);
            return;
        }
        table[id] = null;
        inFlight = inFlight - 1;
        if (request.orphaned) {
            orphans--;
            orphanedIds = orphans;
        }
        if (envelope.message() instanceof Overloaded) {
            window.overloaded(request.epoch, live());
        } else {
            window.answered();
        }
        if (request.orphaned || request.cancelled) {
            // cancelled: the subscriber is gone (its cancel task may still be on its way here)
            orphanedAnswers = orphanedAnswers + 1;
            release(id);
        } else {
            release(id);
            request.complete(envelope);
        }
    }

    /** Frees {@code id}, or hands it to the first live waiting request. */
    private void release(int id) {
        ids.release(id);
        PendingRequest next;
        while (failure == null && ids.available() > 0 && live() < window.limit()
                && (next = waiting.poll()) != null) {
            next.queued = false;
            if (next.countedCancelled) {
                cancelledWaiting--;
            } else if (!next.cancelled) {
                send(next, ids.acquire());
            }
        }
        queued = waiting.size() - cancelledWaiting;
    }

    // ------------------------------------------------------------------ closing (event loop)

    /** Closes the connection on the driver's behalf; pending requests fail with ConnectionClosedException. */
    void close() {
        closeWith(() -> new ConnectionClosedException(endpoint, "the connection was closed", null));
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        closeWith(() -> new ConnectionClosedException(endpoint, "the connection was closed by the node or the network",
                null));
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        Throwable error = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (error instanceof ProtocolException protocol) {
            closeWith(() -> new ProtocolViolationException(endpoint, protocol));
        } else {
            closeWith(() -> new ConnectionClosedException(endpoint, "the connection failed: " + error, error));
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        releaseBatch();
    }

    /**
     * Closes once: takes no more requests, fails the in-flight and waiting ones with a fresh error
     * from {@code error} each, ends the event stream and closes the channel.
     */
    void closeWith(Supplier<DriverException> error) {
        if (failure != null) {
            return;
        }
        failure = error;
        closed = true;
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: closing: {}", endpoint, error.get().getMessage());
        }
        releaseBatch();
        for (int id = 0; id < table.length; id++) {
            PendingRequest request = table[id];
            if (request != null) {
                table[id] = null;
                if (!request.orphaned && !request.cancelled) {
                    request.fail(error.get());
                }
            }
        }
        for (PendingRequest request; (request = waiting.poll()) != null; ) {
            request.queued = false;
            if (!request.cancelled) {
                request.fail(error.get());
            }
        }
        inFlight = 0;
        queued = 0;
        cancelledWaiting = 0;
        orphans = 0;
        orphanedIds = 0;
        events.tryEmitComplete();
        if (ctx != null && ctx.channel().isOpen()) {
            ctx.close();
        }
    }

    private void releaseBatch() {
        if (batch != null) {
            batch.release();
            batch = null;
        }
    }

    /** The error pending and later requests fail with, or null while open. Event loop only. */
    DriverException failure() {
        return failure == null ? null : failure.get();
    }
}
