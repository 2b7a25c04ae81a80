package io.reactivecql.mapper.it;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import io.reactivecql.mapper.api.ClusteringColumn;
import io.reactivecql.mapper.api.Counter;
import io.reactivecql.mapper.api.EntityBatch;
import io.reactivecql.mapper.api.Key;
import io.reactivecql.mapper.api.MappingException;
import io.reactivecql.mapper.api.OptimisticLockException;
import io.reactivecql.mapper.api.PartitionKey;
import io.reactivecql.mapper.api.QueryOptions;
import io.reactivecql.mapper.api.ReactiveMapper;
import io.reactivecql.mapper.api.ReactiveRepository;
import io.reactivecql.mapper.api.Table;
import io.reactivecql.mapper.api.Version;
import io.reactivecql.protocol.request.BatchType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;

import static io.reactivecql.mapper.api.Relation.eq;
import static io.reactivecql.mapper.it.MapperIts.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Optimistic locking with {@code @Version}, counters, and batches of entity writes on a real node. */
@RealCassandra
class LockingCountersBatchesIT {

    static final String KS = "orm_lwt";

    @Table(keyspace = KS, name = "documents")
    record Document(@PartitionKey UUID id, String title, @Version long version) {
        Document titled(String t) {
            return new Document(id, t, version);
        }
    }

    @Table(keyspace = KS, name = "accounts")
    static final class Account {
        @PartitionKey
        String owner;
        long balance;
        @Version
        Integer version;
    }

    @Table(keyspace = KS, name = "page_views")
    record PageViews(@PartitionKey String page, @Counter long views, @Counter long clicks) {
    }

    @Table(keyspace = KS, name = "orders")
    record Order(@PartitionKey UUID id, String customer, int total) {
    }

    @Table(keyspace = KS, name = "order_lines")
    record OrderLine(@PartitionKey UUID orderId, @ClusteringColumn int line, String item) {
    }

    private static ReactiveSession session;
    private static ReactiveMapper mapper;
    private static ReactiveRepository<Document, UUID> documents;
    private static ReactiveRepository<Account, String> accounts;
    private static ReactiveRepository<PageViews, String> views;
    private static ReactiveRepository<Order, UUID> orders;
    private static ReactiveRepository<OrderLine, Key> lines;

    @BeforeAll
    static void setUp(CassandraCluster cluster) {
        session = MapperIts.session(cluster, null);
        mapper = ReactiveMapper.create(session);
        mapper.schema().dropKeyspace(KS).block(WAIT);
        mapper.schema().createKeyspaceSimple(KS, 1).block(WAIT);
        Flux.just(Document.class, Account.class, PageViews.class, Order.class, OrderLine.class)
                .concatMap(c -> mapper.schema().syncTable(c)).blockLast(WAIT);
        documents = mapper.repository(Document.class, UUID.class).block(WAIT);
        accounts = mapper.repository(Account.class, String.class).block(WAIT);
        views = mapper.repository(PageViews.class, String.class).block(WAIT);
        orders = mapper.repository(Order.class, UUID.class).block(WAIT);
        lines = mapper.repository(OrderLine.class, Key.class).block(WAIT);
    }

    @AfterAll
    static void tearDown() {
        if (session != null) {
            mapper.close().block(WAIT);
            session.close().block(WAIT);
        }
    }

    @Test
    void versionConflictsAreTypedErrors() {
        UUID id = UUID.randomUUID();
        Document v1 = documents.save(new Document(id, "draft", 0)).block(WAIT);
        assertEquals(1, v1.version(), "a new entity is inserted with version 1");
        Document v2 = documents.save(v1.titled("second")).block(WAIT);
        assertEquals(2, v2.version());

        OptimisticLockException stale = assertThrows(OptimisticLockException.class,
                () -> documents.save(v1.titled("stale")).block(WAIT));
        assertEquals("Document", stale.entity());
        assertEquals(1L, stale.expectedVersion());
        assertEquals(2L, stale.actualVersion());
        assertEquals("second", documents.findById(id).block(WAIT).title(), "the stale write changed nothing");

        OptimisticLockException exists = assertThrows(OptimisticLockException.class,
                () -> documents.save(new Document(id, "again", 0)).block(WAIT));
        assertNull(exists.expectedVersion());
        assertEquals(2L, exists.actualVersion());

        assertThrows(OptimisticLockException.class, () -> documents.delete(v1).block(WAIT));
        assertTrue(documents.existsById(id).block(WAIT));
        documents.delete(v2).block(WAIT);
        assertFalse(documents.existsById(id).block(WAIT));
        OptimisticLockException gone = assertThrows(OptimisticLockException.class,
                () -> documents.save(v2.titled("ghost")).block(WAIT));
        assertNull(gone.actualVersion(), "the row is gone");
    }

