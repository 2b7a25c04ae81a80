package io.reactivecql.mapper.it;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.errors.InvalidQueryException;
import io.reactivecql.api.result.Row;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import io.reactivecql.mapper.api.AllowFiltering;
import io.reactivecql.mapper.api.ClusteringColumn;
import io.reactivecql.mapper.api.Condition;
import io.reactivecql.mapper.api.Key;
import io.reactivecql.mapper.api.MappingException;
import io.reactivecql.mapper.api.Order;
import io.reactivecql.mapper.api.PartitionKey;
import io.reactivecql.mapper.api.Query;
import io.reactivecql.mapper.api.QueryRefusedException;
import io.reactivecql.mapper.api.ReactiveMapper;
import io.reactivecql.mapper.api.ReactiveRepository;
import io.reactivecql.mapper.api.Static;
import io.reactivecql.mapper.api.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static io.reactivecql.mapper.api.Relation.contains;
import static io.reactivecql.mapper.api.Relation.containsKey;
import static io.reactivecql.mapper.api.Relation.eq;
import static io.reactivecql.mapper.api.Relation.gt;
import static io.reactivecql.mapper.api.Relation.gte;
import static io.reactivecql.mapper.api.Relation.in;
import static io.reactivecql.mapper.api.Relation.lt;
import static io.reactivecql.mapper.api.Relation.tokenGt;
import static io.reactivecql.mapper.api.Relation.tokenLte;
import static io.reactivecql.mapper.it.MapperIts.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Derived queries and the query DSL return what the equivalent CQL returns; what they refuse is what
 * the server refuses.
 */
@RealCassandra
class QueryIT {

    static final String KS = "orm_query";
    static final Instant T0 = Instant.ofEpochMilli(1_700_000_000_000L);

    @Table(keyspace = KS, name = "events")
    record Event(@PartitionKey UUID userId, @ClusteringColumn(descending = true) Instant ts, String kind, int score,
                 Set<String> tags, Map<String, String> attrs, String note, @Static String owner) {
    }

    interface EventRepository extends ReactiveRepository<Event, Key> {
        Flux<Event> findByUserId(UUID userId);

        Flux<Event> findTop10ByUserIdOrderByTsAsc(UUID userId);

        Flux<Event> findTop5ByUserId(UUID userId);

        Flux<Event> findByUserIdAndTsGreaterThan(UUID userId, Instant since);

        Flux<Event> findByUserIdAndTsBetween(UUID userId, Instant from, Instant to);

        Flux<Event> findByUserIdIn(List<UUID> userIds);

        Mono<Event> findFirstByUserId(UUID userId);

        Mono<Long> countByUserId(UUID userId);

        Mono<Boolean> existsByUserIdAndTs(UUID userId, Instant ts);

        Flux<Event> findByKind(String kind);

        Flux<Event> findByTagsContaining(String tag);

        Flux<Event> findByAttrsContainsKey(String key);

        Flux<Event> findByScoreGreaterThanEqual(int score);

        Flux<Event> findByNoteAllowFiltering(String note);

        @AllowFiltering
        Mono<Long> countByUserIdAndNote(UUID userId, String note);

        Mono<Void> deleteByUserIdAndTsLessThan(UUID userId, Instant before);

        default Mono<Integer> kindCount(UUID userId) {
            return findByUserId(userId).map(Event::kind).distinct().count().map(Long::intValue);
        }
    }

    interface FilteringRepository extends ReactiveRepository<Event, Key> {
        Flux<Event> findByNote(String note);
    }

    private static ReactiveSession session;
    private static ReactiveMapper mapper;
    private static EventRepository events;
    private static final List<UUID> USERS = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

