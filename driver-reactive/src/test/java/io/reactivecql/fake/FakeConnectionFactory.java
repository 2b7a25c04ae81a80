package io.reactivecql.fake;

import io.reactivecql.internal.connection.ConnectionConfig;
import io.reactivecql.internal.connection.ConnectionFactory;
import io.reactivecql.internal.connection.CqlTransport;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Hands out scripted connections: {@code connector} decides per endpoint (a transport, or an error). */
public final class FakeConnectionFactory implements ConnectionFactory {

    private final Function<InetSocketAddress, Mono<CqlTransport>> connector;
    private final List<ConnectionConfig> configs = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public FakeConnectionFactory(Function<InetSocketAddress, Mono<CqlTransport>> connector) {
        this.connector = connector;
    }

    /** Every connection gets {@code transport}. */
    public static FakeConnectionFactory of(CqlTransport transport) {
        return new FakeConnectionFactory(endpoint -> Mono.just(transport));
    }

    @Override
    public Mono<CqlTransport> connect(InetSocketAddress endpoint, ConnectionConfig config) {
        return Mono.defer(() -> {
            configs.add(config);
            return connector.apply(endpoint);
        });
    }

    public List<ConnectionConfig> configs() {
        return configs;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public Mono<Void> close() {
        closed = true;
        return Mono.empty();
    }
}
