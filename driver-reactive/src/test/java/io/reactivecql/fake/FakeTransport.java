package io.reactivecql.fake;

import io.reactivecql.internal.connection.CqlTransport;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.Request;
import io.reactivecql.protocol.Response;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A scripted connection: every request sent is recorded and answered by {@code responder} (which
 * may answer later, never, or fail). No socket.
 */
public final class FakeTransport implements CqlTransport {

    private final InetSocketAddress endpoint;
    private final ProtocolVersion version;
    private volatile Function<Request, Mono<Envelope>> responder;
    private final List<Request> sent = new CopyOnWriteArrayList<>();
    private final List<Boolean> tracingFlags = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger cancelled = new AtomicInteger();
    private volatile boolean closed;

    public FakeTransport(InetSocketAddress endpoint, ProtocolVersion version, Function<Request, Mono<Envelope>> responder) {
        this.endpoint = endpoint;
        this.version = version;
        this.responder = responder;
    }

    /** A responder that answers synchronously with {@code answer(request)}. */
    public static Function<Request, Mono<Envelope>> answering(ProtocolVersion version,
                                                              Function<Request, Response> answer) {
        return request -> Mono.fromSupplier(() -> Envelope.response(version, 1, answer.apply(request)));
    }

    public void responder(Function<Request, Mono<Envelope>> newResponder) {
        this.responder = newResponder;
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
        return Mono.defer(() -> {
            if (closed) {
                return Mono.error(new io.reactivecql.api.errors.ConnectionClosedException(endpoint, "closed", null));
            }
            sent.add(request);
            tracingFlags.add(tracing);
            inFlight.incrementAndGet();
            return responder.apply(request)
                    .doOnCancel(cancelled::incrementAndGet)
                    .doFinally(s -> inFlight.decrementAndGet());
        });
    }

    /** Every request sent, in order. */
    public List<Request> sent() {
        return sent;
    }

    /** The requests sent of one class. */
    public <T extends Request> List<T> sent(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public List<Boolean> tracingFlags() {
        return tracingFlags;
    }

    /** How many answers were cancelled before they came. */
    public int cancelled() {
        return cancelled.get();
    }

    @Override
    public Flux<Envelope> events() {
        return Flux.never();
    }

    @Override
    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public Mono<Void> close() {
        closed = true;
        return Mono.empty();
    }
}