    @BeforeAll
    static void setUp(CassandraCluster cluster) {
        session = MapperIts.session(cluster, null);
        mapper = ReactiveMapper.create(session);
        mapper.schema().dropKeyspace(KS).block(WAIT);
        mapper.schema().createKeyspaceSimple(KS, 1).block(WAIT);
        mapper.schema().syncTable(Event.class).block(WAIT);
        MapperIts.run(session, "CREATE INDEX events_kind ON " + KS + ".events (kind)");
        MapperIts.run(session, "CREATE INDEX events_tags ON " + KS + ".events (values(tags))");
        MapperIts.run(session, "CREATE INDEX events_attrs ON " + KS + ".events (keys(attrs))");
        MapperIts.run(session, "CREATE CUSTOM INDEX events_score ON " + KS + ".events (score) "
                + "USING 'StorageAttachedIndex'");
        // created after the mapper read the schema: implement() must see the indexes anyway
        events = mapper.implement(EventRepository.class).block(WAIT);
        List<Event> all = new ArrayList<>();
        for (int u = 0; u < USERS.size(); u++) {
            for (int i = 0; i < 20; i++) {
                all.add(new Event(USERS.get(u), T0.plusSeconds(i), List.of("click", "view", "buy").get(i % 3),
                        u * 100 + i, Set.of("t" + (i % 3)), Map.of("k" + (i % 4), "v"), "n" + (i % 5), "owner" + u));
            }
        }
        events.saveAll(Flux.fromIterable(all), 16).blockLast(WAIT);
    }

    @AfterAll
    static void tearDown() {
        if (session != null) {
            mapper.close().block(WAIT);
            session.close().block(WAIT);
        }
    }

    // ---- comparing with CQL: rows and entities by key

    private static String key(UUID user, Instant ts) {
        return user + "/" + ts.toEpochMilli();
    }

    private static List<String> keys(Flux<Event> entities) {
        return entities.map(e -> key(e.userId(), e.ts())).collectList().block(WAIT);
    }

    private static List<String> cql(String where, Object... values) {
        return session.execute("SELECT user_id, ts FROM " + KS + ".events " + where, values)
                .map((Row r) -> key(r.getUuid(0), r.getInstant(1))).collectList().block(WAIT);
    }

    private static <T> Set<T> set(List<T> list) {
        return new HashSet<>(list);
    }

    @Test
    void derivedQueriesMatchCql() {
        UUID u = USERS.get(0);
        assertEquals(cql("WHERE user_id = ?", u), keys(events.findByUserId(u)));
        assertEquals(20, keys(events.findByUserId(u)).size());
        assertEquals(cql("WHERE user_id = ? ORDER BY ts ASC LIMIT 10", u),
                keys(events.findTop10ByUserIdOrderByTsAsc(u)));
        assertEquals(cql("WHERE user_id = ? LIMIT 5", u), keys(events.findTop5ByUserId(u)));
        Instant since = T0.plusSeconds(14);
        assertEquals(cql("WHERE user_id = ? AND ts > ?", u, since),
                keys(events.findByUserIdAndTsGreaterThan(u, since)));
        assertEquals(5, keys(events.findByUserIdAndTsGreaterThan(u, since)).size());
        assertEquals(cql("WHERE user_id = ? AND ts >= ? AND ts <= ?", u, T0.plusSeconds(3), T0.plusSeconds(6)),
                keys(events.findByUserIdAndTsBetween(u, T0.plusSeconds(3), T0.plusSeconds(6))));
        assertEquals(set(cql("WHERE user_id IN ?", USERS.subList(0, 2))),
                set(keys(events.findByUserIdIn(USERS.subList(0, 2)))));
        assertEquals(cql("WHERE user_id = ? LIMIT 1", u), keys(Flux.from(events.findFirstByUserId(u))));
        assertEquals(20L, events.countByUserId(u).block(WAIT));
        assertTrue(events.existsByUserIdAndTs(u, T0.plusSeconds(3)).block(WAIT));
        assertFalse(events.existsByUserIdAndTs(u, T0.minusSeconds(3)).block(WAIT));
        assertEquals(3, events.kindCount(u).block(WAIT), "default methods run as written");
    }

    @Test
    void derivedQueriesThroughIndexesAndFiltering() {
        assertEquals(set(cql("WHERE kind = ?", "buy")), set(keys(events.findByKind("buy"))));
        assertEquals(set(cql("WHERE tags CONTAINS ?", "t1")), set(keys(events.findByTagsContaining("t1"))));
        assertEquals(set(cql("WHERE attrs CONTAINS KEY ?", "k2")), set(keys(events.findByAttrsContainsKey("k2"))));
        assertEquals(set(cql("WHERE score >= ?", 215)), set(keys(events.findByScoreGreaterThanEqual(215))));
        assertEquals(5, keys(events.findByScoreGreaterThanEqual(215)).size());
        assertEquals(set(cql("WHERE note = ? ALLOW FILTERING", "n2")),
                set(keys(events.findByNoteAllowFiltering("n2"))));
        assertEquals(12, keys(events.findByNoteAllowFiltering("n2")).size());
        assertEquals(4L, events.countByUserIdAndNote(USERS.get(1), "n3").block(WAIT));
    }

