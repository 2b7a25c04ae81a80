package io.reactivecql.internal.connection;

import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.Request;
import reactor.core.publisher.MonoSink;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * One request on its way through a connection: the message, the subscriber's sink and where it
 * stands. {@link #streamId} and {@link #orphaned} belong to the event loop; only {@link #cancelled}
 * is written from other threads.
 */
final class PendingRequest {

    final Request request;
    private final boolean tracing;
    private final Map<String, ByteBuffer> customPayload;
    private final MonoSink<Envelope> sink;

    /** The stream id once written, -1 before. Event loop only. */
    int streamId = -1;
    /** Cancelled after it was written: its id waits for the server's answer, which is dropped. Event loop only. */
    boolean orphaned;
    /** Waiting for a stream id in the connection's queue. Event loop only. */
    boolean queued;
    /** Queued and counted as cancelled by the connection (removal from its queue is lazy). Event loop only. */
    boolean countedCancelled;
    /** Set by the subscriber's cancel, from any thread. */
    volatile boolean cancelled;

    PendingRequest(Request request, boolean tracing, Map<String, ByteBuffer> customPayload, MonoSink<Envelope> sink) {
        this.request = request;
        this.tracing = tracing;
        this.customPayload = customPayload == null ? Map.of() : customPayload;
        this.sink = sink;
    }

    Envelope envelope(ProtocolVersion version, int id) {
        return new Envelope(version, id, tracing, null, List.of(), customPayload, false, request);
    }

    void complete(Envelope response) {
        sink.success(response);
    }

    void fail(Throwable error) {
        if (!cancelled) { // a cancelled subscriber wants nothing, and Reactor would log the error as dropped
            sink.error(error);
        }
    }

    @Override
    public String toString() {
        return "PendingRequest[" + request.getClass().getSimpleName() + ", stream " + streamId
                + (orphaned ? ", orphaned" : "") + (cancelled ? ", cancelled" : "") + "]";
    }
}
