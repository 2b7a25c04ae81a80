package io.reactivecql.internal.connection;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.reactivecql.api.errors.BusyConnectionException;
import io.reactivecql.api.errors.ConnectionClosedException;
import io.reactivecql.api.errors.ProtocolViolationException;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolException;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.response.event.SchemaChange.ChangeType;
import io.reactivecql.protocol.response.event.SchemaChange;
import io.reactivecql.protocol.response.event.SchemaChangeEvent;
import io.reactivecql.protocol.response.result.VoidResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-flight table, stream ids, the wait queue, orphans, coalescing and closing, on an EmbeddedChannel. */
class InFlightHandlerTest {

    private ScriptedNode node;

    @AfterEach
    void release() {
        if (node != null) {
            node.close();
        }
    }

    /** What one request came to. */
    static final class Outcome {
        Envelope value;
        Throwable error;
        Disposable subscription;

        boolean pending() {
            return value == null && error == null;
        }
    }

    static Outcome send(CqlConnection connection, String cql) {
        Outcome outcome = new Outcome();
        outcome.subscription = connection.send(new Query(cql)).subscribe(v -> outcome.value = v, e -> outcome.error = e);
        return outcome;
    }

    private static List<Integer> streams(List<Envelope> envelopes) {
        return envelopes.stream().map(Envelope::streamId).collect(Collectors.toList());
    }

    @Test
    void allocatesIdsAndReusesAnsweredOnes() {
        node = ScriptedNode.v4(128, 10);
        Outcome a = send(node.connection, "a");
        Outcome b = send(node.connection, "b");
        Outcome c = send(node.connection, "c");
        List<Envelope> written = node.requests();
        assertEquals(List.of(0, 1, 2), streams(written));
        assertEquals("b", ((Query) written.get(1).message()).query());
        assertEquals(3, node.connection.inFlight());

        node.respond(1, VoidResult.INSTANCE);
        assertTrue(a.pending());
        assertSame(VoidResult.INSTANCE, b.value.message());
        assertEquals(1, b.value.streamId());
        assertEquals(2, node.connection.inFlight());

        Outcome d = send(node.connection, "d");
        assertEquals(List.of(1), streams(node.requests()), "the freed id is reused");
        node.respond(List.of(Envelope.response(ProtocolVersion.V4, 2, VoidResult.INSTANCE),
                Envelope.response(ProtocolVersion.V4, 0, VoidResult.INSTANCE),
                Envelope.response(ProtocolVersion.V4, 1, VoidResult.INSTANCE)));
        assertFalse(a.pending() || c.pending() || d.pending());
        assertEquals(0, node.connection.inFlight());
    }

    @Test
    void unansweredTimeGrowsWhileNothingIsReadAndResetsOnAnswers() throws InterruptedException {
        node = ScriptedNode.v4(128, 10);
        assertEquals(0, node.connection.unansweredNanos(System.nanoTime()), "nothing in flight");
        long idleSince = System.nanoTime();
        Thread.sleep(30); // idle time before the first request does not count
        send(node.connection, "a");
        send(node.connection, "b");
        node.requests();
        long sent = System.nanoTime();
        assertTrue(node.connection.unansweredNanos(sent) < sent - idleSince - 30_000_000L, "idle time counted");
        Thread.sleep(40);
        long waited = node.connection.unansweredNanos(System.nanoTime());
        assertTrue(waited >= 40_000_000L, "waited " + waited);
        node.respond(0, VoidResult.INSTANCE);
        assertTrue(node.connection.unansweredNanos(System.nanoTime()) < waited, "an answer is progress");
        node.respond(1, VoidResult.INSTANCE);
        assertEquals(0, node.connection.unansweredNanos(System.nanoTime() + 1_000_000_000L), "nothing in flight");
    }

    @Test
    void exhaustedIdsQueueThenBusy() {
        node = ScriptedNode.v4(2, 2);
        Outcome first = send(node.connection, "1");
        send(node.connection, "2");
        Outcome third = send(node.connection, "3");
        Outcome fourth = send(node.connection, "4");
        Outcome fifth = send(node.connection, "5");
        assertEquals(List.of(0, 1), streams(node.requests()));
        assertEquals(2, node.connection.inFlight());
        assertEquals(2, node.connection.queued());
        assertTrue(third.pending() && fourth.pending());
        BusyConnectionException busy = assertInstanceOf(BusyConnectionException.class, fifth.error);
        assertSame(ScriptedNode.ENDPOINT, busy.endpoint());

        node.respond(0, VoidResult.INSTANCE);
        assertSame(VoidResult.INSTANCE, first.value.message());
        List<Envelope> next = node.requests();
        assertEquals(List.of(0), streams(next), "the first waiting request takes the freed id");
        assertEquals("3", ((Query) next.get(0).message()).query());
        assertEquals(1, node.connection.queued());
    }

