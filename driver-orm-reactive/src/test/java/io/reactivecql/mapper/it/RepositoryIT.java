package io.reactivecql.mapper.it;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import io.reactivecql.mapper.api.ClusteringColumn;
import io.reactivecql.mapper.api.Condition;
import io.reactivecql.mapper.api.Key;
import io.reactivecql.mapper.api.MappingException;
import io.reactivecql.mapper.api.PartitionKey;
import io.reactivecql.mapper.api.ReactiveMapper;
import io.reactivecql.mapper.api.ReactiveRepository;
import io.reactivecql.mapper.api.Table;
import io.reactivecql.mapper.api.WriteResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.reactivecql.mapper.it.MapperIts.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The repository operations against a real node: CRUD, LWT inserts, conditional updates and deletes, ids. */
@RealCassandra
class RepositoryIT {

    static final String KS = "orm_repo";

    @Table(keyspace = KS, name = "products")
    record Product(@PartitionKey UUID id, String name, String category, BigDecimal price, Set<String> tags) {
        Product withName(String newName) {
            return new Product(id, newName, category, price, tags);
        }
    }

    @Table(keyspace = KS)
    record Reading(@PartitionKey String sensor, @PartitionKey(1) LocalDate day,
                   @ClusteringColumn(descending = true) Instant at, double value) {
    }

    @Table(keyspace = KS, name = "legacy")
    record LegacyMissing(@PartitionKey UUID id, String name, String colour) {
    }

    @Table(keyspace = KS, name = "legacy")
    record LegacyWrongType(@PartitionKey UUID id, String name, String qty) {
    }

    @Table(keyspace = KS, name = "nope")
    record NoTable(@PartitionKey UUID id) {
    }

    private static final MapperIts.Recorder RECORDER = new MapperIts.Recorder();
    private static ReactiveSession session;
    private static ReactiveMapper mapper;
    private static ReactiveRepository<Product, UUID> products;
    private static ReactiveRepository<Reading, Key> readings;

    @BeforeAll
    static void setUp(CassandraCluster cluster) {
        session = MapperIts.session(cluster, RECORDER);
        mapper = ReactiveMapper.create(session);
        mapper.schema().dropKeyspace(KS).block(WAIT);
        mapper.schema().createKeyspaceSimple(KS, 1).block(WAIT);
        mapper.schema().syncTable(Product.class).block(WAIT);
        mapper.schema().syncTable(Reading.class).block(WAIT);
        MapperIts.run(session, "CREATE TABLE " + KS + ".legacy (id uuid PRIMARY KEY, name text, qty int)");
        products = mapper.repository(Product.class, UUID.class).block(WAIT);
        readings = mapper.repository(Reading.class, Key.class).block(WAIT);
    }

    @AfterAll
    static void tearDown() {
        if (session != null) {
            mapper.close().block(WAIT);
            session.close().block(WAIT);
        }
    }

    private static Product product(String name) {
        return new Product(UUID.randomUUID(), name, "office", new BigDecimal("1.50"), Set.of("blue"));
    }

    private static long rawCount() {
        return session.execute("SELECT COUNT(*) FROM " + KS + ".products").blockFirst(WAIT).getLong(0);
    }

    @Test
    void crud() {
        Product pen = product("pen");
        assertEquals(pen, products.save(pen).block(WAIT));
        assertEquals(pen, products.findById(pen.id()).block(WAIT));
        assertTrue(products.existsById(pen.id()).block(WAIT));
        assertEquals(rawCount(), products.count().block(WAIT));
        products.deleteById(pen.id()).block(WAIT);
        assertNull(products.findById(pen.id()).block(WAIT));
        assertFalse(products.existsById(pen.id()).block(WAIT));

        Product ink = products.save(product("ink")).block(WAIT);
        products.delete(ink).block(WAIT);
        assertNull(products.findById(ink.id()).block(WAIT));
    }

    @Test
    void insertIfNotExistsTwice() {
        Product first = product("first");
        WriteResult<Product> applied = products.insert(first, true).block(WAIT);
        assertTrue(applied.wasApplied());
        assertTrue(applied.existing().isEmpty());
        WriteResult<Product> second = products.insert(first.withName("second"), true).block(WAIT);
        assertFalse(second.wasApplied(), "the second insert of the same key is not applied");
        assertEquals(first, second.existing().orElseThrow(), "the result shows the row that is there");
        assertEquals("first", products.findById(first.id()).block(WAIT).name());
        assertTrue(products.insert(first.withName("third"), false).block(WAIT).wasApplied(), "a plain insert upserts");
        assertEquals("third", products.findById(first.id()).block(WAIT).name());
    }

    @Test
    void conditionalUpdates() {
        Product pen = products.save(product("pen")).block(WAIT);
        assertTrue(products.update(pen.withName("fountain pen"), Condition.ifEq("name", "pen")).block(WAIT)
                .wasApplied());
        WriteResult<Product> stale = products.update(pen.withName("ballpoint"), Condition.ifEq("name", "pen"))
                .block(WAIT);
        assertFalse(stale.wasApplied());
        assertEquals("fountain pen", stale.existing().orElseThrow().name(), "the current value is reported");
        assertEquals("fountain pen", products.findById(pen.id()).block(WAIT).name());

        Product ghost = product("ghost");
        assertFalse(products.update(ghost, Condition.ifExists()).block(WAIT).wasApplied());
        assertNull(products.findById(ghost.id()).block(WAIT), "IF EXISTS did not create the row");
        assertTrue(products.update(ghost).block(WAIT).wasApplied(), "an unconditional update upserts");
        assertEquals(ghost, products.findById(ghost.id()).block(WAIT));
        assertTrue(products.update(ghost.withName("g2"), Condition.ifIn("name", List.of("x", "ghost"))).block(WAIT)
                .wasApplied());
    }

