package io.reactivecql.internal.connection;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.reactivecql.api.errors.ConnectionClosedException;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.Request;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

/**
 * A {@link CqlTransport} over one netty channel. It only hops onto the channel's event loop:
 * requests, cancellations and closing all run there, in {@link InFlightHandler}, so nothing is
 * locked and a cancel costs one volatile write and one task.
 */
final class CqlConnection implements CqlTransport {

    private final Channel channel;
    private final InetSocketAddress endpoint;
    private final ProtocolVersion version;
    private final InFlightHandler inFlight;
    private final Mono<Void> closeFuture;
    private volatile HeartbeatHandler heartbeat;

    CqlConnection(Channel channel, InetSocketAddress endpoint, ProtocolVersion version, InFlightHandler inFlight) {
        this.channel = channel;
        this.endpoint = endpoint;
        this.version = version;
        this.inFlight = inFlight;
        this.closeFuture = Mono.<Void>create(sink -> channel.closeFuture().addListener(f -> sink.success()))
                .cache();
    }

    @Override
    public InetSocketAddress endpoint() {
        return endpoint;
    }

    @Override
    public ProtocolVersion protocolVersion() {
        return version;
    }

    @Override
    public Mono<Envelope> send(Request request, boolean tracing, Map<String, ByteBuffer> customPayload) {
        return new Mono<>() {
            @Override
            public void subscribe(CoreSubscriber<? super Envelope> actual) {
                send(request, tracing, customPayload, actual);
            }
        };
    }

    @Override
    public void send(Request request, boolean tracing, Map<String, ByteBuffer> customPayload,
                     CoreSubscriber<? super Envelope> actual) {
        PendingRequest pending = new PendingRequest(request, tracing, customPayload, actual, this);
        // the subscription exists before the request reaches the loop, so a cancel can never overtake it unseen
        actual.onSubscribe(pending);
        if (pending.cancelled) {
            return;
        }
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) {
            inFlight.submit(pending);
        } else {
            try {
                loop.execute(() -> inFlight.submit(pending));
            } catch (RejectedExecutionException e) {
                pending.fail(new ConnectionClosedException(endpoint, "the event loop is shut down", e));
            }
        }
    }

    /** {@code pending}'s subscriber cancelled (any thread). */
    void cancel(PendingRequest pending) {
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) {
            inFlight.cancel(pending);
        } else {
            try {
                loop.execute(() -> inFlight.cancel(pending));
            } catch (RejectedExecutionException e) {
                // the loop is gone, and with it the connection: nothing left to orphan
            }
        }
    }

    @Override
    public Flux<Envelope> events() {
        return inFlight.events();
    }

    @Override
    public int inFlight() {
        return inFlight.inFlight();
    }

    @Override
    public long unansweredNanos(long now) {
        return inFlight.unansweredNanos(now);
    }

    @Override
    public int orphanedStreamIds() {
        return inFlight.orphanedIds();
    }

    @Override
    public int queued() {
        return inFlight.queued();
    }

    @Override
    public long orphanedAnswers() {
        return inFlight.orphanedAnswers();
    }

    /** Flushes to the socket so far (each carries every request of one event-loop turn). */
    long flushes() {
        return inFlight.flushes();
    }

    /** Heartbeats sent since the connection became ready. */
    long heartbeatsSent() {
        HeartbeatHandler handler = heartbeat;
        return handler == null ? 0 : handler.sent();
    }

    void heartbeat(HeartbeatHandler handler) {
        this.heartbeat = handler;
    }

    Channel channel() {
        return channel;
    }

    InFlightHandler handler() {
        return inFlight;
    }

    @Override
    public boolean isClosed() {
        return inFlight.isClosed() || !channel.isActive();
    }

    @Override
    public Mono<Void> close() {
        return Mono.defer(() -> {
            EventLoop loop = channel.eventLoop();
            if (loop.inEventLoop()) {
                closeNow();
            } else {
                try {
                    loop.execute(this::closeNow);
                } catch (RejectedExecutionException e) {
                    channel.close();
                }
            }
            return closeFuture;
        });
    }

    private void closeNow() {
        inFlight.close();
        channel.close();
    }

    @Override
    public String toString() {
        return "CqlConnection[" + endpoint + ", " + version + ", " + channel.id().asShortText() + "]";
    }
}
