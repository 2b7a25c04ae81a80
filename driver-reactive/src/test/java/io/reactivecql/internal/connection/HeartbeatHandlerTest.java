package io.reactivecql.internal.connection;

import io.netty.handler.timeout.IdleStateEvent;
import io.reactivecql.api.errors.ConnectionClosedException;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.request.Options;
import io.reactivecql.protocol.response.Supported;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Heartbeats on idle, answered or not, on an EmbeddedChannel with a frozen clock. */
class HeartbeatHandlerTest {

    private ScriptedNode node;

    @BeforeEach
    void start() {
        node = ScriptedNode.v4(16, 16);
        node.channel.freezeTime();
        HeartbeatHandler heartbeat = new HeartbeatHandler(node.connection, node.handler, Duration.ofSeconds(5));
        node.connection.heartbeat(heartbeat);
        node.channel.pipeline().addBefore(ReactorNettyConnectionFactory.IN_FLIGHT,
                ReactorNettyConnectionFactory.HEARTBEAT, heartbeat);
    }

    @AfterEach
    void release() {
        node.close();
    }

    private void idle() {
        node.channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
    }

    @Test
    void answeredHeartbeatKeepsTheConnection() {
        idle();
        Envelope options = node.request();
        assertInstanceOf(Options.class, options.message());
        assertEquals(1, node.connection.heartbeatsSent());
        idle(); // still out: no second heartbeat
        assertEquals(0, node.requests().size());
        node.respond(options.streamId(), new Supported(Map.of()));
        node.channel.advanceTimeBy(10, TimeUnit.SECONDS);
        node.channel.runScheduledPendingTasks();
        assertFalse(node.connection.isClosed());
        idle();
        assertInstanceOf(Options.class, node.request().message());
        assertEquals(2, node.connection.heartbeatsSent());
    }

    @Test
    void unansweredHeartbeatClosesTheConnection() {
        InFlightHandlerTest.Outcome pending = InFlightHandlerTest.send(node.connection, "SELECT 1");
        node.requests();
        idle();
        node.requests();
        node.channel.advanceTimeBy(4, TimeUnit.SECONDS);
        node.channel.runScheduledPendingTasks();
        assertFalse(node.connection.isClosed());
        node.channel.advanceTimeBy(2, TimeUnit.SECONDS);
        node.channel.runScheduledPendingTasks();
        assertTrue(node.connection.isClosed());
        ConnectionClosedException error = assertInstanceOf(ConnectionClosedException.class, pending.error);
        assertTrue(error.getMessage().contains("heartbeat"), error.getMessage());
    }
}
