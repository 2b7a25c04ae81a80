package io.reactivecql.internal.connection;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.reactivecql.api.errors.AuthenticationException;
import io.reactivecql.api.errors.ConnectionInitException;
import io.reactivecql.api.errors.UnsupportedProtocolVersionException;
import io.reactivecql.protocol.ProtocolVersion;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.netty.NettyPipeline;
import reactor.netty.resources.LoopResources;
import reactor.netty.tcp.TcpClient;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens {@link CqlTransport}s on reactor-netty: a {@link TcpClient} connection per call (never
 * pooled by reactor-netty: the driver pools), with TLS when configured, then the
 * {@link StartupFlow} and {@link RegisterFlow}, then heartbeats. The whole attempt is bounded by
 * {@link ConnectionConfig#connectTimeout()}.
 *
 * <p>Without a configured protocol version it tries v5 and, when the node refuses the version,
 * v4 on a new connection (snappy compression exists only on v4, so it goes to v4 directly).
 *
 * <p>Pipeline: {@code [cql-ssl] cql-decoder [cql-idle cql-heartbeat] cql-inflight}, placed before
 * reactor-netty's bridge, which never sees a message: {@link InFlightHandler} consumes them all.
 */
public final class ReactorNettyConnectionFactory implements ConnectionFactory {

    static final String SSL = "cql-ssl";
    static final String DECODER = "cql-decoder";
    static final String IDLE = "cql-idle";
    static final String HEARTBEAT = "cql-heartbeat";
    static final String IN_FLIGHT = "cql-inflight";

    private final LoopResources loops;
    private final boolean ownsLoops;

    /** A factory with event loops of its own (native transport when available), released by {@link #close()}. */
    public ReactorNettyConnectionFactory() {
        this(LoopResources.create("reactivecql", LoopResources.DEFAULT_IO_WORKER_COUNT, true), true);
    }

    /** A factory on shared event loops, which {@link #close()} leaves running. */
    public ReactorNettyConnectionFactory(LoopResources loops) {
        this(loops, false);
    }

    private ReactorNettyConnectionFactory(LoopResources loops, boolean ownsLoops) {
        this.loops = loops;
        this.ownsLoops = ownsLoops;
    }

    @Override
    public Mono<CqlTransport> connect(InetSocketAddress endpoint, ConnectionConfig config) {
        ProtocolVersion configured = config.protocolVersion();
        Mono<CqlConnection> connection;
        if (configured != null) {
            connection = attempt(endpoint, config, configured);
        } else if ("snappy".equals(config.compression())) {
            connection = attempt(endpoint, config, ProtocolVersion.V4);
        } else {
            connection = attempt(endpoint, config, ProtocolVersion.V5)
                    .onErrorResume(UnsupportedProtocolVersionException.class,
                            refused -> attempt(endpoint, config, ProtocolVersion.V4));
        }
        return CompressionWarmup.ready(config.compression())
                .onErrorMap(e -> new ConnectionInitException(endpoint, config.compression() + " compression is not available "
                        + "on this platform: " + e, e))
                .then(connection)
                .cast(CqlTransport.class);
    }

    /** One connection attempt with one protocol version. */
    Mono<CqlConnection> attempt(InetSocketAddress endpoint, ConnectionConfig config, ProtocolVersion version) {
        return Mono.defer(() -> {
            WireFormat wire;
            try {
                wire = WireFormat.of(version, config.compression());
            } catch (IllegalArgumentException e) {
                return Mono.error(new ConnectionInitException(endpoint, e.getMessage(), e));
            }
            InFlightHandler inFlight = new InFlightHandler(endpoint, wire, config.maxStreamIds(),
                    config.maxQueuedRequests(), config.traffic());
            Duration timeout = config.connectTimeout();
            return TcpClient.newConnection()
                    .runOn(loops)
                    .remoteAddress(() -> endpoint)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.SO_KEEPALIVE, true)
                    .doOnChannelInit((observer, channel, remote) -> initPipeline(channel, endpoint, config, wire, inFlight))
                    .connect()
                    .onErrorMap(e -> !(e instanceof ConnectionInitException),
                            e -> new ConnectionInitException(endpoint, "TCP connect failed: " + e, e))
                    .flatMap(netty -> {
                        // reactor-netty reads on demand of its own inbound flux, which nobody subscribes
                        // to here: the pipeline reads for itself, always
                        netty.channel().config().setAutoRead(true);
                        return handshake(new CqlConnection(netty.channel(), endpoint, version, inFlight), config);
                    })
                    .timeout(timeout)
                    .onErrorMap(TimeoutException.class,
                            e -> new ConnectionInitException(endpoint, "not ready within " + timeout, e));
        });
    }

    static void initPipeline(Channel channel, InetSocketAddress endpoint, ConnectionConfig config,
                                     WireFormat wire, InFlightHandler inFlight) {
        ChannelPipeline pipeline = channel.pipeline();
        if (config.sslContext() != null) {
            SslHandler ssl = config.sslContext().newHandler(channel.alloc(), endpoint.getHostString(), endpoint.getPort());
            // set both ways: netty 4.2 client contexts verify host names by default, so "off" must be
            // said, and with "" since the JDK ignores a null algorithm
            SSLEngine engine = ssl.engine();
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm(config.hostnameVerification() ? "HTTPS" : "");
            engine.setSSLParameters(parameters);
            pipeline.addFirst(SSL, ssl);
        }
        pipeline.addBefore(NettyPipeline.ReactiveBridge, DECODER, new EnvelopeDecoder(wire, config.traffic()));
        pipeline.addBefore(NettyPipeline.ReactiveBridge, IN_FLIGHT, inFlight);
    }

    /** TLS handshake, startup, register and USE; closes the connection when any of it fails or is cancelled. */
    private static Mono<CqlConnection> handshake(CqlConnection connection, ConnectionConfig config) {
        InetSocketAddress endpoint = connection.endpoint();
        return tls(connection)
                .then(Mono.defer(() -> StartupFlow.run(connection, config)))
                .then(Mono.defer(() -> RegisterFlow.run(connection, config)))
                .then(Mono.fromRunnable(() -> startHeartbeat(connection, config)))
                .thenReturn(connection)
                .onErrorMap(e -> !(e instanceof ConnectionInitException || e instanceof AuthenticationException),
                        e -> new ConnectionInitException(endpoint, "handshake failed: " + e.getMessage(), e))
                .doOnError(e -> connection.close().subscribe())
                // after the cancel reached the pending request, so that closing does not fail it again
                .doFinally(signal -> {
                    if (signal == SignalType.CANCEL) {
                        connection.close().subscribe();
                    }
                });
    }

    private static Mono<Void> tls(CqlConnection connection) {
        SslHandler ssl = connection.channel().pipeline().get(SslHandler.class);
        if (ssl == null) {
            return Mono.empty();
        }
        return Mono.create(sink -> ssl.handshakeFuture().addListener(future -> {
            if (future.isSuccess()) {
                sink.success();
            } else {
                sink.error(new ConnectionInitException(connection.endpoint(), "TLS handshake failed: "
                        + future.cause().getMessage(), future.cause()));
            }
        }));
    }

    private static void startHeartbeat(CqlConnection connection, ConnectionConfig config) {
        Duration interval = config.heartbeatInterval();
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        HeartbeatHandler heartbeat = new HeartbeatHandler(connection, connection.handler(), config.connectTimeout());
        connection.heartbeat(heartbeat);
        ChannelPipeline pipeline = connection.channel().pipeline();
        pipeline.addBefore(IN_FLIGHT, IDLE, new IdleStateHandler(interval.toNanos(), 0, 0, TimeUnit.NANOSECONDS));
        pipeline.addBefore(IN_FLIGHT, HEARTBEAT, heartbeat);
    }

    @Override
    public Mono<Void> close() {
        return ownsLoops ? loops.disposeLater() : Mono.empty();
    }
}
