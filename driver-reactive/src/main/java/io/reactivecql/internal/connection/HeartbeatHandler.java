package io.reactivecql.internal.connection;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.reactivecql.api.errors.ConnectionClosedException;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.request.Options;
import io.reactivecql.protocol.response.Supported;
import reactor.core.Disposable;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends OPTIONS when the connection read nothing for the heartbeat interval (an {@code
 * IdleStateHandler} upstream says when). A heartbeat that fails or stays unanswered for
 * {@code timeout} closes the connection: the node or the network is gone, and requests are better
 * off failing now than timing out one by one. Event loop only, like the rest of the pipeline.
 */
final class HeartbeatHandler extends ChannelInboundHandlerAdapter {

    private final CqlConnection connection;
    private final InFlightHandler inFlight;
    private final long timeoutNanos;
    /** The heartbeat out now, or null. */
    private Attempt pending;
    private volatile long sent;

    /** One heartbeat: its request and its timeout, so that late callbacks of an old one are ignored. */
    private static final class Attempt {
        Disposable request;
        ScheduledFuture<?> timeout;

        void cancel() {
            if (timeout != null) {
                timeout.cancel(false);
            }
            if (request != null) {
                request.dispose();
            }
        }
    }

    HeartbeatHandler(CqlConnection connection, InFlightHandler inFlight, Duration timeout) {
        this.connection = connection;
        this.inFlight = inFlight;
        this.timeoutNanos = timeout.toNanos();
    }

    long sent() {
        return sent;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (!(event instanceof IdleStateEvent)) {
            ctx.fireUserEventTriggered(event);
            return;
        }
        if (pending != null || inFlight.isClosed()) {
            return; // the previous heartbeat is still out: its own timeout decides
        }
        Attempt attempt = new Attempt();
        pending = attempt;
        sent = sent + 1;
        attempt.timeout = ctx.executor().schedule(() -> failed(attempt, "heartbeat not answered within "
                + Duration.ofNanos(timeoutNanos), null), timeoutNanos, TimeUnit.NANOSECONDS);
        // on the event loop the answer (or a synchronous error) is delivered here too: no races
        attempt.request = connection.send(Options.INSTANCE).subscribe(
                response -> answered(attempt, response),
                error -> failed(attempt, "heartbeat failed", error));
    }

    private void answered(Attempt attempt, Envelope response) {
        if (pending == attempt) {
            pending = null;
            attempt.cancel();
            if (!(response.message() instanceof Supported)) {
                failed(attempt, "heartbeat answered with " + response.message(), null);
            }
        }
    }

    private void failed(Attempt attempt, String message, Throwable cause) {
        if (pending == attempt) {
            pending = null;
        }
        attempt.cancel();
        inFlight.closeWith(() -> new ConnectionClosedException(connection.endpoint(), message, cause));
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        Attempt attempt = pending;
        pending = null;
        if (attempt != null) {
            attempt.cancel();
        }
    }
}
