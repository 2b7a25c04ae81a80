package io.reactivecql.internal.connection;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.reactivecql.api.errors.ConnectionInitException;
import io.reactivecql.api.errors.UnsupportedProtocolVersionException;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.response.result.SetKeyspaceResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.NettyPipeline;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

import static io.reactivecql.internal.connection.Connections.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The factory against a stub node on a real socket: negotiation fallback, refusals, timeouts, TLS setup. */
class ReactorNettyConnectionFactoryTest {

    private static ReactorNettyConnectionFactory factory;

    @BeforeAll
    static void start() {
        factory = new ReactorNettyConnectionFactory();
    }

    @AfterAll
    static void stop() {
        factory.close().block(TIMEOUT);
    }

    private static Object outcome(Mono<CqlTransport> connect) {
        return connect.map(Object.class::cast).onErrorResume(Mono::just).block(TIMEOUT);
    }

    @Test
    void negotiationFallsBackToV4WhenTheNodeRefusesV5() throws Exception {
        try (StubNode node = new StubNode(false)) {
            CqlTransport connection = factory.connect(node.address(), Connections.config(null, null)).block(TIMEOUT);
            try {
                assertEquals(ProtocolVersion.V4, connection.protocolVersion());
                assertEquals(2, node.connections.get(), "one refused v5 attempt, one v4 connection");
                assertEquals(new SetKeyspaceResult("INSERT ..."), connection.send(new Query("INSERT ...")).block(TIMEOUT).message());
            } finally {
                connection.close().block(TIMEOUT);
            }
        }
    }

    @Test
    void configuredVersionIsNotNegotiated() throws Exception {
        try (StubNode node = new StubNode(false)) {
            Object error = outcome(factory.connect(node.address(), Connections.config(ProtocolVersion.V5, null)));
            UnsupportedProtocolVersionException refused = assertInstanceOf(UnsupportedProtocolVersionException.class, error);
            assertEquals(ProtocolVersion.V5, refused.attempted());
            assertEquals(1, node.connections.get());
        }
    }

    @Test
    void refusedTcpConnectIsAConnectionInitException() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Object error = outcome(factory.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                Connections.config(null, null)));
        ConnectionInitException refused = assertInstanceOf(ConnectionInitException.class, error);
        assertTrue(refused.getMessage().contains("TCP connect failed"), refused.getMessage());
    }

    @Test
    void silentNodeTimesOutAndTheAttemptIsClosed() throws Exception {
        try (StubNode node = new StubNode(true)) {
            ConnectionConfig config = Connections.builder().build();
            config = new ConnectionConfig(null, null, null, null, true, Duration.ofMillis(500), config.heartbeatInterval(),
                    config.maxStreamIds(), config.maxQueuedRequests(), null, config.eventTypes(), "t", "t");
            long start = System.nanoTime();
            Object error = outcome(factory.connect(node.address(), config));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            ConnectionInitException timedOut = assertInstanceOf(ConnectionInitException.class, error);
            assertTrue(timedOut.getMessage().contains("not ready within"), timedOut.getMessage());
            assertTrue(elapsed.compareTo(Duration.ofSeconds(5)) < 0, "took " + elapsed);
            awaitClosedByClient(node, 1);
        }
    }

    @Test
    void cancellingAConnectClosesTheAttempt() throws Exception {
        try (StubNode node = new StubNode(true)) {
            Disposable attempt = factory.connect(node.address(), Connections.config(null, null)).subscribe();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (node.connections.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            attempt.dispose();
            awaitClosedByClient(node, 1);
        }
    }

    private static void awaitClosedByClient(StubNode node, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (node.closedByClient.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(expected, node.closedByClient.get(), "the driver closed its socket");
    }

    @Test
    void tlsEngineVerifiesHostNamesOnlyWhenAsked() throws Exception {
        for (boolean verify : new boolean[] {true, false}) {
            EmbeddedChannel channel = new EmbeddedChannel();
            channel.pipeline().addLast(NettyPipeline.ReactiveBridge, new io.netty.channel.ChannelInboundHandlerAdapter());
            ConnectionConfig config = Connections.builder().ssl(SslContextBuilder.forClient().build(), verify).build();
            InetSocketAddress endpoint = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9042);
            WireFormat wire = WireFormat.of(ProtocolVersion.V5, null);
            ReactorNettyConnectionFactory.initPipeline(channel, endpoint, config, wire,
                    new InFlightHandler(endpoint, wire, 16, 16));
            SslHandler ssl = channel.pipeline().get(SslHandler.class);
            assertEquals(verify ? "HTTPS" : "", ssl.engine().getSSLParameters().getEndpointIdentificationAlgorithm());
            assertEquals(endpoint.getHostString(), ssl.engine().getPeerHost());
            channel.finishAndReleaseAll();
        }
    }
}