    @Test
    void conditionalDeletes() {
        Product pen = products.save(product("pen")).block(WAIT);
        WriteResult<Product> wrong = products.delete(pen, Condition.ifEq("price", new BigDecimal("9.99"))).block(WAIT);
        assertFalse(wrong.wasApplied());
        assertEquals(new BigDecimal("1.50"), wrong.existing().orElseThrow().price());
        assertTrue(products.existsById(pen.id()).block(WAIT));
        assertTrue(products.delete(pen, Condition.ifEq("price", new BigDecimal("1.50"))).block(WAIT).wasApplied());
        assertFalse(products.existsById(pen.id()).block(WAIT));
        assertFalse(products.delete(pen, Condition.ifExists()).block(WAIT).wasApplied());
    }

    @Test
    void compoundKeys() {
        LocalDate day = LocalDate.of(2024, 5, 1);
        Reading r1 = new Reading("s1", day, Instant.ofEpochMilli(1000), 1.5);
        Reading r2 = new Reading("s1", day, Instant.ofEpochMilli(2000), 2.5);
        readings.saveAll(Flux.just(r1, r2)).blockLast(WAIT);
        assertEquals(r2, readings.findById(Key.of("s1", day, Instant.ofEpochMilli(2000))).block(WAIT));
        assertEquals(List.of(r2, r1), readings.query().where(io.reactivecql.mapper.api.Relation.eq("sensor", "s1"))
                .and(io.reactivecql.mapper.api.Relation.eq("day", day)).flux().collectList().block(WAIT),
                "clustering order DESC");
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> readings.findById(Key.of("s1", day)).block(WAIT));
        assertTrue(size.getMessage().contains("has 3"), size.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> readings.findById(Key.of("s1", "2024-05-01", Instant.EPOCH)).block(WAIT));
        assertTrue(type.getMessage().contains("day"), type.getMessage());
        assertThrows(IllegalArgumentException.class, () -> readings.findById(null).block(WAIT));
    }

    @Test
    void findAllByIdInOrder() {
        Product a = products.save(product("a")).block(WAIT);
        Product b = products.save(product("b")).block(WAIT);
        List<Product> found = products.findAllById(Flux.just(b.id(), UUID.randomUUID(), a.id())).collectList()
                .block(WAIT);
        assertEquals(List.of(b, a), found);
    }

    @Test
    void saveAllWithBoundedConcurrency() {
        List<Product> batch = IntStream.range(0, 200).mapToObj(i -> product("bulk-" + i)).toList();
        RECORDER.resetInFlight();
        List<Product> saved = products.saveAll(Flux.fromIterable(batch), 4).collectList().block(WAIT);
        assertEquals(200, saved.size());
        assertTrue(RECORDER.maxInFlight.get() <= 4, "at most 4 in flight, saw " + RECORDER.maxInFlight.get());
        assertEquals(200, products.findAllById(Flux.fromIterable(batch).map(Product::id)).count().block(WAIT));
        assertThrows(IllegalArgumentException.class, () -> products.saveAll(Flux.empty(), 0));
    }

    @Test
    void statementsArePreparedOnce() {
        Product p = products.save(product("once")).block(WAIT);
        for (int i = 0; i < 20; i++) {
            products.findById(p.id()).block(WAIT);
            products.save(p).block(WAIT);
        }
        String select = "SELECT id, name, category, price, tags FROM orm_repo.products WHERE id = ?";
        String insert = "INSERT INTO orm_repo.products (id, name, category, price, tags) VALUES (?, ?, ?, ?, ?)";
        assertEquals(1, RECORDER.prepares(select), RECORDER.prepares.toString());
        assertEquals(1, RECORDER.prepares(insert), RECORDER.prepares.toString());
        assertTrue(RECORDER.pages(select) >= 20);
        ReactiveRepository<Product, UUID> another = mapper.repository(Product.class, UUID.class).block(WAIT);
        another.findById(p.id()).block(WAIT);
        assertEquals(1, RECORDER.prepares(select), "a second repository shares the mapper's prepared statements");
    }

    @Test
    void validatedAgainstTheLiveSchema() {
        MappingException missing = assertThrows(MappingException.class,
                () -> mapper.repository(LegacyMissing.class).block(WAIT));
        assertEquals("LegacyMissing", missing.entity());
        assertEquals("colour", missing.field());
        assertEquals("colour", missing.column());
        MappingException wrongType = assertThrows(MappingException.class,
                () -> mapper.repository(LegacyWrongType.class).block(WAIT));
        assertEquals("qty", wrongType.field());
        assertTrue(wrongType.getMessage().contains("CQL type int"), wrongType.getMessage());
        MappingException noTable = assertThrows(MappingException.class,
                () -> mapper.repository(NoTable.class).block(WAIT));
        assertTrue(noTable.getMessage().contains("orm_repo.nope does not exist"), noTable.getMessage());
        MappingException idType = assertThrows(MappingException.class,
                () -> mapper.repository(Product.class, String.class).block(WAIT));
        assertEquals("id", idType.field());
        assertThrows(MappingException.class, () -> mapper.repository(Reading.class, String.class).block(WAIT));
    }
}
