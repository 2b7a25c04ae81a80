package io.reactivecql.internal.connection;

import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.Request;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One request on its way through a connection: the message, the subscriber and where it stands.
 * It is the subscriber's {@link Subscription} itself (one object per request, where
 * {@code Mono.create} made a sink and two callbacks). {@link #streamId} and {@link #orphaned}
 * belong to the event loop; {@link #cancelled} is written from other threads.
 */
final class PendingRequest implements Subscription {

    private static final int WAITING = 0;
    private static final int REQUESTED = 1;
    private static final int ANSWER_HELD = 2;
    private static final int DONE = 3;
    private static final AtomicIntegerFieldUpdater<PendingRequest> STATE =
            AtomicIntegerFieldUpdater.newUpdater(PendingRequest.class, "state");

    final Request request;
    private final boolean tracing;
    private final Map<String, ByteBuffer> customPayload;
    /**
     * The subscriber; null once it cancelled, so an orphaned id (kept until the node answers, which
     * may be never) does not keep the whole subscriber chain reachable. Read only by whoever moves
     * {@link #state} to DONE, which the cancel does before it clears this.
     */
    private CoreSubscriber<? super Envelope> actual;
    private final CqlConnection connection;

    /** The stream id once written, -1 before. Event loop only. */
    int streamId = -1;
    /** The connection's {@link OverloadWindow#epoch()} when it was written. Event loop only. */
    long epoch;
    /** Cancelled after it was written: its id waits for the server's answer, which is dropped. Event loop only. */
    boolean orphaned;
    /** Waiting for a stream id in the connection's queue. Event loop only. */
    boolean queued;
    /** Queued and counted as cancelled by the connection (removal from its queue is lazy). Event loop only. */
    boolean countedCancelled;
    /** Set by the subscriber's cancel, from any thread. */
    volatile boolean cancelled;
    /** Demand and answer meet here: an answer before the subscriber's request(n) waits in {@link #answer}. */
    private volatile int state;
    private Envelope answer;

    /**
     * @param connection told of a cancel (null: nobody to tell, for requests made in tests)
     */
    PendingRequest(Request request, boolean tracing, Map<String, ByteBuffer> customPayload,
                   CoreSubscriber<? super Envelope> actual, CqlConnection connection) {
        this.request = request;
        this.tracing = tracing;
        this.customPayload = customPayload == null ? Map.of() : customPayload;
        this.actual = actual;
        this.connection = connection;
    }

    Envelope envelope(ProtocolVersion version, int id) {
        return new Envelope(version, id, tracing, null, List.of(), customPayload, false, request);
    }

    /** The answer arrived (event loop): delivered now if asked for, else at the request. */
    void complete(Envelope response) {
        answer = response;
        for (;;) {
            int s = state;
            if (s == REQUESTED) {
                if (STATE.compareAndSet(this, REQUESTED, DONE)) {
                    deliver(response);
                    return;
                }
            } else if (s == WAITING) {
                if (STATE.compareAndSet(this, WAITING, ANSWER_HELD)) {
                    return;
                }
            } else {
                answer = null; // cancelled (or already done): nobody wants it
                return;
            }
        }
    }

    void fail(Throwable error) {
        // a cancelled subscriber wants nothing, and Reactor would log the error as dropped
        if (!cancelled && STATE.getAndSet(this, DONE) != DONE) {
            answer = null;
            actual.onError(error);
        }
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            fail(new IllegalArgumentException("§3.9 violated: request(" + n + "); demand must be positive"));
            return;
        }
        for (;;) {
            int s = state;
            if (s == WAITING) {
                if (STATE.compareAndSet(this, WAITING, REQUESTED)) {
                    return;
                }
            } else if (s == ANSWER_HELD) {
                if (STATE.compareAndSet(this, ANSWER_HELD, DONE)) {
                    Envelope response = answer;
                    answer = null;
                    deliver(response);
                }
                return;
            } else {
                return;
            }
        }
    }

    private void deliver(Envelope response) {
        actual.onNext(response);
        actual.onComplete();
    }

    @Override
    public void cancel() {
        int previous = STATE.getAndSet(this, DONE);
        if (previous == DONE || cancelled) {
            return; // answered, failed or cancelled already: nothing is in flight for this subscriber
        }
        cancelled = true;
        CoreSubscriber<? super Envelope> subscriber = actual;
        actual = null;
        if (previous == ANSWER_HELD) {
            Operators.onDiscard(answer, subscriber.currentContext());
            answer = null;
            return; // answered: its stream id is free already
        }
        if (connection != null) {
            connection.cancel(this);
        }
    }

    @Override
    public String toString() {
        return "PendingRequest[" + request.getClass().getSimpleName() + ", stream " + streamId
                + (orphaned ? ", orphaned" : "") + (cancelled ? ", cancelled" : "") + "]";
    }
}