    @Test
    void multiplexesUpTo32768RequestsOnOneConnection() {
        node = ScriptedNode.v4(ConnectionConfig.MAX_STREAM_IDS, 1);
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < ConnectionConfig.MAX_STREAM_IDS + 2; i++) {
            outcomes.add(send(node.connection, "q"));
        }
        node.channel.runPendingTasks();
        node.channel.releaseOutbound(); // not decoded: 32768 envelopes are slow under PARANOID leak detection
        assertEquals(ConnectionConfig.MAX_STREAM_IDS, node.connection.inFlight());
        assertEquals(1, node.connection.queued());
        assertInstanceOf(BusyConnectionException.class, outcomes.get(outcomes.size() - 1).error);

        node.respond(Short.MAX_VALUE, VoidResult.INSTANCE);
        assertSame(VoidResult.INSTANCE, outcomes.get(Short.MAX_VALUE).value.message());
        assertEquals(List.of((int) Short.MAX_VALUE), streams(node.requests()), "the queued request takes the last id");
        node.connection.close().subscribe();
        node.channel.runPendingTasks();
        assertInstanceOf(ConnectionClosedException.class, outcomes.get(0).error);
        assertInstanceOf(ConnectionClosedException.class, outcomes.get(outcomes.size() - 2).error);
    }

    @Test
    void cancelledWhileQueuedIsNeverSent() {
        node = ScriptedNode.v4(1, 5);
        send(node.connection, "in flight");
        Outcome queued = send(node.connection, "queued");
        Outcome after = send(node.connection, "after");
        node.requests();
        assertEquals(2, node.connection.queued());
        queued.subscription.dispose();
        assertEquals(1, node.connection.queued());

        node.respond(0, VoidResult.INSTANCE);
        List<Envelope> next = node.requests();
        assertEquals(1, next.size());
        assertEquals("after", ((Query) next.get(0).message()).query());
        assertTrue(queued.pending(), "a cancelled request gets no signal");
        assertTrue(after.pending());
    }

    @Test
    void cancelledRequestOrphansItsIdUntilTheLateAnswerWhichIsDropped() {
        node = ScriptedNode.v4(16, 10);
        Outcome cancelled = send(node.connection, "slow");
        assertEquals(List.of(0), streams(node.requests()));
        cancelled.subscription.dispose();
        assertEquals(1, node.connection.inFlight(), "an orphan still counts: the node works on it");

        Outcome other = send(node.connection, "other");
        assertEquals(List.of(1), streams(node.requests()), "the orphaned id is not reused");

        node.respond(0, VoidResult.INSTANCE); // the late answer
        assertTrue(cancelled.pending());
        assertTrue(other.pending(), "the late answer reaches no other request");
        assertEquals(1, node.connection.orphanedAnswers());
        assertEquals(1, node.connection.inFlight());

        Outcome reuse = send(node.connection, "reuse");
        assertEquals(List.of(0), streams(node.requests()), "the id is free again after the late answer");
        node.respond(0, VoidResult.INSTANCE);
        assertSame(VoidResult.INSTANCE, reuse.value.message());
        assertFalse(node.connection.isClosed());
    }

    @Test
    void tooManyOrphansCloseTheConnection() {
        node = ScriptedNode.v4(8, 10); // up to 8 / 4 = 2 orphans tolerated
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            outcomes.add(send(node.connection, "q" + i));
        }
        node.requests();
        outcomes.get(0).subscription.dispose();
        outcomes.get(1).subscription.dispose();
        assertFalse(node.connection.isClosed());
        outcomes.get(2).subscription.dispose();
        assertTrue(node.connection.isClosed());
        assertFalse(node.channel.isOpen());
        ConnectionClosedException closed = assertInstanceOf(ConnectionClosedException.class, outcomes.get(3).error);
        assertTrue(closed.getMessage().contains("orphaned"), closed.getMessage());
    }

    @Test
    void closeFailsInFlightAndQueuedRequestsAndLaterOnes() {
        node = ScriptedNode.v4(2, 10);
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            outcomes.add(send(node.connection, "q" + i));
        }
        node.requests();
        List<Throwable> eventErrors = new ArrayList<>();
        boolean[] eventsCompleted = {false};
        node.connection.events().subscribe(e -> { }, eventErrors::add, () -> eventsCompleted[0] = true);

        boolean[] closed = {false};
        node.connection.close().subscribe(null, null, () -> closed[0] = true);
        node.channel.runPendingTasks();
        assertTrue(closed[0]);
        assertFalse(node.channel.isOpen());
        assertTrue(node.connection.isClosed());
        for (Outcome outcome : outcomes) {
            assertInstanceOf(ConnectionClosedException.class, outcome.error);
        }
        assertEquals(0, node.connection.inFlight());
        assertEquals(0, node.connection.queued());
        assertTrue(eventsCompleted[0]);

        Outcome late = send(node.connection, "late");
        assertInstanceOf(ConnectionClosedException.class, late.error);
    }

    @Test
    void channelClosedByThePeerFailsPendingRequests() {
        node = ScriptedNode.v4(4, 4);
        Outcome outcome = send(node.connection, "q");
        node.requests();
        node.channel.close();
        ConnectionClosedException error = assertInstanceOf(ConnectionClosedException.class, outcome.error);
        assertTrue(error.getMessage().contains("closed by the node"), error.getMessage());
    }

    @Test
    void writesOfOneLoopTurnAreFlushedOnce() {
        node = ScriptedNode.v4(4096, 0);
        int n = 500;
        for (int i = 0; i < n; i++) {
            send(node.connection, "q" + i);
        }
        assertEquals(0, node.flushes, "nothing is flushed before the loop turn ends");
        List<Envelope> written = node.requests();
        assertEquals(n, written.size());
        assertEquals(1, node.flushes);
        assertEquals(1, node.writes, "all envelopes of a turn are encoded into one buffer");

        send(node.connection, "next turn");
        node.requests();
        assertEquals(2, node.flushes);
    }

    @Test
    void aLargeBatchIsWrittenWithoutWaitingForTheEndOfTheTurn() {
        node = ScriptedNode.v4(16, 0);
        String large = "x".repeat(200_000);
        send(node.connection, large);
        send(node.connection, large); // the batch passes 256 KiB: written at once
        assertEquals(1, node.flushes);
        send(node.connection, large);
        List<Envelope> written = node.requests();
        assertEquals(3, written.size());
        assertEquals(2, node.flushes);
    }

    @Test
    void protocolGarbageClosesTheConnectionWithAProtocolViolation() {
        node = ScriptedNode.v4(4, 4);
        Outcome outcome = send(node.connection, "q");
        node.requests();
        ByteBuf garbage = Unpooled.buffer();
        garbage.writeByte(0x84).writeByte(0).writeShort(0).writeByte(0x42).writeInt(4).writeInt(7); // opcode 0x42
        node.receive(garbage);
        ProtocolViolationException violation = assertInstanceOf(ProtocolViolationException.class, outcome.error);
        assertInstanceOf(ProtocolException.class, violation.getCause());
        assertFalse(node.channel.isOpen());
        Outcome late = send(node.connection, "late");
        assertInstanceOf(ProtocolViolationException.class, late.error);
    }

    @Test
    void garbageAfterAGoodAnswerStillDeliversTheAnswer() {
        node = ScriptedNode.v4(4, 4);
        Outcome good = send(node.connection, "good");
        Outcome bad = send(node.connection, "bad");
        node.requests();
        ByteBuf bytes = io.netty.buffer.ByteBufAllocator.DEFAULT.buffer();
        node.wire.codec().encode(Envelope.response(ProtocolVersion.V4, 0, VoidResult.INSTANCE), bytes,
                io.netty.buffer.ByteBufAllocator.DEFAULT);
        bytes.writeByte(0x84).writeByte(0).writeShort(1).writeByte(0x08).writeInt(-5); // negative body length
        node.receive(bytes);
        assertSame(VoidResult.INSTANCE, good.value.message());
        assertInstanceOf(ProtocolViolationException.class, bad.error);
    }

    @Test
    void eventsArriveOnTheEventStream() {
        node = ScriptedNode.v4(4, 4);
        List<Envelope> events = new ArrayList<>();
        node.connection.events().subscribe(events::add);
        SchemaChangeEvent event = new SchemaChangeEvent(SchemaChange.keyspace(ChangeType.CREATED, "ks"));
        node.respond(-1, event);
        assertEquals(1, events.size());
        assertEquals(event, events.get(0).message());
        assertNull(node.handler.failure());
    }

    @Test
    void answerOnAnUnknownStreamIsDropped() {
        node = ScriptedNode.v4(4, 4);
        Outcome outcome = send(node.connection, "q");
        node.requests();
        node.respond(3, VoidResult.INSTANCE);
        assertTrue(outcome.pending());
        assertFalse(node.connection.isClosed());
        node.respond(0, VoidResult.INSTANCE);
        assertSame(VoidResult.INSTANCE, outcome.value.message());
    }
}
