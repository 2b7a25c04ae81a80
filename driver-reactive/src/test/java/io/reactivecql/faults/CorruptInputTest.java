package io.reactivecql.faults;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.errors.ProtocolViolationException;
import io.reactivecql.api.metadata.PoolStatistics;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.stub.Fault;
import io.reactivecql.stub.ReceivedRequest;
import io.reactivecql.stub.Reply;
import io.reactivecql.stub.RequestMatcher;
import io.reactivecql.stub.Rows;
import io.reactivecql.stub.StubNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.reactivecql.faults.StubSessions.WAIT;
import static io.reactivecql.faults.StubSessions.await;
import static io.reactivecql.faults.StubSessions.error;
import static io.reactivecql.faults.StubSessions.stats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bytes a node should never send (a bad CRC, an unknown opcode, an oversized length, garbage):
 * the request they answer fails with {@link ProtocolViolationException} at once, the connection
 * they came on is closed and replaced, and the node's other connection, with a request in flight,
 * is untouched.
 */
class CorruptInputTest {

    private static final String SLOW = "SELECT v FROM faults.slow";
    private static final String FAST = "SELECT v FROM faults.fast";
    private static final String CORRUPT = "SELECT v FROM faults.corrupt";
    private static final Rows ROW = Rows.builder().column("v", PrimitiveType.INT).row(42).build();

    static Stream<Arguments> faults() {
        List<Arguments> all = new ArrayList<>();
        for (ProtocolVersion version : List.of(ProtocolVersion.V4, ProtocolVersion.V5)) {
            if (version == ProtocolVersion.V5) {
                // v4 has no checksum: a flipped payload byte is only a wrong value there
                all.add(Arguments.of(version, "corrupt payload CRC", Reply.rows(ROW).with(Fault.CORRUPT_PAYLOAD_CRC)));
            }
            all.add(Arguments.of(version, "corrupt header (CRC24 / version byte)",
                    Reply.rows(ROW).with(Fault.CORRUPT_HEADER_CRC)));
            all.add(Arguments.of(version, "unknown opcode", Reply.rows(ROW).with(Fault.UNKNOWN_OPCODE)));
            all.add(Arguments.of(version, "oversized length", Reply.rows(ROW).with(Fault.OVERSIZED_LENGTH)));
            all.add(Arguments.of(version, "random bytes", Reply.randomBytes(256, 7)));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("faults")
    void corruptInputClosesOnlyTheConnectionItCameOn(ProtocolVersion version, String what, Reply corrupt)
            throws Exception {
        try (StubNode node = StubNode.builder().strict(false).start()) {
            node.when(SLOW).delay(Duration.ofMillis(500)).thenRows(ROW);
            node.when(CORRUPT).then(corrupt);
            node.when(FAST).thenRows(ROW);
            ReactiveSession session = StubSessions.connect(StubSessions.builder(node).withProtocolVersion(version)
                    .withConfig(StubSessions.config().withConnectionsPerNode(2)));
            try {
                await(() -> stats(session, node.address()).openConnections() == 2, WAIT, () -> "two connections");
                int closedBefore = node.activity().connectionsClosed();
                CompletableFuture<ResultPage> slow = session.executePage(SimpleStatement.of(SLOW)).toFuture();
                ReceivedRequest slowRequest = node.activity().awaitRequest(RequestMatcher.query(SLOW), WAIT);

                long start = System.nanoTime();
                Throwable t = error(session.executePage(SimpleStatement.of(CORRUPT)));
                long tookMillis = (System.nanoTime() - start) / 1_000_000;
                ProtocolViolationException e = assertInstanceOf(ProtocolViolationException.class, t);
                assertEquals(node.address(), e.endpoint());
                assertTrue(tookMillis < StubSessions.REQUEST_TIMEOUT.toMillis(), "failed after " + tookMillis + " ms");
                ReceivedRequest corruptRequest = node.activity().awaitRequest(RequestMatcher.query(CORRUPT), WAIT);
                assertNotEquals(slowRequest.connectionId(), corruptRequest.connectionId(), "two connections");

                // the other connection's request completes normally
                assertEquals(42, slow.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).one().getInt("v"));
                node.activity().awaitConnectionsClosed(closedBefore + 1, WAIT);
                assertEquals(closedBefore + 1, node.activity().connectionsClosed(), "only one connection closed");

                // and the pool replaces the closed one (the next requests find its slot empty)
                await(() -> session.executePage(SimpleStatement.of(FAST)).block(WAIT).one().getInt("v") == 42
                                && stats(session, node.address()).openConnections() == 2, WAIT,
                        () -> "the pool back at two: " + stats(session, node.address()));
                PoolStatistics after = stats(session, node.address());
                assertEquals(0, after.inFlight(), after.toString());
            } finally {
                StubSessions.close(session);
            }
            node.clearProblems();
        }
    }
}