    @Test
    void aFilteringMethodIsRefusedAtStartup() {
        QueryRefusedException e = assertThrows(QueryRefusedException.class,
                () -> mapper.implement(FilteringRepository.class).block(WAIT));
        assertTrue(e.needsFiltering());
        assertEquals("FilteringRepository.findByNote", e.method());
        assertEquals("note", e.column());
        assertTrue(e.getMessage().contains("AllowFiltering"), e.getMessage());
        MappingException wrongEntry = assertThrows(MappingException.class,
                () -> mapper.repository(EventRepository.class).block(WAIT));
        assertTrue(wrongEntry.getMessage().contains("mapper.implement(EventRepository.class)"),
                wrongEntry.getMessage());
    }

    @Test
    void dslMatchesCql() {
        UUID u = USERS.get(1);
        Instant since = T0.plusSeconds(5);
        assertEquals(cql("WHERE user_id = ? AND ts > ? ORDER BY ts ASC LIMIT 5", u, since),
                keys(events.query().where(eq("user_id", u)).and(gt("ts", since)).orderBy("ts", Order.ASC).limit(5)
                        .flux()));
        assertEquals(set(cql("WHERE user_id IN ?", USERS)),
                set(keys(events.query().where(in("userId", USERS)).flux())));
        assertEquals(set(cql("WHERE tags CONTAINS ?", "t2")),
                set(keys(events.query().where(contains("tags", "t2")).flux())));
        assertEquals(set(cql("WHERE attrs CONTAINS KEY ?", "k0")),
                set(keys(events.query().where(containsKey("attrs", "k0")).flux())));
        assertEquals(set(cql("WHERE token(user_id) > ? AND token(user_id) <= ?", Long.MIN_VALUE, 0L)),
                set(keys(events.query().where(tokenGt(Long.MIN_VALUE)).and(tokenLte(0L)).flux())));
        assertEquals(set(cql("PER PARTITION LIMIT 2")), set(keys(events.query().perPartitionLimit(2).flux())));
        assertEquals(6, keys(events.query().perPartitionLimit(2).flux()).size());
        assertEquals(cql("WHERE user_id = ? LIMIT 1", u),
                keys(Flux.from(events.query().where(eq("user_id", u)).first())));
        assertEquals(20L, events.query().where(eq("user_id", u)).count().block(WAIT));
        assertEquals(4L, events.query().where(eq("user_id", u)).and(eq("note", "n1")).allowFiltering().count()
                .block(WAIT));
        assertTrue(events.query().where(eq("kind", "view")).exists().block(WAIT));
        assertFalse(events.query().where(eq("kind", "none")).exists().block(WAIT));
        assertTrue(events.query().where(eq("user_id", u)).cql().startsWith("SELECT user_id, ts, kind"));
    }

    @Test
    void dslWrites() {
        UUID u = UUID.randomUUID();
        List<Event> mine = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            mine.add(new Event(u, T0.plusSeconds(i), "view", 900 + i, Set.of("a"), Map.of(), "x", null));
        }
        events.saveAll(Flux.fromIterable(mine)).blockLast(WAIT);
        Query<Event> one = events.query().where(eq("user_id", u)).and(eq("ts", T0));
        assertTrue(one.update().set("note", "updated").add("tags", Set.of("b")).execute().block(WAIT));
        Event updated = one.first().block(WAIT);
        assertEquals("updated", updated.note());
        assertEquals(Set.of("a", "b"), updated.tags());
        assertFalse(one.update().set("note", "again").onlyIf(Condition.ifEq("note", "wrong")).execute().block(WAIT));
        assertTrue(one.update().remove("tags", List.of("a")).onlyIf(Condition.ifEq("note", "updated")).execute()
                .block(WAIT));
        assertEquals(Set.of("b"), one.first().block(WAIT).tags());
        assertTrue(events.query().where(eq("user_id", u)).update().set("owner", "static owner").execute().block(WAIT),
                "a static column is updated with the partition key alone");
        assertTrue(keys(events.findByUserId(u)).size() == 6);
        assertEquals(Set.of("static owner"), new HashSet<>(events.findByUserId(u).map(Event::owner).collectList()
                .block(WAIT)));

