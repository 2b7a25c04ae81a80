package io.reactivecql.mapper.it;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.Uuids;
import io.reactivecql.api.profile.ExecutionProfile;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import io.reactivecql.mapper.api.NullSaving;
import io.reactivecql.mapper.api.QueryOptions;
import io.reactivecql.mapper.api.ReactiveMapper;
import io.reactivecql.mapper.api.ReactiveRepository;
import io.reactivecql.mapper.api.SyncResult;
import io.reactivecql.mapper.it.TypesModels.Address;
import io.reactivecql.mapper.it.TypesModels.AllTypes;
import io.reactivecql.mapper.it.TypesModels.Level;
import io.reactivecql.mapper.it.TypesModels.Person;
import io.reactivecql.mapper.it.TypesModels.Profile;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.types.CqlDuration;
import io.reactivecql.protocol.types.CqlVector;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.protocol.types.TupleType;
import io.reactivecql.protocol.types.TupleValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.reactivecql.mapper.it.MapperIts.WAIT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every supported field kind written and read back through a real node; per-call options; null saving. */
@RealCassandra
class EntityRoundTripIT {

    private static final MapperIts.Recorder RECORDER = new MapperIts.Recorder();
    private static ReactiveSession session;
    private static ReactiveMapper mapper;
    private static ReactiveRepository<AllTypes, Object> types;
    private static ReactiveRepository<Profile, String> profiles;

    @BeforeAll
    static void setUp(CassandraCluster cluster) {
        session = MapperIts.session(cluster, RECORDER, b -> b.withCodecs(new LocaleCodec()).withExecutionProfile(
                ExecutionProfile.named("mapper-profile").withConsistency(ConsistencyLevel.ONE)));
        mapper = ReactiveMapper.create(session);
        mapper.schema().dropKeyspace(TypesModels.KS).block(WAIT);
        mapper.schema().createKeyspaceSimple(TypesModels.KS, 1).block(WAIT);
        SyncResult created = mapper.schema().syncTable(AllTypes.class).block(WAIT);
        assertTrue(created.changed(), "created the types and the table");
        mapper.schema().syncTable(Profile.class).block(WAIT);
        types = mapper.<AllTypes, Object>repository(AllTypes.class).block(WAIT);
        profiles = mapper.repository(Profile.class, String.class).block(WAIT);
    }

    @AfterAll
    static void tearDown() {
        if (session != null) {
            mapper.close().block(WAIT);
            session.close().block(WAIT);
        }
    }

    private static AllTypes full(UUID id) throws Exception {
        Address home = new Address("Main Street", 1234, Set.of("home", "main"));
        Address work = new Address("Side Road", 99, Set.of());
        TupleValue tuple = TupleValue.of(new TupleType(List.of(PrimitiveType.INT, PrimitiveType.VARCHAR)), 7, "seven");
        return new AllTypes(id, 1, "plain ascii", Long.MAX_VALUE, ByteBuffer.wrap(new byte[] {1, 2, 3}),
                new byte[] {9, 8, 7}, true, LocalDate.of(2024, 2, 29), new BigDecimal("12345.6789"), Math.PI,
                CqlDuration.of(1, 2, 3_000_000_000L), 1.5f, InetAddress.getByName("10.1.2.3"), -42, (short) 512,
                "text with ünïcödé", LocalTime.of(13, 14, 15, 16_000), Instant.ofEpochMilli(1_700_000_000_123L),
                Uuids.timeBased(), (byte) -7, new BigInteger("123456789012345678901234567890"), tuple,
                CqlVector.ofFloats(0.5f, -1f, 2.25f), List.of("a", "b", "a"), Set.of(3, 1, 2),
                Map.of("one", 1L, "two", 2L), List.of(Set.of(1, 2), Set.of(3)), Level.HIGH, home,
                List.of(home, work), Map.of("boss", new Person("Bob", work, List.of(home))), "bucket one", 5,
                "was original", Locale.CANADA_FRENCH, null);
    }

    @Test
    void everyFieldKindRoundTrips() throws Exception {
        UUID id = UUID.randomUUID();
        AllTypes written = full(id);
        types.save(written).block(WAIT);
        AllTypes read = types.findById(io.reactivecql.mapper.api.Key.of(id, 1)).block(WAIT);
        assertArrayEquals(written.bytesValue(), read.bytesValue());
        assertEquals(written.withBytes(null), read.withBytes(null));

        // the same row through plain CQL: the columns hold what the mapper says they hold
        Row row = session.execute("SELECT ascii_text, level, renamed, address, bucket_label, locale "
                + "FROM orm_types.all_types WHERE id = ? AND part = 1", id).blockFirst(WAIT);
        assertEquals("plain ascii", row.getString(0));
        assertEquals("HIGH", row.getString(1));
        assertEquals("was original", row.getString(2));
        assertEquals(1234, row.getUdtValue(3).getInt("zip"));
        assertEquals("bucket one", row.getString(4));
        assertEquals("fr-CA", row.getString(5), "written through the session's user codec");
    }

