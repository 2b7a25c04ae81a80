package io.reactivecql.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.opentest4j.AssertionFailedError;

import java.util.HexFormat;

/** Hex helpers for byte-exact protocol tests: mismatches are reported as side-by-side hex dumps. */
public final class Bytes {

    private Bytes() {
    }

    /** A heap buffer holding the bytes of a hex string; spaces, newlines and '_' are ignored. */
    public static ByteBuf fromHex(String hex) {
        return Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex.replaceAll("[\\s_]", "")));
    }

    /** The readable bytes as lower-case hex, without consuming them. */
    public static String toHex(ByteBuf buf) {
        return ByteBufUtil.hexDump(buf);
    }

    /** Fails with both hex dumps when {@code actual}'s readable bytes differ from {@code expectedHex}. */
    public static void assertBytes(String expectedHex, ByteBuf actual) {
        ByteBuf expected = fromHex(expectedHex);
        try {
            if (!ByteBufUtil.equals(expected, actual)) {
                throw new AssertionFailedError("bytes differ\nexpected:\n" + ByteBufUtil.prettyHexDump(expected)
                        + "\nactual:\n" + ByteBufUtil.prettyHexDump(actual),
                        ByteBufUtil.hexDump(expected), ByteBufUtil.hexDump(actual));
            }
        } finally {
            expected.release();
        }
    }
}
