package io.reactivecql.protocol.types;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static io.reactivecql.protocol.types.CodecAssertions.assertMalformed;
import static io.reactivecql.protocol.types.CodecAssertions.assertNullHandling;
import static io.reactivecql.protocol.types.CodecAssertions.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CqlDurationTest {

    private static final long H = CqlDuration.NANOS_PER_HOUR;
    private static final long M = CqlDuration.NANOS_PER_MINUTE;
    private static final long S = CqlDuration.NANOS_PER_SECOND;

    @Test
    void parsesTheCqlForm() {
        CqlDuration d = CqlDuration.parse("1y2mo3w4d5h6m7s8ms9us10ns");
        assertEquals(new CqlDuration(14, 25, 5 * H + 6 * M + 7 * S + 8_009_010L), d);
        // Cassandra 5.0.9 prints the same
        assertEquals("1y2mo25d5h6m7s8ms9us10ns", d.toString());
        assertEquals(new CqlDuration(0, 0, 2_000), CqlDuration.parse("2µs"));
        assertEquals(new CqlDuration(0, 0, 2_000), CqlDuration.parse("2US"));
        assertEquals(new CqlDuration(1, 0, 2_000_000), CqlDuration.parse("1MO2Ms"));
        assertEquals(new CqlDuration(0, 9, 0), CqlDuration.parse("1w2d"));
        assertEquals(new CqlDuration(-12, 0, -M), CqlDuration.parse("-1y1m"));
        assertEquals(new CqlDuration(0, 0, 90 * M), CqlDuration.parse("90m"));
        assertEquals(CqlDuration.ZERO, CqlDuration.parse("0s"));
    }

    @Test
    void parsesTheIsoForms() {
        assertEquals(new CqlDuration(14, 0, 0), CqlDuration.parse("P1Y2M"));
        assertEquals(new CqlDuration(14, 3, 4 * H + 5 * M + 6 * S), CqlDuration.parse("P1Y2M3DT4H5M6S"));
        assertEquals(new CqlDuration(0, 0, 5 * M), CqlDuration.parse("PT5M"), "M after T is minutes");
        assertEquals(new CqlDuration(0, 14, 0), CqlDuration.parse("P2W"));
        assertEquals(new CqlDuration(14, 3, 4 * H + 5 * M + 6 * S), CqlDuration.parse("P0001-02-03T04:05:06"));
        assertEquals(new CqlDuration(0, -1, 0), CqlDuration.parse("-P1D"));
        assertEquals(new CqlDuration(0, 0, S / 2), CqlDuration.parse("PT0.5S"));
        assertEquals(new CqlDuration(0, 0, 1), CqlDuration.parse("PT0.000000001S"));
        // like Cassandra's pattern, every part is optional
        assertEquals(CqlDuration.ZERO, CqlDuration.parse("P"));
        assertEquals(CqlDuration.ZERO, CqlDuration.parse("PT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "1", "y", "1x", "1y1y", "1d1y", "1d1w", "1y 2mo", "--1y", "1y-", "99999999999y",
        "3000000000d", "99999999999999999999ns", "P1S", "PT1Y", "P1.5Y", "PT1.5H", "PT1.1234567891S", "P1W1D",
        "P0001-02-03", "P0001-02-03T04:05:06Z", "P1Y1Y", "PT1S1M", "P1", "PTT"})
    void rejectsMalformedText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CqlDuration.parse(text));
        assertTrue(e.getMessage().contains("position"), e.getMessage());
    }

    @Test
    void formats() {
        assertEquals("0s", CqlDuration.ZERO.toString());
        assertEquals("PT0S", CqlDuration.ZERO.toIsoString());
        assertEquals("-3mo", new CqlDuration(-3, 0, 0).toString());
        assertEquals("-P3M", new CqlDuration(-3, 0, 0).toIsoString());
        assertEquals("P1Y2M25DT5H6M7.00800901S", CqlDuration.parse("1y2mo3w4d5h6m7s8ms9us10ns").toIsoString());
        assertEquals("PT1H0.5S", new CqlDuration(0, 0, H + S / 2).toIsoString());
    }

    @Test
    void textFormsRoundTripIncludingExtremes() {
        Random random = new Random(7);
        CqlDuration[] extremes = {
            new CqlDuration(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE),
            new CqlDuration(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE),
            new CqlDuration(0, 0, Long.MIN_VALUE), new CqlDuration(0, 0, -1), new CqlDuration(1, 0, 0)};
        for (CqlDuration d : extremes) {
            assertEquals(d, CqlDuration.parse(d.toString()), d::toString);
            assertEquals(d, CqlDuration.parse(d.toIsoString()), d::toIsoString);
        }
        for (int i = 0; i < 2000; i++) {
            int sign = random.nextBoolean() ? 1 : -1;
            CqlDuration d = new CqlDuration(sign * random.nextInt(Integer.MAX_VALUE), sign * random.nextInt(100_000),
                    sign * (random.nextLong() >>> (1 + random.nextInt(63))));
            assertEquals(d, CqlDuration.parse(d.toString()), d::toString);
            assertEquals(d, CqlDuration.parse(d.toIsoString()), d::toIsoString);
        }
    }

    @Test
    void signsMustAgree() {
        assertThrows(IllegalArgumentException.class, () -> new CqlDuration(1, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> CqlDuration.of(0, 1, -1));
        assertTrue(new CqlDuration(0, 0, -1).isNegative());
        assertFalse(CqlDuration.ZERO.isNegative());
    }

    @Test
    void codecWritesThreeVints() {
        // bytes from Cassandra 5.0.9's DurationType
        assertRoundTrip(TypeCodecs.DURATION, CqlDuration.parse("1y2mo3w4d5h6m7s8ms9us10ns"), "1c 32 fc2168cdf9d664");
        assertRoundTrip(TypeCodecs.DURATION, CqlDuration.parse("-1mo"), "01 00 00");
        assertRoundTrip(TypeCodecs.DURATION, CqlDuration.ZERO, "00 00 00");
        assertRoundTrip(TypeCodecs.DURATION, new CqlDuration(0, 0, -1), "00 00 01");
        assertRoundTrip(TypeCodecs.DURATION, new CqlDuration(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE),
                "f0fffffffe f0fffffffe fffffffffffffffffe");
        assertRoundTrip(TypeCodecs.DURATION, new CqlDuration(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE),
                "f0ffffffff f0ffffffff ffffffffffffffffff");
        assertNullHandling(TypeCodecs.DURATION);
        assertNull(TypeCodecs.DURATION.decode(new byte[0], 0, 0));
    }

    @Test
    void malformedDurations() {
        assertMalformed(TypeCodecs.DURATION, "1c");                         // one vint of three
        assertMalformed(TypeCodecs.DURATION, "00 00");                      // two vints of three
        assertMalformed(TypeCodecs.DURATION, "00 00 f0ff");                 // truncated vint
        assertMalformed(TypeCodecs.DURATION, "00 00 00 00");                // trailing byte
        assertMalformed(TypeCodecs.DURATION, "02 01 00");                   // months 1, days -1
        assertMalformed(TypeCodecs.DURATION, "ff0000000200000000 00 00");   // months beyond 32 bits
    }
}