    @Test
    void nullsAndEmptyCollections() {
        UUID id = UUID.randomUUID();
        AllTypes sparse = new AllTypes(id, 2, null, 0, null, null, false, null, null, 0, null, 0, null, 0, (short) 0,
                null, null, null, null, (byte) 0, null, null, null, List.of(), null, null, null, null, null, null, null,
                null, null, null, null, "not stored");
        types.save(sparse).block(WAIT);
        AllTypes read = types.findById(io.reactivecql.mapper.api.Key.of(id, 2)).block(WAIT);
        assertNull(read.textValue());
        assertNull(read.maybeInt());
        assertNull(read.address());
        assertNull(read.scratch(), "transient fields are not stored");
        assertEquals(List.of(), read.listValue());
        assertEquals(Set.of(), read.setValue());
        assertEquals(Map.of(), read.people());
        assertEquals(0L, read.bigintValue());
        assertFalse(read.booleanValue());
    }

    @Test
    void mutableBeanWithCaseSensitiveColumns() {
        Profile p = new Profile("ann", "Ann", List.of("admin"), 1, Instant.ofEpochMilli(1000));
        profiles.save(p).block(WAIT);
        assertEquals(p, profiles.findById("ann").block(WAIT));
        p.loginCount = 2;
        p.roles = List.of("admin", "ops");
        profiles.save(p).block(WAIT);
        assertEquals(p, profiles.findById("ann").block(WAIT));
        Row row = session.execute("SELECT \"loginCount\", \"displayName\" FROM orm_types.\"Profiles\" WHERE "
                + "\"userName\" = 'ann'").blockFirst(WAIT);
        assertEquals(2, row.getInt(0));
        assertEquals("Ann", row.getString(1));
        assertTrue(profiles.existsById("ann").block(WAIT));
        assertFalse(profiles.existsById("bob").block(WAIT));
    }

    @Test
    void perCallOptions() throws Exception {
        UUID id = UUID.randomUUID();
        long micros = 1_600_000_000_000_000L;
        QueryOptions options = QueryOptions.defaults().withTtl(Duration.ofHours(1)).withTimestamp(micros)
                .withConsistency(ConsistencyLevel.QUORUM).withExecutionProfile("mapper-profile");
        types.save(full(id), options).block(WAIT);
        Row row = session.execute("SELECT TTL(text_value), WRITETIME(text_value) FROM orm_types.all_types "
                + "WHERE id = ? AND part = 1", id).blockFirst(WAIT);
        int ttl = row.getInt(0);
        assertTrue(ttl > 3000 && ttl <= 3600, "ttl " + ttl);
        assertEquals(micros, row.getLong(1));
        Statement<?> sent = RECORDER.executed.stream()
                .filter(s -> MapperIts.cqlOf(s).startsWith("INSERT INTO orm_types.all_types")
                        && s.timestamp() == micros)
                .findFirst().orElseThrow(() -> new AssertionError(RECORDER.executed.stream()
                        .map(s -> MapperIts.cqlOf(s) + " @" + s.timestamp()).toList().toString()));
        assertEquals(ConsistencyLevel.QUORUM, sent.consistency());
        assertEquals("mapper-profile", sent.executionProfileName());
        assertTrue(sent.idempotent());

        List<AllTypes> page = types.findAll(QueryOptions.defaults().withPageSize(1)
                .withConsistency(ConsistencyLevel.ONE)).collectList().block(WAIT);
        assertTrue(page.size() >= 1);
        assertTrue(RECORDER.executed.stream().anyMatch(s -> MapperIts.cqlOf(s).startsWith("SELECT id, part")
                && s.pageSize() == 1 && s.consistency() == ConsistencyLevel.ONE));
    }

    @Test
    void nullSavingStrategies() {
        Profile p = new Profile("cleo", "Cleo", List.of("x"), 3, Instant.ofEpochMilli(5));
        profiles.save(p).block(WAIT);
        Profile partial = new Profile("cleo", null, null, 4, null);
        profiles.save(partial).block(WAIT);
        Profile kept = profiles.findById("cleo").block(WAIT);
        assertEquals("Cleo", kept.displayName, "DO_NOT_SET leaves the column alone");
        assertEquals(4, kept.loginCount);

        ReactiveMapper clearing = ReactiveMapper.builder(session).withNullSaving(NullSaving.SET_TO_NULL).build();
        try {
            ReactiveRepository<Profile, String> repo = clearing.repository(Profile.class, String.class).block(WAIT);
            repo.save(partial).block(WAIT);
            Profile cleared = repo.findById("cleo").block(WAIT);
            assertNull(cleared.displayName, "SET_TO_NULL clears it");
            assertEquals(List.of(), cleared.roles);
        } finally {
            clearing.close().block(WAIT);
        }
    }
}
