package io.reactivecql.faults;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.errors.DriverException;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.protocol.ProtocolException;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.types.ListType;
import io.reactivecql.protocol.types.MapType;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.stub.Reply;
import io.reactivecql.stub.Rows;
import io.reactivecql.stub.StubNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.reactivecql.faults.StubSessions.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A fuzz of the driver's side of a connection: answers whose bodies carry a few garbled bytes
 * inside valid headers and valid v5 frames, seed after seed. Each request ends, at once, with
 * rows (possibly wrong: nothing can tell), or with a typed {@link DriverException}; reading the
 * cells of the rows it got fails, if at all, with a {@link ProtocolException} naming the CQL type
 * of the malformed value; the connection the garbage came on is replaced; and the leak detector
 * (PARANOID) sees every buffer of the failed decodes released.
 */
class GarbledAnswersTest {

    private static final int SEEDS = 60;
    private static final String QUERY = "SELECT * FROM faults.fuzz";

    private static Rows rows() {
        Rows.Builder rows = Rows.builder().table("faults", "fuzz")
                .column("k", PrimitiveType.INT).column("name", PrimitiveType.VARCHAR)
                .column("id", PrimitiveType.UUID).column("big", PrimitiveType.BIGINT)
                .column("tags", new ListType(PrimitiveType.VARCHAR, false))
                .column("attrs", new MapType(PrimitiveType.VARCHAR, PrimitiveType.INT, false))
                .column("data", PrimitiveType.BLOB);
        for (int i = 0; i < 4; i++) {
            rows.row(i, "name " + i, new UUID(i, -i), 1L << (i * 8), List.of("a" + i, "b" + i),
                    Map.of("x", i, "y", -i), ByteBuffer.wrap(new byte[] {(byte) i, 1, 2, 3}));
        }
        return rows.build();
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void garbledAnswersEndTypedAndTheConnectionRecovers(ProtocolVersion version) {
        Rows clean = rows();
        Map<String, Integer> outcomes = new TreeMap<>();
        try (StubNode node = StubNode.builder().strict(false).start()) {
            node.when(QUERY).thenRows(clean);
            ReactiveSession session = StubSessions.connect(StubSessions.builder(node).withProtocolVersion(version));
            try {
                for (long seed = 0; seed < SEEDS; seed++) {
                    node.when(QUERY).once().then(Reply.rows(clean).garbled(seed));
                    String outcome;
                    try {
                        ResultPage page = session.executePage(SimpleStatement.of(QUERY)).block(WAIT);
                        outcome = readAll(page);
                    } catch (RuntimeException e) {
                        Throwable t = reactor.core.Exceptions.unwrap(e);
                        if (!(t instanceof DriverException)) {
                            fail("seed " + seed + ": not a typed driver error", t);
                        }
                        outcome = t.getClass().getSimpleName();
                    }
                    outcomes.merge(outcome, 1, Integer::sum);
                    // the next clean request works: on this connection, or on the one replacing it
                    StubSessions.await(() -> {
                        try {
                            return readAll(session.executePage(SimpleStatement.of(QUERY)).block(WAIT)).equals("rows");
                        } catch (RuntimeException e) {
                            return false;
                        }
                    }, WAIT, () -> "a clean answer after the garbled one");
                }
            } finally {
                StubSessions.close(session);
            }
            node.clearProblems();
        }
        System.out.printf("garbled answers (%s, %d seeds): %s%n", version, SEEDS, outcomes);
        assertEquals(SEEDS, outcomes.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(outcomes.keySet().stream().anyMatch(o -> !o.equals("rows")), "no garbage was noticed: " + outcomes);
    }

    /** Reads every cell; "rows", or "malformed cell" when a cell's value cannot be decoded. */
    private static String readAll(ResultPage page) {
        String outcome = "rows";
        for (Row row : page.rows()) {
            for (int i = 0; i < row.columnDefinitions().size(); i++) {
                try {
                    row.getObject(i);
                } catch (ProtocolException e) {
                    assertTrue(e.getMessage().startsWith("malformed") || e.getMessage().contains("value"),
                            e.getMessage());
                    outcome = "malformed cell";
                }
            }
        }
        return outcome;
    }
}
