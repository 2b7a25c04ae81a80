package io.reactivecql.schema.api.token;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutingKeysTest {

    @Test
    void singleComponentIsTheValueItself() {
        ByteBuffer value = ByteBuffer.wrap(new byte[] {1, 2, 3});
        assertSame(value, RoutingKeys.compose(List.of(value)));
        assertSame(value, RoutingKeys.compose(value));
    }

    @Test
    void compositeIsLengthBytesAndEndOfComponentPerComponent() {
        ByteBuffer id = ByteBuffer.allocate(4).putInt(0, 1);
        ByteBuffer name = ByteBuffer.wrap(new byte[] {'a'});
        ByteBuffer empty = ByteBuffer.allocate(0);
        ByteBuffer key = RoutingKeys.compose(id, name, empty);
        assertArrayEquals(new byte[] {0, 4, 0, 0, 0, 1, 0, 0, 1, 'a', 0, 0, 0, 0}, bytes(key));
        assertEquals(0, key.position());
    }

    @Test
    void componentsAreReadFromPositionToLimitAndLeftUntouched() {
        ByteBuffer a = ByteBuffer.wrap(new byte[] {9, 9, 7, 9}).position(2).limit(3);
        ByteBuffer b = ByteBuffer.allocateDirect(2).put(new byte[] {5, 6}).flip().asReadOnlyBuffer();
        ByteBuffer key = RoutingKeys.compose(List.of(a, b));
        assertArrayEquals(new byte[] {0, 1, 7, 0, 0, 2, 5, 6, 0}, bytes(key));
        assertEquals(2, a.position());
        assertEquals(3, a.limit());
        assertEquals(0, b.position());
    }

    @Test
    void longestComponentIsAnUnsignedShort() {
        ByteBuffer max = ByteBuffer.allocate(RoutingKeys.MAX_COMPONENT_LENGTH);
        ByteBuffer key = RoutingKeys.compose(max, ByteBuffer.allocate(0));
        assertEquals((byte) 0xff, key.get(0));
        assertEquals((byte) 0xff, key.get(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RoutingKeys.compose(ByteBuffer.allocate(0), ByteBuffer.allocate(0x10000)));
        assertTrue(e.getMessage().contains("components[1]"), e.getMessage());
    }

    @Test
    void badArgumentsFailFastNamingThem() {
        assertThrows(IllegalArgumentException.class, () -> RoutingKeys.compose(List.of()));
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> RoutingKeys.compose(ByteBuffer.allocate(1), null));
        assertEquals("components[1]", e.getMessage());
        assertThrows(NullPointerException.class, () -> RoutingKeys.compose((List<ByteBuffer>) null));
        assertThrows(NullPointerException.class, () -> RoutingKeys.compose(Arrays.asList((ByteBuffer) null)));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
