package io.reactivecql.api;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UuidsTest {

    @Test
    void timeBasedUuidsAreVersion1UniqueAndIncreasing() {
        Set<UUID> seen = new HashSet<>();
        long previous = 0;
        long before = System.currentTimeMillis();
        for (int i = 0; i < 20_000; i++) {
            UUID u = Uuids.timeBased();
            assertEquals(1, u.version());
            assertEquals(2, u.variant());
            assertTrue(u.timestamp() > previous);
            previous = u.timestamp();
            assertTrue(seen.add(u));
        }
        long millis = Uuids.unixTimestamp(Uuids.timeBased());
        assertTrue(millis >= before && millis <= System.currentTimeMillis() + 5_000, "" + millis);
    }

    @Test
    void boundsOfAMillisecond() {
        long ms = 1_700_000_000_000L;
        UUID start = Uuids.startOf(ms);
        UUID end = Uuids.endOf(ms);
        assertEquals(ms, Uuids.unixTimestamp(start));
        assertEquals(ms, Uuids.unixTimestamp(end));
        assertTrue(start.timestamp() < end.timestamp());
        assertEquals(ms + 1, Uuids.unixTimestamp(Uuids.startOf(ms + 1)));
    }

    @Test
    void randomUuidsAreVersion4() {
        UUID u = Uuids.random();
        assertEquals(4, u.version());
        assertEquals(2, u.variant());
        assertThrows(IllegalArgumentException.class, () -> Uuids.unixTimestamp(u));
    }
}
