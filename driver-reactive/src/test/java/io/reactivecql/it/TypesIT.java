package io.reactivecql.it;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.Uuids;
import io.reactivecql.api.result.ColumnDefinitions;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.statement.PreparedStatement;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import io.reactivecql.protocol.types.CqlDuration;
import io.reactivecql.protocol.types.CqlVector;
import io.reactivecql.protocol.types.DataType;
import io.reactivecql.protocol.types.TupleType;
import io.reactivecql.protocol.types.TupleValue;
import io.reactivecql.protocol.types.UdtValue;
import io.reactivecql.protocol.types.UserDefinedType;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every CQL type round-trips through simple and prepared statements: extremes, NULLs, empties, nesting. */
@RealCassandra
class TypesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String COLUMNS = "a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, lst, st, mp, frz, "
            + "tup, addr, vec";
    private static ReactiveSession session;
    private static PreparedStatement insert;

    @BeforeAll
    static void schema(CassandraCluster cluster) {
        session = ItSessions.builder(cluster).connect().block(WAIT);
        run("CREATE KEYSPACE IF NOT EXISTS it_types WITH replication = "
                + "{'class': 'SimpleStrategy', 'replication_factor': 1}");
        run("CREATE TYPE IF NOT EXISTS it_types.address (street text, zip int)");
        run("CREATE TABLE IF NOT EXISTS it_types.all_types (id int PRIMARY KEY, a ascii, b bigint, c blob, d boolean, "
                + "e decimal, f double, g float, h inet, i int, j smallint, k tinyint, l text, m timestamp, n date, "
                + "o time, p uuid, q timeuuid, r varint, s duration, lst list<int>, st set<text>, "
                + "mp map<text, bigint>, frz frozen<list<frozen<map<int, text>>>>, "
                + "tup tuple<int, text, frozen<list<int>>>, addr frozen<address>, vec vector<float, 3>)");
        insert = session.prepare("INSERT INTO it_types.all_types (id, " + COLUMNS + ") VALUES (?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").block(WAIT);
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close().block(WAIT);
        }
    }

    private static void run(String cql) {
        session.execute(cql).blockLast(WAIT);
    }

    private static DataType markerType(String name) {
        ColumnDefinitions markers = insert.variableDefinitions();
        return markers.get(markers.indexOf(name)).type();
    }

    /** Values at one end of every range, with nested and user types built from the marker types. */
    private static Object[] extremes(boolean max) throws Exception {
        UserDefinedType address = (UserDefinedType) markerType("addr");
        TupleType tuple = (TupleType) markerType("tup");
        return new Object[] {
            max ? "~~~" : "",
            max ? Long.MAX_VALUE : Long.MIN_VALUE,
            ByteBuffer.wrap(max ? new byte[] {(byte) 0xFF, 0, 1} : new byte[0]),
            max,
            max ? new BigDecimal("123456789012345678901234567890.123456789") : new BigDecimal("-0.000000001"),
            max ? Double.MAX_VALUE : -Double.MIN_VALUE,
            max ? Float.MAX_VALUE : -Float.MAX_VALUE,
            max ? InetAddress.getByName("::1") : InetAddress.getByName("0.0.0.0"),
            max ? Integer.MAX_VALUE : Integer.MIN_VALUE,
            max ? Short.MAX_VALUE : Short.MIN_VALUE,
            max ? Byte.MAX_VALUE : Byte.MIN_VALUE,
            max ? "ünïcødé ✓ 😀" : "",
            max ? Instant.parse("9999-12-31T23:59:59.999Z") : Instant.parse("0001-01-01T00:00:00Z"),
            max ? LocalDate.of(9999, 12, 31) : LocalDate.of(1, 1, 1),
            max ? LocalTime.MAX : LocalTime.MIDNIGHT,
            max ? Uuids.random() : new java.util.UUID(0, 0),
            max ? Uuids.timeBased() : Uuids.startOf(0),
            max ? new BigInteger("-123456789012345678901234567890123456789") : BigInteger.ZERO,
            max ? CqlDuration.of(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE) : CqlDuration.of(-1, -2, -3),
            max ? List.of(1, 2, 3) : List.of(Integer.MIN_VALUE),
            max ? Set.of("x", "y") : Set.of(""),
            max ? Map.of("k", Long.MAX_VALUE) : Map.of("", Long.MIN_VALUE),
            max ? List.of(Map.of(1, "one"), Map.of()) : List.of(),
            TupleValue.of(tuple, max ? 1 : null, max ? "t" : null, max ? List.of(7) : List.of()),
            UdtValue.of(address, max ? "Main St" : null, max ? 75001 : null),
            CqlVector.ofFloats(max ? Float.MAX_VALUE : -1f, 0f, max ? 1.5f : -Float.MIN_VALUE),
        };
    }

    private static Row select(int id) {
        return session.execute("SELECT id, " + COLUMNS + " FROM it_types.all_types WHERE id = ?", id)
                .blockFirst(WAIT);
    }

    private static void assertRow(Object[] expected, Row row) {
        for (int i = 0; i < expected.length; i++) {
            Object actual = row.getObject(i + 1);
            String column = row.columnDefinitions().get(i + 1).name();
            Object want = expected[i];
            if (want instanceof TupleValue t) {
                assertEquals(t.values(), ((TupleValue) actual).values(), column);
            } else if (want instanceof UdtValue u) {
                assertEquals(u.values(), ((UdtValue) actual).values(), column);
            } else {
                assertEquals(want, actual, column);
            }
        }
    }

    @Test
    void extremesRoundTripThroughPreparedStatements() throws Exception {
        for (boolean max : new boolean[] {true, false}) {
            Object[] values = extremes(max);
            Object[] withId = new Object[values.length + 1];
            withId[0] = max ? 1 : 2;
            System.arraycopy(values, 0, withId, 1, values.length);
            session.execute(insert.bind(withId)).blockLast(WAIT);
            assertRow(values, select(max ? 1 : 2));
        }
        Row row = select(1);
        assertEquals(Long.MAX_VALUE, row.getLong("b"));
        assertEquals(Integer.MAX_VALUE, row.getInt("i"));
        assertEquals(List.of(1, 2, 3), row.getList("lst", Integer.class));
        assertEquals(Set.of("x", "y"), row.getSet("st", String.class));
        assertEquals(Map.of("k", Long.MAX_VALUE), row.getMap("mp", String.class, Long.class));
        assertEquals(75001, row.getUdtValue("addr").getInt("zip"));
        assertEquals(CqlVector.ofFloats(Float.MAX_VALUE, 0f, 1.5f), row.getVector("vec", Float.class));
    }

    @Test
    void extremesRoundTripThroughSimpleStatements() throws Exception {
        for (boolean max : new boolean[] {true, false}) {
            Object[] values = extremes(max);
            Object[] withId = new Object[values.length + 1];
            withId[0] = max ? 3 : 4;
            System.arraycopy(values, 0, withId, 1, values.length);
            session.execute("INSERT INTO it_types.all_types (id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", withId).blockLast(WAIT);
            assertRow(values, select(max ? 3 : 4));
        }
    }

    @Test
    void nullsAndEmptyCollections() {
        Object[] nulls = new Object[27];
        nulls[0] = 5;
        session.execute(insert.bind(nulls)).blockLast(WAIT);
        Row row = select(5);
        for (int i = 1; i < row.size(); i++) {
            assertTrue(row.isNull(i), row.columnDefinitions().get(i).name());
        }
        assertEquals(0L, row.getLong("b"));
        assertEquals(List.of(), row.getList("lst", Integer.class));

        Object[] empties = new Object[27];
        empties[0] = 6;
        empties[20] = List.of();
        empties[21] = Set.of();
        empties[22] = Map.of();
        empties[23] = List.of();
        session.execute(insert.bind(empties)).blockLast(WAIT);
        Row empty = select(6);
        // an empty non-frozen collection is no collection at all; a frozen one is a value
        assertTrue(empty.isNull("lst"));
        assertEquals(Set.of(), empty.getSet("st", String.class));
        assertEquals(List.of(), empty.getObject("frz"));
        assertTrue(!empty.isNull("frz"));
        assertEquals(Arrays.asList(6), List.of(empty.getInt("id")));
    }

    @Test
    void aPreparedStatementFollowsItsTableThroughSchemaChanges() {
        run("CREATE TABLE IF NOT EXISTS it_types.evolving (id int PRIMARY KEY, a text)");
        run("INSERT INTO it_types.evolving (id, a) VALUES (1, 'x')");
        PreparedStatement select = session.prepare("SELECT * FROM it_types.evolving WHERE id = ?").block(WAIT);
        assertEquals(2, session.execute(select.bind(1)).blockFirst(WAIT).size());
        String column = "b" + Long.toHexString(System.nanoTime());
        run("ALTER TABLE it_types.evolving ADD " + column + " int");
        run("UPDATE it_types.evolving SET " + column + " = 42 WHERE id = 1");
        Row row = session.execute(select.bind(1)).blockFirst(WAIT);
        assertEquals(42, row.getInt(column));
        assertEquals(row.size(), select.resultDefinitions().size());
    }

    @Test
    void simpleStatementsWithNamedValues() {
        session.execute("INSERT INTO it_types.all_types (id, l, b) VALUES (:id, :l, :b)",
                Map.of("id", 7, "l", "named", "b", 77L)).blockLast(WAIT);
        Row row = session.execute(SimpleStatement.of("SELECT l, b FROM it_types.all_types WHERE id = :id",
                Map.of("id", 7))).blockFirst(WAIT);
        assertEquals("named", row.getString("L"));
        assertEquals(77L, row.getLong("b"));
    }
}
