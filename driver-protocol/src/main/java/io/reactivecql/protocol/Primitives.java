package io.reactivecql.protocol;

import io.netty.buffer.ByteBuf;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The notations of section 3 of the spec ([int], [string], [bytes], [value], [inet], vint, ...),
 * read from and written to netty buffers. Every read checks the length it is about to consume
 * against what remains and throws {@link ProtocolException} before allocating anything, so a
 * hostile length can never cause an out-of-memory error.
 */
public final class Primitives {

    /** The [value] length meaning "null". */
    public static final int NULL_VALUE = -1;
    /** The [value] length meaning "not set": leave the column as it is. */
    public static final int UNSET_VALUE = -2;

    /**
     * The marker a {@code ByteBuffer} value list uses for an unset value. Compared by identity:
     * a value {@code == UNSET} is written as length -2.
     */
    public static final ByteBuffer UNSET = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private Primitives() {
    }

    // ---------------------------------------------------------------- checks

    /** Throws unless {@code in} holds at least {@code n} more bytes. */
    public static void require(ByteBuf in, int n, String what) {
        if (n < 0) {
            throw ProtocolException.at(in, "negative length " + n + " for " + what);
        }
        if (in.readableBytes() < n) {
            throw ProtocolException.at(in, what + " needs " + n + " bytes but only " + in.readableBytes() + " remain");
        }
    }

    // ---------------------------------------------------------------- fixed size

    public static int readByte(ByteBuf in, String what) {
        require(in, 1, what);
        return in.readUnsignedByte();
    }

    public static int readUnsignedShort(ByteBuf in, String what) {
        require(in, 2, what);
        return in.readUnsignedShort();
    }

    public static int readInt(ByteBuf in, String what) {
        require(in, 4, what);
        return in.readInt();
    }

    public static long readLong(ByteBuf in, String what) {
        require(in, 8, what);
        return in.readLong();
    }

    public static UUID readUuid(ByteBuf in, String what) {
        require(in, 16, what);
        return new UUID(in.readLong(), in.readLong());
    }

    public static void writeUuid(UUID uuid, ByteBuf out) {
        out.writeLong(uuid.getMostSignificantBits());
        out.writeLong(uuid.getLeastSignificantBits());
    }

    // ---------------------------------------------------------------- strings

    /** A [string]: [short] length then UTF-8 bytes. */
    public static String readString(ByteBuf in, String what) {
        int length = readUnsignedShort(in, what);
        return readUtf8(in, length, what);
    }

    /** A [long string]: [int] length then UTF-8 bytes. */
    public static String readLongString(ByteBuf in, String what) {
        int length = readInt(in, what);
        return readUtf8(in, length, what);
    }