        events.query().where(eq("user_id", u)).and(lt("ts", T0.plusSeconds(2))).delete().block(WAIT);
        assertEquals(cql("WHERE user_id = ?", u), keys(events.findByUserId(u)));
        assertEquals(4, keys(events.findByUserId(u)).size());
        events.deleteByUserIdAndTsLessThan(u, T0.plusSeconds(4)).block(WAIT);
        assertEquals(2L, events.countByUserId(u).block(WAIT));
        events.query().where(eq("user_id", u)).delete().block(WAIT);
        assertEquals(0L, events.countByUserId(u).block(WAIT));

        assertThrows(QueryRefusedException.class, () -> events.query().where(eq("kind", "view")).delete().block(WAIT));
        assertThrows(QueryRefusedException.class,
                () -> events.query().where(eq("user_id", u)).update().set("note", "n").execute().block(WAIT));
    }

    /** One query shape: the DSL form, and the CQL it stands for. */
    private record Shape(String name, UnaryOperator<Query<Event>> dsl, String where, Object... values) {
    }

    @Test
    void refusalsMatchTheServer() {
        UUID u = USERS.get(2);
        List<Shape> shapes = List.of(
                new Shape("partition", q -> q.where(eq("user_id", u)), "WHERE user_id = ?", u),
                new Shape("clustering alone", q -> q.where(gt("ts", T0)), "WHERE ts > ?", T0),
                new Shape("regular column", q -> q.where(eq("note", "n1")), "WHERE note = ?", "n1"),
                new Shape("partition and regular", q -> q.where(eq("user_id", u)).and(eq("note", "n1")),
                        "WHERE user_id = ? AND note = ?", u, "n1"),
                new Shape("legacy index", q -> q.where(eq("kind", "buy")), "WHERE kind = ?", "buy"),
                new Shape("legacy index range", q -> q.where(gt("kind", "b")), "WHERE kind > ?", "b"),
                new Shape("sai range", q -> q.where(gte("score", 5)), "WHERE score >= ?", 5),
                new Shape("values index", q -> q.where(contains("tags", "t1")), "WHERE tags CONTAINS ?", "t1"),
                new Shape("no values index", q -> q.where(contains("attrs", "v")), "WHERE attrs CONTAINS ?", "v"),
                new Shape("order", q -> q.where(eq("user_id", u)).orderBy("ts", Order.ASC),
                        "WHERE user_id = ? ORDER BY ts ASC", u),
                new Shape("order without partition", q -> q.where(gte("score", 5)).orderBy("ts", Order.ASC),
                        "WHERE score >= ? ORDER BY ts ASC", 5),
                new Shape("order on a regular column", q -> q.where(eq("user_id", u)).orderBy("note", Order.ASC),
                        "WHERE user_id = ? ORDER BY note ASC", u));
        List<String> disagreements = new ArrayList<>();
        for (Shape s : shapes) {
            String serverSays;
            try {
                session.execute("SELECT user_id, ts FROM " + KS + ".events " + s.where(), s.values()).blockLast(WAIT);
                serverSays = "served";
            } catch (InvalidQueryException e) {
                serverSays = e.getMessage().contains("ALLOW FILTERING") ? "needs filtering" : "invalid";
            }
            String mapperSays;
            try {
                s.dsl().apply(events.query()).flux().blockLast(WAIT);
                mapperSays = "served";
            } catch (QueryRefusedException e) {
                mapperSays = e.needsFiltering() ? "needs filtering" : "invalid";
            }
            if (!serverSays.equals(mapperSays)) {
                disagreements.add(s.name() + ": server " + serverSays + ", mapper " + mapperSays);
            }
            if (serverSays.equals("needs filtering")) {
                // and with filtering asked for, both serve the same rows
                assertEquals(set(cql(s.where() + " ALLOW FILTERING", s.values())),
                        set(keys(s.dsl().apply(events.query()).allowFiltering().flux())), s.name());
            }
        }
        assertEquals(List.of(), disagreements);
    }
}