    @Test
    void concurrentWritersOfOneVersionOneWins() {
        Account a = new Account();
        a.owner = "acct-" + UUID.randomUUID();
        a.balance = 100;
        assertSame(a, accounts.save(a).block(WAIT), "a bean's version is updated in place");
        assertEquals(1, a.version);
        Account first = accounts.findById(a.owner).block(WAIT);
        Account second = accounts.findById(a.owner).block(WAIT);
        first.balance = 50;
        second.balance = 70;
        List<String> outcomes = Flux.merge(
                accounts.save(first).map(x -> "saved").onErrorResume(OptimisticLockException.class,
                        e -> Mono.just("conflict")),
                accounts.save(second).map(x -> "saved").onErrorResume(OptimisticLockException.class,
                        e -> Mono.just("conflict")))
                .collectList().block(WAIT);
        assertEquals(1, outcomes.stream().filter("saved"::equals).count(), outcomes.toString());
        assertEquals(1, outcomes.stream().filter("conflict"::equals).count(), outcomes.toString());
        Account now = accounts.findById(a.owner).block(WAIT);
        assertEquals(2, now.version);
        assertTrue(now.balance == 50 || now.balance == 70);
    }

    @Test
    void counters() {
        String page = "/home-" + UUID.randomUUID();
        views.increment(page, "views", 5).block(WAIT);
        views.increment(page, "clicks", 2).block(WAIT);
        views.decrement(page, "views", 1).block(WAIT);
        assertEquals(new PageViews(page, 4, 2), views.findById(page).block(WAIT));
        assertTrue(views.query().where(eq("page", page)).update().increment("views", 10).decrement("clicks", 1)
                .execute().block(WAIT));
        assertEquals(new PageViews(page, 14, 1), views.findById(page).block(WAIT));

        String other = "/about-" + UUID.randomUUID();
        assertTrue(mapper.batch(BatchType.COUNTER).increment(views, page, "views", 1)
                .increment(views, other, "clicks", 3).execute().block(WAIT));
        assertEquals(15, views.findById(page).block(WAIT).views());
        assertEquals(3, views.findById(other).block(WAIT).clicks());

        MappingException save = assertThrows(MappingException.class,
                () -> views.save(new PageViews(page, 1, 1)).block(WAIT));
        assertTrue(save.getMessage().contains("increment"), save.getMessage());
        assertThrows(IllegalArgumentException.class, () -> orders.increment(UUID.randomUUID(), "total", 1).block(WAIT));
        assertThrows(IllegalArgumentException.class,
                () -> views.increment(page, "views", 1, QueryOptions.defaults().withTtlSeconds(10)).block(WAIT));
    }

    @Test
    void loggedAndUnloggedBatches() {
        UUID id = UUID.randomUUID();
        Order order = new Order(id, "ann", 30);
        OrderLine l1 = new OrderLine(id, 1, "pen");
        OrderLine l2 = new OrderLine(id, 2, "ink");
        long micros = 1_650_000_000_000_000L;
        EntityBatch batch = mapper.batch(BatchType.LOGGED).save(orders, order).save(lines, l1).save(lines, l2)
                .options(QueryOptions.defaults().withTimestamp(micros));
        assertEquals(3, batch.size());
        assertTrue(batch.execute().block(WAIT));
        assertEquals(order, orders.findById(id).block(WAIT));
        assertEquals(List.of(l1, l2), lines.query().where(eq("order_id", id)).flux().collectList().block(WAIT));
        assertEquals(micros, session.execute("SELECT WRITETIME(item) FROM " + KS + ".order_lines WHERE order_id = ? "
                + "AND line = 2", id).blockFirst(WAIT).getLong(0));

        assertTrue(mapper.batch(BatchType.UNLOGGED).delete(lines, l1).delete(lines, l2).execute().block(WAIT));
        assertEquals(0L, lines.query().where(eq("order_id", id)).count().block(WAIT));
        assertTrue(mapper.batch(BatchType.LOGGED).execute().block(WAIT), "an empty batch does nothing");
    }

    @Test
    void conditionalBatchNotApplied() {
        UUID id = UUID.randomUUID();
        Document v1 = documents.save(new Document(id, "one", 0)).block(WAIT);
        Document v2 = documents.save(v1.titled("two")).block(WAIT);
        // a batch of conditional writes of one partition: the stale version makes the whole batch fail
        boolean applied = mapper.batch(BatchType.LOGGED).save(documents, v1.titled("stale")).execute().block(WAIT);
        assertFalse(applied);
        assertEquals(v2, documents.findById(id).block(WAIT));
        assertTrue(mapper.batch(BatchType.LOGGED).save(documents, v2.titled("three")).execute().block(WAIT));
        assertEquals("three", documents.findById(id).block(WAIT).title());
    }
}