    private static String readUtf8(ByteBuf in, int length, String what) {
        require(in, length, what);
        String s = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length);
        return s;
    }

    public static void writeString(String s, ByteBuf out) {
        int lengthIndex = out.writerIndex();
        out.writeShort(0);
        int written = out.writeCharSequence(s, StandardCharsets.UTF_8);
        if (written > 0xFFFF) {
            throw new IllegalArgumentException("string of " + written + " UTF-8 bytes exceeds the [string] limit of 65535");
        }
        out.setShort(lengthIndex, written);
    }

    public static void writeLongString(String s, ByteBuf out) {
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        int written = out.writeCharSequence(s, StandardCharsets.UTF_8);
        out.setInt(lengthIndex, written);
    }

    /** A [string list]. */
    public static List<String> readStringList(ByteBuf in, String what) {
        int n = readUnsignedShort(in, what);
        // each element takes at least 2 bytes: check before sizing the list
        require(in, n * 2, what);
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(readString(in, what));
        }
        return Collections.unmodifiableList(list);
    }

    public static void writeStringList(List<String> list, ByteBuf out) {
        writeCount(list.size(), out, "[string list]");
        for (String s : list) {
            writeString(s, out);
        }
    }

    /** A [string map]. */
    public static Map<String, String> readStringMap(ByteBuf in, String what) {
        int n = readUnsignedShort(in, what);
        require(in, n * 4, what);
        Map<String, String> map = new LinkedHashMap<>(capacity(n));
        for (int i = 0; i < n; i++) {
            String key = readString(in, what);
            map.put(key, readString(in, what));
        }
        return Collections.unmodifiableMap(map);
    }

    public static void writeStringMap(Map<String, String> map, ByteBuf out) {
        writeCount(map.size(), out, "[string map]");
        for (Map.Entry<String, String> e : map.entrySet()) {
            writeString(e.getKey(), out);
            writeString(e.getValue(), out);
        }
    }

    /** A [string multimap]. */
    public static Map<String, List<String>> readStringMultimap(ByteBuf in, String what) {
        int n = readUnsignedShort(in, what);
        require(in, n * 4, what);
        Map<String, List<String>> map = new LinkedHashMap<>(capacity(n));
        for (int i = 0; i < n; i++) {
            String key = readString(in, what);
            map.put(key, readStringList(in, what));
        }
        return Collections.unmodifiableMap(map);
    }

    public static void writeStringMultimap(Map<String, List<String>> map, ByteBuf out) {
        writeCount(map.size(), out, "[string multimap]");
        for (Map.Entry<String, List<String>> e : map.entrySet()) {
            writeString(e.getKey(), out);
            writeStringList(e.getValue(), out);
        }
    }

    // ---------------------------------------------------------------- bytes

    /** A [bytes]: null for a negative length, else a copy of the bytes in a heap buffer. */
    public static ByteBuffer readBytes(ByteBuf in, String what) {
        int length = readInt(in, what);
        if (length < 0) {
            return null;
        }
        return copy(in, length, what);
    }

    /** A [value]: like [bytes], but -2 is {@link #UNSET} and anything below is an error. */
    public static ByteBuffer readValue(ByteBuf in, String what) {
        int length = readInt(in, what);
        if (length == NULL_VALUE) {
            return null;
        }
        if (length == UNSET_VALUE) {
            return UNSET;
        }
        if (length < 0) {
            throw ProtocolException.at(in, "invalid [value] length " + length + " for " + what);
        }
        return copy(in, length, what);
    }

    /** A [short bytes]. */
    public static byte[] readShortBytes(ByteBuf in, String what) {
        int length = readUnsignedShort(in, what);
        require(in, length, what);
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        return bytes;
    }

    private static ByteBuffer copy(ByteBuf in, int length, String what) {
        require(in, length, what);
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        return ByteBuffer.wrap(bytes);
    }

    /** Writes a [bytes]; null is written as length -1. The buffer's position is not moved. */
    public static void writeBytes(ByteBuffer bytes, ByteBuf out) {
        if (bytes == null) {
            out.writeInt(NULL_VALUE);
        } else {
            out.writeInt(bytes.remaining());
            out.writeBytes(bytes.duplicate());
        }
    }

    /** Writes a [value]: null as -1, {@link #UNSET} as -2. */
    public static void writeValue(ByteBuffer value, ByteBuf out) {
        if (value == UNSET) {
            out.writeInt(UNSET_VALUE);
        } else {
            writeBytes(value, out);
        }
    }

    public static void writeBytes(byte[] bytes, ByteBuf out) {
        if (bytes == null) {
            out.writeInt(NULL_VALUE);
        } else {
            out.writeInt(bytes.length);
            out.writeBytes(bytes);
        }
    }

    public static void writeShortBytes(byte[] bytes, ByteBuf out) {
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("[short bytes] of " + bytes.length + " bytes exceeds 65535");
        }
        out.writeShort(bytes.length);
        out.writeBytes(bytes);
    }

    /** A [bytes map]. */
    public static Map<String, ByteBuffer> readBytesMap(ByteBuf in, String what) {
        int n = readUnsignedShort(in, what);
        require(in, n * 6, what);
        Map<String, ByteBuffer> map = new LinkedHashMap<>(capacity(n));
        for (int i = 0; i < n; i++) {
            String key = readString(in, what);
            map.put(key, readBytes(in, what));
        }
        return Collections.unmodifiableMap(map);
    }

    public static void writeBytesMap(Map<String, ByteBuffer> map, ByteBuf out) {
        writeCount(map.size(), out, "[bytes map]");
        for (Map.Entry<String, ByteBuffer> e : map.entrySet()) {
            writeString(e.getKey(), out);
            writeBytes(e.getValue(), out);
        }
    }

    // ---------------------------------------------------------------- addresses

    /** An [inetaddr]: a size byte (4 or 16) then the address. */
    public static InetAddress readInetAddr(ByteBuf in, String what) {
        int size = readByte(in, what);
        if (size != 4 && size != 16) {
            throw ProtocolException.at(in, "invalid address size " + size + " for " + what + " (4 or 16 expected)");
        }
        require(in, size, what);
        byte[] bytes = new byte[size];
        in.readBytes(bytes);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw ProtocolException.at(in, "invalid address for " + what);
        }
    }

    /** An [inet]: an [inetaddr] then an [int] port. */
    public static InetSocketAddress readInet(ByteBuf in, String what) {
        InetAddress address = readInetAddr(in, what);
        int port = readInt(in, what);
        if (port < 0 || port > 0xFFFF) {
            throw ProtocolException.at(in, "invalid port " + port + " for " + what);
        }
        return new InetSocketAddress(address, port);
    }

    public static void writeInetAddr(InetAddress address, ByteBuf out) {
        byte[] bytes = address.getAddress();
        out.writeByte(bytes.length);
        out.writeBytes(bytes);
    }

    public static void writeInet(InetSocketAddress address, ByteBuf out) {
        writeInetAddr(address.getAddress(), out);
        out.writeInt(address.getPort());
    }

    // ---------------------------------------------------------------- vints

    /** An [unsigned vint] (at most 9 bytes). */
    public static long readUnsignedVInt(ByteBuf in, String what) {
        int first = readByte(in, what);
        int extra = Integer.numberOfLeadingZeros(~(first << 24));
        if (extra == 0) {
            return first;
        }
        require(in, extra, what);
        long value = extra >= 8 ? 0 : first & (0xFF >>> extra);
        for (int i = 0; i < extra; i++) {
            value = (value << 8) | in.readUnsignedByte();
        }
        return value;
    }

    /** A signed [vint] (zig-zag encoded). */
    public static long readVInt(ByteBuf in, String what) {
        long n = readUnsignedVInt(in, what);
        return (n >>> 1) ^ -(n & 1);
    }

    public static void writeUnsignedVInt(long value, ByteBuf out) {
        int size = unsignedVIntSize(value);
        if (size == 1) {
            out.writeByte((int) value);
            return;
        }
        int extra = size - 1;
        // first byte: 'extra' leading one bits, then the value's most significant bits
        int first = size == 9 ? 0xFF : (0xFF << (8 - extra)) & 0xFF | (int) (value >>> (8 * extra));
        out.writeByte(first);
        for (int i = extra - 1; i >= 0; i--) {
            out.writeByte((int) (value >>> (8 * i)));
        }
    }

    public static void writeVInt(long value, ByteBuf out) {
        writeUnsignedVInt((value >> 63) ^ (value << 1), out);
    }

    /** The number of bytes {@link #writeUnsignedVInt} uses for {@code value}. */
    public static int unsignedVIntSize(long value) {
        int magnitude = Long.numberOfLeadingZeros(value | 1);
        // every extra byte gives 7 more bits of payload (the 9-byte form carries a full 64)
        int size = (639 - magnitude * 9) >> 6;
        return Math.min(size, 9);
    }

    public static int vIntSize(long value) {
        return unsignedVIntSize((value >> 63) ^ (value << 1));
    }

    // ---------------------------------------------------------------- helpers

    private static void writeCount(int n, ByteBuf out, String what) {
        if (n > 0xFFFF) {
            throw new IllegalArgumentException(what + " of " + n + " entries exceeds the limit of 65535");
        }
        out.writeShort(n);
    }

    private static int capacity(int n) {
        return (int) (n / 0.75f) + 1;
    }
}
