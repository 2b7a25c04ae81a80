package io.reactivecql.mapper.internal;

import io.reactivecql.mapper.api.AllowFiltering;
import io.reactivecql.mapper.api.Key;
import io.reactivecql.mapper.api.MappingException;
import io.reactivecql.mapper.api.Order;
import io.reactivecql.mapper.api.QueryOptions;
import io.reactivecql.mapper.api.QueryRefusedException;
import io.reactivecql.mapper.api.ReactiveRepository;
import io.reactivecql.mapper.api.Relation.Operator;
import io.reactivecql.mapper.internal.TestModels.Event;
import io.reactivecql.schema.api.ColumnMetadata;
import io.reactivecql.schema.api.TableMetadata;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Derived query names: parsing, and the startup checks against a hand-built schema (no server). */
class DerivedQueryTest {

    private final MapperContext ctx = NoSession.context();
    private final EntityModel<Event> model = ctx.models.entity(Event.class);

    private DefaultReactiveRepository<Event, Key> repository() {
        TableMetadata base = Schemas.table("events", EntityBindingTest.eventColumns().toArray(new ColumnMetadata[0]));
        TableMetadata events = Schemas.withIndexes(base, Schemas.index(base, "events_kind", "kind"),
                Schemas.index(base, "events_tags", "values(tags)"), Schemas.index(base, "events_attrs", "keys(attrs)"));
        return new DefaultReactiveRepository<>(ctx, EntityBinding.bind(model, "ks", Schemas.metadata(events),
                ctx.types));
    }

    interface Good {
        Flux<Event> findByUserIdAndBucket(UUID userId, int bucket);

        Flux<Event> findTop10ByUserIdAndBucketOrderByTsAsc(UUID userId, int bucket);

        Flux<Event> findByUserIdAndBucketAndTsGreaterThan(UUID userId, int bucket, Instant since);

        Flux<Event> findByUserIdAndBucketAndTsBetween(UUID userId, int bucket, Instant from, Instant to);

        Mono<Event> findFirstByUserIdAndBucket(UUID userId, int bucket, QueryOptions options);

        Mono<Long> countByUserIdAndBucket(UUID userId, int bucket);

        Mono<Boolean> existsByKind(String kind);

        Mono<Void> deleteByUserIdAndBucket(UUID userId, int bucket);

        Mono<Void> removeByUserIdAndBucketAndTsLessThan(UUID userId, int bucket, Instant before);

        Flux<Event> findByTagsContaining(String tag);

        Flux<Event> findByAttrsContainsKey(String key);

        Flux<Event> findByUserIdAndBucketIn(UUID userId, List<Integer> buckets);

        Flux<Event> findByNoteAllowFiltering(String note);

        @AllowFiltering
        Flux<Event> findByScoreIsGreaterThanEqual(int score);

        Flux<Event> findByUserIdAndBucketAndTsEqualsAndSeqLessThanEqualOrderByTsDescSeqAsc(UUID u, int b, Instant ts,
                                                                                           int seq);
    }

    interface Bad {
        Flux<Event> findByNote(String note);

        Flux<Event> findByNoteOrKind(String note, String kind);

        Flux<Event> findByColour(String colour);

        Flux<Event> findByUserIdAndBucket(UUID userId);

        Flux<Event> findByKind(int kind);

        Mono<Integer> countByKind(String kind);

        Flux<String> findByKindAndNote(String kind, String note);

        Flux<Event> findByUserIdAndBucketOrderByKindAsc(UUID userId, int bucket);

        Mono<Void> deleteByKind(String kind);

        Flux<Event> findByKindNotIn(List<String> kinds);

        Flux<Event> findByKindIn(String kind);

        Flux<Event> findDistinctByKind(String kind);

        Flux<Event> findByKindContaining(String s);
    }

    private static Method method(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }

    private String cql(String name) {
        return DerivedMethod.compile(repository(), method(Good.class, name)).cql();
    }

    private MappingException refused(String name) {
        return assertThrows(MappingException.class, () -> DerivedMethod.compile(repository(), method(Bad.class, name)));
    }

    @Test
    void parsesNames() {
        DerivedQuery q = DerivedQueryParser.parse("findTop10ByUserIdOrderByTsDesc", model);
        assertEquals(DerivedQuery.Kind.FIND, q.kind());
        assertEquals(10, q.limit());
        assertEquals("userId", q.parts().get(0).property().javaName);
        assertEquals(Operator.EQ, q.parts().get(0).operator());
        assertEquals(Order.DESC, q.orders().get(0).order());
        DerivedQuery between = DerivedQueryParser.parse("countByTsBetweenAndKindAllowFiltering", model);
        assertEquals(DerivedQuery.Kind.COUNT, between.kind());
        assertTrue(between.allowFiltering());
        assertEquals(3, between.arguments());
        assertTrue(between.parts().get(0).between());
        assertEquals(-1, between.limit());
        DerivedQuery first = DerivedQueryParser.parse("findFirstBy", model);
        assertEquals(1, first.limit());
        assertTrue(first.parts().isEmpty());
        assertEquals(Operator.GTE, DerivedQueryParser.parse("readByScoreIsGreaterThanEqual", model).parts().get(0)
                .operator());
        assertEquals(Operator.CONTAINS_KEY, DerivedQueryParser.parse("existsByAttrsContainingKey", model).parts()
                .get(0).operator());
        assertFalse(DerivedQueryParser.isDerived("findAll"));
        assertTrue(DerivedQueryParser.isDerived("deleteByKind"));
    }

