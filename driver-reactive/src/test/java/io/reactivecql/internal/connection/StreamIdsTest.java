package io.reactivecql.internal.connection;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamIdsTest {

    @Test
    void handsOutEveryIdOnceThenReusesReleasedOnesLastInFirstOut() {
        StreamIds ids = new StreamIds(ConnectionConfig.MAX_STREAM_IDS);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < ConnectionConfig.MAX_STREAM_IDS; i++) {
            int id = ids.acquire();
            assertEquals(i, id);
            assertTrue(seen.add(id));
        }
        assertEquals(-1, ids.acquire());
        assertEquals(0, ids.available());
        ids.release(7);
        ids.release(32767);
        assertEquals(2, ids.available());
        assertEquals(32767, ids.acquire());
        assertEquals(7, ids.acquire());
        assertEquals(-1, ids.acquire());
    }

    @Test
    void releasingAnIdNotTakenFails() {
        StreamIds ids = new StreamIds(4);
        assertThrows(IllegalStateException.class, () -> ids.release(0));
        int id = ids.acquire();
        ids.release(id);
        assertThrows(IllegalStateException.class, () -> ids.release(id));
        assertThrows(IllegalArgumentException.class, () -> new StreamIds(0));
        assertThrows(IllegalArgumentException.class, () -> new StreamIds(32769));
    }
}
