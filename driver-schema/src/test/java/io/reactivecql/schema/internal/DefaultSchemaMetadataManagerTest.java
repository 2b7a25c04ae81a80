package io.reactivecql.schema.internal;

import io.reactivecql.protocol.response.event.Event;
import io.reactivecql.protocol.response.event.SchemaChange.ChangeType;
import io.reactivecql.protocol.response.event.SchemaChangeEvent;
import io.reactivecql.protocol.response.event.StatusChangeEvent;
import io.reactivecql.schema.api.Metadata;
import io.reactivecql.schema.api.SchemaChange;
import io.reactivecql.schema.api.SchemaConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefaultSchemaMetadataManagerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final SchemaConfig FAST = SchemaConfig.defaults()
            .withDebounce(Duration.ofMillis(100), 100)
            .withRetry(3, Duration.ofMillis(10))
            .withAgreement(Duration.ofMillis(500), Duration.ofMillis(20));

    private final Sinks.Many<Event> events = Sinks.many().multicast().onBackpressureBuffer();
    private final FakeSchemaSource source = new FakeSchemaSource(Rows.shop());
    private DefaultSchemaMetadataManager manager;

    private DefaultSchemaMetadataManager manager(SchemaConfig config) {
        manager = new DefaultSchemaMetadataManager(new SchemaQueries(source), events.asFlux(), config);
        return manager;
    }

    @AfterEach
    void close() {
        if (manager != null) {
            manager.close().block(WAIT);
        }
    }

    private void emit(io.reactivecql.protocol.response.event.SchemaChange change) {
        events.emitNext(new SchemaChangeEvent(change), Sinks.EmitFailureHandler.FAIL_FAST);
    }

    private static Rows shopWithOrdersComment(String comment) {
        Rows rows = Rows.shop();
        rows.tables.clear();
        rows.table("shop", "orders", Map.of("comment", comment, "gc_grace_seconds", 3600));
        return rows;
    }

    @Test
    void burstOfTableEventsIsOneTargetedRefresh() {
        manager(FAST);
        Metadata first = manager.start().block(WAIT);
        assertEquals("all orders", first.keyspace("shop").orElseThrow().table("orders").orElseThrow()
                .options().get("comment"));
        source.queries.clear();
        Mono<List<SchemaChange>> changes = manager.changes().take(Duration.ofSeconds(1)).collectList().cache();
        changes.subscribe();
        source.rows = shopWithOrdersComment("new");
        for (int i = 0; i < 5; i++) {
            emit(io.reactivecql.protocol.response.event.SchemaChange.table(ChangeType.UPDATED, "shop", "orders"));
        }
        List<SchemaChange> received = changes.block(WAIT);
        assertEquals(List.of("UPDATED TABLE shop.orders"), received.stream().map(SchemaChange::toString).toList());
        assertEquals(1, source.queriesMatching("system_schema.tables WHERE keyspace_name = 'shop' AND table_name"));
        assertEquals(0, source.queriesMatching("system_schema.keyspaces"), source.queries.toString());
        assertEquals("new", manager.current().keyspace("shop").orElseThrow().table("orders").orElseThrow()
                .options().get("comment"));
        assertSame(first.keyspace("shop").orElseThrow().type("address").orElseThrow(),
                manager.current().keyspace("shop").orElseThrow().type("address").orElseThrow(), "unchanged is shared");
    }

    @Test
    void failedRefreshRetriesWithBackoff() {
        manager(FAST);
        manager.start().block(WAIT);
        Mono<SchemaChange> change = manager.changes().next().cache();
        change.subscribe();
        source.rows = shopWithOrdersComment("after failures");
        source.failuresLeft.set(2);
        emit(io.reactivecql.protocol.response.event.SchemaChange.table(ChangeType.UPDATED, "shop", "orders"));
        assertEquals("UPDATED TABLE shop.orders", change.block(WAIT).toString());
    }

    @Test
    void exhaustedRetriesKeepTheOldSnapshotAndTheManagerAlive() {
        manager(SchemaConfig.defaults().withDebounce(Duration.ofMillis(50), 100).withRetry(1, Duration.ofMillis(5)));
        Metadata first = manager.start().block(WAIT);
        source.rows = shopWithOrdersComment("x");
        source.failuresLeft.set(1000);
        emit(io.reactivecql.protocol.response.event.SchemaChange.table(ChangeType.UPDATED, "shop", "orders"));
        Mono<Metadata> failed = manager.refresh();
        assertTrue(failed.onErrorResume(e -> Mono.empty()).blockOptional(WAIT).isEmpty());
        assertSame(first, manager.current());
        source.failuresLeft.set(0);
        assertEquals("x", manager.refresh().block(WAIT).keyspace("shop").orElseThrow().table("orders")
                .orElseThrow().options().get("comment"));
    }

    @Test
    void tableEventOfAnUnknownKeyspaceReadsTheKeyspace() {
        source.rows = new Rows();
        manager(FAST);
        assertTrue(manager.start().block(WAIT).keyspaces().isEmpty());
        Mono<List<SchemaChange>> changes = manager.changes().take(9).collectList().cache();
        changes.subscribe();
        source.rows = Rows.shop();
        emit(io.reactivecql.protocol.response.event.SchemaChange.table(ChangeType.CREATED, "shop", "orders"));
        assertEquals("CREATED KEYSPACE shop", changes.block(WAIT).get(0).toString());
        assertEquals(1, source.queriesMatching("system_schema.keyspaces WHERE keyspace_name = 'shop'"));
    }

    @Test
    void droppedKeyspaceEvent() {
        manager(FAST);
        manager.start().block(WAIT);
        Mono<List<SchemaChange>> changes = manager.changes().take(9).collectList().cache();
        changes.subscribe();
        source.rows = new Rows();
        emit(io.reactivecql.protocol.response.event.SchemaChange.keyspace(ChangeType.DROPPED, "shop"));
        List<SchemaChange> received = changes.block(WAIT);
        assertEquals("DROPPED KEYSPACE shop", received.get(8).toString());
        assertTrue(manager.metadata().block(WAIT).keyspaces().isEmpty());
    }

    @Test
    void disabledQueriesNothing() {
        manager(FAST.withEnabled(false));
        assertSame(Metadata.EMPTY, manager.start().block(WAIT));
        emit(io.reactivecql.protocol.response.event.SchemaChange.keyspace(ChangeType.CREATED, "shop"));
        assertSame(Metadata.EMPTY, manager.refresh().block(WAIT));
        assertEquals(List.of(), source.queries);
    }

    @Test
    void keyspaceFilter() {
        source.rows = Rows.shop().keyspace("other", true);
        manager(FAST.withKeyspaces("other"));
        assertEquals(List.of("other"), List.copyOf(manager.start().block(WAIT).keyspaces().keySet()));
    }

    @Test
    void otherEventsPassThrough() {
        manager(FAST);
        manager.start().block(WAIT);
        Mono<Event> other = manager.otherEvents().next().cache();
        other.subscribe();
        StatusChangeEvent up = new StatusChangeEvent(StatusChangeEvent.Status.values()[0],
                new InetSocketAddress("127.0.0.1", 9042));
        events.emitNext(up, Sinks.EmitFailureHandler.FAIL_FAST);
        assertEquals(up, other.block(WAIT));
    }

    @Test
    void schemaAgreement() {
        manager(FAST);
        source.versions = List.of(UUID.randomUUID(), UUID.randomUUID());
        assertFalse(manager.awaitSchemaAgreement().block(WAIT));
        UUID one = UUID.randomUUID();
        source.versions = List.of(one, one, one);
        assertTrue(manager.awaitSchemaAgreement().block(WAIT));
        source.failuresLeft.set(3);
        assertTrue(manager.awaitSchemaAgreement().block(WAIT), "failed checks are retried");
    }

    @Test
    void metadataWaitsForTheFirstLoad() {
        manager(FAST);
        Mono<Metadata> pending = manager.metadata().cache();
        pending.subscribe();
        assertSame(Metadata.EMPTY, manager.current());
        manager.start().subscribe();
        assertTrue(pending.block(WAIT).keyspace("shop").isPresent());
    }

    @Test
    void maxEventsStartsTheRefreshBeforeTheWindowEnds() {
        manager(FAST.withDebounce(Duration.ofSeconds(60), 2));
        manager.start().block(WAIT);
        Mono<SchemaChange> change = manager.changes().next().cache();
        change.subscribe();
        source.rows = shopWithOrdersComment("early");
        emit(io.reactivecql.protocol.response.event.SchemaChange.table(ChangeType.UPDATED, "shop", "orders"));
        emit(io.reactivecql.protocol.response.event.SchemaChange.table(ChangeType.UPDATED, "shop", "orders"));
        assertEquals("UPDATED TABLE shop.orders", change.block(Duration.ofSeconds(5)).toString());
    }

    @Test
    void aSingleEventWaitsForTheWindow() {
        manager(FAST.withDebounce(Duration.ofMillis(400), 100));
        manager.start().block(WAIT);
        Mono<SchemaChange> change = manager.changes().next().cache();
        change.subscribe();
        source.rows = shopWithOrdersComment("late");
        long start = System.nanoTime();
        emit(io.reactivecql.protocol.response.event.SchemaChange.table(ChangeType.UPDATED, "shop", "orders"));
        assertEquals("UPDATED TABLE shop.orders", change.block(WAIT).toString());
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(350).toNanos());
    }
}
