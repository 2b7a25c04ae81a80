package io.reactivecql.internal.request;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.errors.InvalidQueryException;
import io.reactivecql.api.errors.UnpreparedException;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.statement.BatchStatement;
import io.reactivecql.api.statement.PreparedStatement;
import io.reactivecql.fake.FakeTransport;
import io.reactivecql.fake.Fixtures;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.Request;
import io.reactivecql.protocol.Response;
import io.reactivecql.protocol.request.Batch;
import io.reactivecql.protocol.request.Execute;
import io.reactivecql.protocol.request.Prepare;
import io.reactivecql.protocol.response.error.Invalid;
import io.reactivecql.protocol.response.error.Unprepared;
import io.reactivecql.protocol.response.result.ColumnSpec;
import io.reactivecql.protocol.response.result.PreparedMetadata;
import io.reactivecql.protocol.response.result.PreparedResult;
import io.reactivecql.protocol.response.result.RowsMetadata;
import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.protocol.response.result.VoidResult;
import io.reactivecql.protocol.types.PrimitiveType;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PREPARE sharing, UNPREPARED handling and v5 result metadata ids over a scripted node. */
class PreparedTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final List<ColumnSpec> MARKERS = List.of(Fixtures.col("id", PrimitiveType.INT));

    /** A node that prepares anything, and can forget its prepared statements once. */
    private static final class Node {
        final AtomicInteger prepares = new AtomicInteger();
        final AtomicBoolean forget = new AtomicBoolean();
        final AtomicReference<byte[]> metadataId = new AtomicReference<>(bytes("meta-1"));
        volatile List<ColumnSpec> resultColumns = Fixtures.ID_NAME;
        volatile boolean announceChange;

        Response answer(Request request) {
            if (request instanceof Prepare p) {
                prepares.incrementAndGet();
                return new PreparedResult(bytes(p.query()), metadataId.get(),
                        new PreparedMetadata(MARKERS, List.of(0)), RowsMetadata.of(resultColumns));
            }
            if (request instanceof Execute e) {
                if (forget.getAndSet(false)) {
                    return new Unprepared("unknown id", array(e.id()));
                }
                if (announceChange) {
                    announceChange = false;
                    RowsResult plain = Fixtures.rows(resultColumns, null, List.of(List.of(7, "seven", 1L)));
                    return RowsResult.of(new RowsMetadata(resultColumns, null, metadataId.get()),
                            List.of(List.of(cell(plain, 0), cell(plain, 1), cell(plain, 2))));
                }
                RowsResult rows = Fixtures.rows(Fixtures.ID_NAME, null, List.of(List.of(1, "one")));
                return e.options().skipMetadata() ? rows.withColumns(Fixtures.ID_NAME) : rows;
            }
            if (request instanceof Batch b) {
                if (forget.getAndSet(false)) {
                    return new Unprepared("unknown id", array(b.statements().get(1).preparedId()));
                }
                return VoidResult.INSTANCE;
            }
            return new Invalid("unexpected " + request);
        }
    }

    private static ByteBuffer cell(RowsResult rows, int col) {
        return rows.cell(0, col);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] array(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }

    @Test
    void concurrentPreparesOfOneQueryShareOnePrepare() {
        Node node = new Node();
        Sinks.One<Envelope> gate = Sinks.one();
        FakeTransport transport = new FakeTransport(Fixtures.NODE, ProtocolVersion.V5, request ->
                request instanceof Prepare
                        ? gate.asMono().map(ignored -> Envelope.response(ProtocolVersion.V5, 1, node.answer(request)))
                        : Mono.just(Envelope.response(ProtocolVersion.V5, 1, node.answer(request))));
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults());
        List<PreparedStatement> all = Flux.range(0, 10)
                .flatMap(i -> session.prepare("SELECT * FROM t WHERE id = ?"))
                .doOnSubscribe(s -> Mono.delay(Duration.ofMillis(50))
                        .subscribe(x -> gate.tryEmitValue(Envelope.response(ProtocolVersion.V5, 1,
                                VoidResult.INSTANCE))))
                .collectList().block(WAIT);
        assertEquals(10, all.size());
        assertEquals(1, node.prepares.get());
        all.forEach(p -> assertSame(all.get(0), p));
        // and later calls come from the cache
        assertSame(all.get(0), session.prepare("SELECT * FROM t WHERE id = ?").block(WAIT));
        assertEquals(1, transport.sent(Prepare.class).size());
    }

    @Test
    void aFailedPrepareIsNotCached() {
        AtomicInteger calls = new AtomicInteger();
        Node node = new Node();
        FakeTransport transport = Fixtures.transport(ProtocolVersion.V5, request ->
                request instanceof Prepare && calls.incrementAndGet() == 1 ? new Invalid("no table t")
                        : node.answer(request));
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults());
        assertThrows(InvalidQueryException.class, () -> session.prepare("SELECT * FROM t").block(WAIT));
        PreparedStatement prepared = session.prepare("SELECT * FROM t").block(WAIT);
        assertEquals("SELECT * FROM t", prepared.query());
        assertEquals(2, transport.sent(Prepare.class).size());
    }

    @Test
    void unpreparedIsPreparedAgainAndRetriedOnTheSameConnection() {
        Node node = new Node();
        FakeTransport transport = Fixtures.transport(ProtocolVersion.V5, node::answer);
        Fixtures.CountingTracker tracker = new Fixtures.CountingTracker();
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults(), tracker);
        PreparedStatement prepared = session.prepare("SELECT * FROM t WHERE id = ?").block(WAIT);
        node.forget.set(true);
        List<Row> rows = session.execute(prepared.bind(1)).collectList().block(WAIT);
        assertEquals(1, rows.size());
        assertEquals("one", rows.get(0).getString("name"));
        List<Class<?>> kinds = transport.sent().stream().<Class<?>>map(Object::getClass).toList();
        assertEquals(List.of(Prepare.class, Execute.class, Prepare.class, Execute.class), kinds);
        assertEquals(2, tracker.prepares.size());
        assertInstanceOf(UnpreparedException.class, tracker.errors.get(0));
    }

    @Test
    void unpreparedInABatchPreparesTheStatementItNames() {
        Node node = new Node();
        FakeTransport transport = Fixtures.transport(ProtocolVersion.V5, node::answer);
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults());
        PreparedStatement a = session.prepare("INSERT INTO t (id) VALUES (?)").block(WAIT);
        PreparedStatement b = session.prepare("UPDATE t SET x = 1 WHERE id = ?").block(WAIT);
        node.forget.set(true);
        BatchStatement batch = BatchStatement.logged().add(a.bind(1)).add(b.bind(2));
        session.executePage(batch).block(WAIT);
        List<Prepare> prepares = transport.sent(Prepare.class);
        assertEquals(3, prepares.size());
        assertEquals("UPDATE t SET x = 1 WHERE id = ?", prepares.get(2).query());
        assertEquals(2, transport.sent(Batch.class).size());
    }

    @Test
    void unpreparedTwiceInARowFails() {
        Node node = new Node();
        FakeTransport transport = Fixtures.transport(ProtocolVersion.V5, request -> {
            if (request instanceof Execute) {
                node.forget.set(true);
            }
            return node.answer(request);
        });
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults());
        PreparedStatement prepared = session.prepare("SELECT * FROM t WHERE id = ?").block(WAIT);
        assertThrows(UnpreparedException.class, () -> session.execute(prepared.bind(1)).blockLast(WAIT));
    }

    @Test
    void v5ExecutionsSkipMetadataAndSendTheResultMetadataId() {
        Node node = new Node();
        FakeTransport transport = Fixtures.transport(ProtocolVersion.V5, node::answer);
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults());
        PreparedStatement prepared = session.prepare("SELECT * FROM t WHERE id = ?").block(WAIT);
        Row row = session.execute(prepared.bind(1)).blockFirst(WAIT);
        assertEquals("one", row.getString(1));
        Execute execute = transport.sent(Execute.class).get(0);
        assertTrue(execute.options().skipMetadata());
        assertArrayEquals(bytes("meta-1"), array(execute.resultMetadataId()));
    }

    @Test
    void metadataChangedUpdatesThePreparedStatement() {
        Node node = new Node();
        FakeTransport transport = Fixtures.transport(ProtocolVersion.V5, node::answer);
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults());
        PreparedStatement prepared = session.prepare("SELECT * FROM t WHERE id = ?").block(WAIT);
        assertEquals(2, prepared.resultDefinitions().size());
        // the table gained a column: the server answers with the new metadata and id
        node.resultColumns = List.of(Fixtures.col("id", PrimitiveType.INT), Fixtures.col("name", PrimitiveType.VARCHAR),
                Fixtures.col("age", PrimitiveType.BIGINT));
        node.metadataId.set(bytes("meta-2"));
        node.announceChange = true;
        Row row = session.execute(prepared.bind(7)).blockFirst(WAIT);
        assertEquals(1L, row.getLong("age"));
        assertEquals(3, prepared.resultDefinitions().size());
        assertArrayEquals(bytes("meta-2"), array(prepared.resultMetadataId()));
        session.execute(prepared.bind(7)).blockLast(WAIT);
        Execute next = transport.sent(Execute.class).get(1);
        assertArrayEquals(bytes("meta-2"), array(next.resultMetadataId()));
    }

    @Test
    void v4ExecutionsAskForTheMetadataAndSendNoMetadataId() {
        Node node = new Node();
        node.metadataId.set(null);
        FakeTransport transport = Fixtures.transport(ProtocolVersion.V4, node::answer);
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults());
        PreparedStatement prepared = session.prepare("SELECT * FROM t WHERE id = ?").block(WAIT);
        assertNull(prepared.resultMetadataId());
        session.execute(prepared.bind(1)).blockLast(WAIT);
        Execute execute = transport.sent(Execute.class).get(0);
        assertFalse(execute.options().skipMetadata());
        assertNull(execute.resultMetadataId());
    }

    @Test
    void boundValuesAreEncodedWithTheMarkerTypes() {
        Node node = new Node();
        FakeTransport transport = Fixtures.transport(ProtocolVersion.V5, node::answer);
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults());
        PreparedStatement prepared = session.prepare("SELECT * FROM t WHERE id = ?").block(WAIT);
        session.execute(prepared.boundStatementBuilder().set("ID", 42).build()).blockLast(WAIT);
        session.execute(prepared.bind()).blockLast(WAIT);
        List<Execute> executes = transport.sent(Execute.class);
        assertEquals(42, executes.get(0).options().values().get(0).getInt(0));
        assertSame(io.reactivecql.protocol.Primitives.UNSET, executes.get(1).options().values().get(0));
    }
}