    @Test
    void compilesToCql() {
        assertEquals("SELECT user_id, bucket, ts, seq, kind, score, note, tags, attrs, owner FROM ks.events "
                + "WHERE user_id = ? AND bucket = ?", cql("findByUserIdAndBucket"));
        assertTrue(cql("findTop10ByUserIdAndBucketOrderByTsAsc").endsWith(
                "WHERE user_id = ? AND bucket = ? ORDER BY ts ASC LIMIT ?"));
        assertTrue(cql("findByUserIdAndBucketAndTsBetween").endsWith("AND ts >= ? AND ts <= ?"));
        assertTrue(cql("findFirstByUserIdAndBucket").endsWith("LIMIT ?"));
        assertEquals("SELECT COUNT(*) FROM ks.events WHERE user_id = ? AND bucket = ?",
                cql("countByUserIdAndBucket"));
        assertEquals("SELECT user_id FROM ks.events WHERE kind = ? LIMIT ?", cql("existsByKind"));
        assertEquals("DELETE FROM ks.events WHERE user_id = ? AND bucket = ?", cql("deleteByUserIdAndBucket"));
        assertTrue(cql("removeByUserIdAndBucketAndTsLessThan").endsWith("AND ts < ?"));
        assertTrue(cql("findByTagsContaining").endsWith("WHERE tags CONTAINS ?"));
        assertTrue(cql("findByAttrsContainsKey").endsWith("WHERE attrs CONTAINS KEY ?"));
        assertTrue(cql("findByUserIdAndBucketIn").endsWith("WHERE user_id = ? AND bucket IN ?"));
        assertTrue(cql("findByNoteAllowFiltering").endsWith("WHERE note = ? ALLOW FILTERING"));
        assertTrue(cql("findByScoreIsGreaterThanEqual").endsWith("WHERE score >= ? ALLOW FILTERING"));
        assertTrue(cql("findByUserIdAndBucketAndTsEqualsAndSeqLessThanEqualOrderByTsDescSeqAsc")
                .endsWith("AND ts = ? AND seq <= ? ORDER BY ts DESC, seq ASC"));
    }

    @Test
    void refusesFilteringUnlessAskedFor() {
        MappingException e = refused("findByNote");
        assertTrue(e instanceof QueryRefusedException r && r.needsFiltering());
        assertEquals("Bad.findByNote", e.method());
        assertEquals("Event", e.entity());
        assertEquals("note", e.column());
        assertTrue(e.getMessage().contains("AllowFiltering"), e.getMessage());
        assertTrue(refused("findByKindContaining").getMessage().contains("CONTAINS"));
    }

    @Test
    void refusesWhatCannotWork() {
        assertTrue(refused("findByNoteOrKind").getMessage().contains("Or is not supported"));
        assertTrue(refused("findByColour").getMessage().contains("no property matches 'Colour'"));
        assertTrue(refused("findByUserIdAndBucket").getMessage().contains("takes 1 argument(s)"));
        MappingException type = refused("findByKind");
        assertEquals("kind", type.field());
        assertTrue(type.getMessage().contains("argument 0 is a int"), type.getMessage());
        assertTrue(refused("countByKind").getMessage().contains("Mono<Long>"));
        assertTrue(refused("findByKindAndNote").getMessage().contains("Flux<Event>"));
        assertTrue(refused("findByUserIdAndBucketOrderByKindAsc").getMessage().contains("ORDER BY"));
        MappingException delete = refused("deleteByKind");
        assertTrue(delete instanceof QueryRefusedException r && !r.needsFiltering());
        assertTrue(refused("findByKindNotIn").getMessage().contains("NotIn"));
        assertTrue(refused("findByKindIn").getMessage().contains("collection"));
        assertTrue(refused("findDistinctByKind").getMessage().contains("Distinct"));
    }

    interface EventRepository extends ReactiveRepository<Event, Key> {
        Flux<Event> findByUserIdAndBucket(UUID userId, int bucket);

        default Flux<Event> latest(UUID userId) {
            return findByUserIdAndBucket(userId, 0).take(1);
        }
    }

    interface BrokenRepository extends ReactiveRepository<Event, Key> {
        Flux<Event> findByNote(String note);
    }

    @Test
    void proxies() {
        EventRepository repo = RepositoryProxy.create(EventRepository.class, repository());
        assertEquals(Event.class, repo.entityClass());
        assertEquals("events", repo.table());
        assertTrue(repo.toString().startsWith("EventRepository over"));
        // the session has no server: invoking runs up to the (failing) prepare, lazily
        Flux<Event> flux = repo.latest(UUID.randomUUID());
        assertThrows(UnsupportedOperationException.class, flux::blockFirst);
        IllegalArgumentException nullArg = assertThrows(IllegalArgumentException.class,
                () -> repo.findByUserIdAndBucket(null, 1).blockFirst());
        assertTrue(nullArg.getMessage().contains("argument 0"), nullArg.getMessage());
        MappingException broken = assertThrows(MappingException.class,
                () -> RepositoryProxy.create(BrokenRepository.class, repository()));
        assertEquals("BrokenRepository.findByNote", broken.method());
        assertEquals(Event.class, RepositoryProxy.typeArguments(EventRepository.class)[0]);
        assertThrows(MappingException.class, () -> RepositoryProxy.typeArguments(Good.class));
    }
}
