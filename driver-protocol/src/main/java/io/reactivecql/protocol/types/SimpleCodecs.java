package io.reactivecql.protocol.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * The codecs of the text, raw-bytes, uuid and inet types. Instances are the constants of
 * {@link TypeCodecs} (custom-type codecs are built by {@link TypeCodecs#codecFor(DataType)}).
 */
public final class SimpleCodecs {

    private SimpleCodecs() {
    }

    /**
     * ascii, text and varchar ↔ {@link String}. Empty decodes to {@code ""}. Encoding a non-ASCII
     * character as ascii throws {@link InvalidValueException} rather than sending a substitute.
     * Decoding is lenient, like {@link String#String(byte[], int, int, java.nio.charset.Charset)}:
     * invalid sequences become U+FFFD (the server validates what it stores).
     */
    public static final class TextCodec implements TypeCodec<String> {

        private final PrimitiveType cqlType;
        private final boolean ascii;

        TextCodec(PrimitiveType cqlType) {
            this.cqlType = cqlType;
            this.ascii = cqlType == PrimitiveType.ASCII;
        }

        @Override
        public DataType cqlType() {
            return cqlType;
        }

        @Override
        public Class<?> javaType() {
            return String.class;
        }

        @Override
        public int encodedSize(String value) {
            return ascii ? value.length() : ByteBufUtil.utf8Bytes(value);
        }

        @Override
        public void encodeBody(String value, ByteBuf out) {
            if (ascii) {
                for (int i = 0; i < value.length(); i++) {
                    if (value.charAt(i) > 0x7F) {
                        throw new InvalidValueException("ascii value has a non-ASCII character U+"
                                + String.format("%04X", (int) value.charAt(i)) + " at index " + i);
                    }
                }
                out.writeCharSequence(value, StandardCharsets.US_ASCII);
            } else if (out.maxWritableBytes() >= value.length() * 3) {
                // netty reserves the worst case (3 bytes a char) before writing
                out.writeCharSequence(value, StandardCharsets.UTF_8);
            } else {
                // an exactly sized buffer (encode()): reserve only what is needed
                ByteBufUtil.reserveAndWriteUtf8(out, value, ByteBufUtil.utf8Bytes(value));
            }
        }

        @Override
        public ByteBuffer encode(String value) {
            if (value == null) {
                return null;
            }
            if (ascii) {
                return TypeCodec.super.encode(value);
            }
            return ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String decode(byte[] array, int offset, int length) {
            if (Wire.isNull(array, offset, length, cqlType)) {
                return null;
            }
            return new String(array, offset, length, ascii ? StandardCharsets.US_ASCII : StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "TextCodec(" + cqlType.asCql() + ")";
        }
    }

    /**
     * blob and custom types ↔ {@link ByteBuffer}. Encoding writes the buffer's remaining bytes
     * without moving its position; decoding returns a new heap buffer owning a copy of the bytes
     * (never a view of a rows page, which may be a pooled buffer released after decoding).
     */
    public static final class BlobCodec implements TypeCodec<ByteBuffer> {

        private final DataType cqlType;

        /** A codec for {@code blob}, or for the raw bytes of a {@link CustomType}. */
        public BlobCodec(DataType cqlType) {
            if (cqlType != PrimitiveType.BLOB && !(cqlType instanceof CustomType)) {
                throw new IllegalArgumentException("BlobCodec is for blob and custom types, not " + cqlType.asCql());
            }
            this.cqlType = cqlType;
        }

        @Override
        public DataType cqlType() {
            return cqlType;
        }

        @Override
        public Class<?> javaType() {
            return ByteBuffer.class;
        }

        @Override
        public int encodedSize(ByteBuffer value) {
            return value.remaining();
        }

        @Override
        public void encodeBody(ByteBuffer value, ByteBuf out) {
            out.writeBytes(value.duplicate());
        }

        @Override
        public ByteBuffer decode(byte[] array, int offset, int length) {
            if (Wire.isNull(array, offset, length, cqlType)) {
                return null;
            }
            return ByteBuffer.wrap(Arrays.copyOfRange(array, offset, offset + length));
        }

        @Override
        public String toString() {
            return "BlobCodec(" + cqlType.asCql() + ")";
        }
    }

    /**
     * uuid and timeuuid ↔ {@link UUID}: 16 bytes, most significant first. Encoding a UUID that is
     * not version 1 as a timeuuid throws {@link InvalidValueException}.
     */
    public static final class UuidCodec extends FixedSizeCodec<UUID> {

        private final boolean timeBased;

        UuidCodec(PrimitiveType cqlType) {
            super(cqlType, UUID.class, 16);
            this.timeBased = cqlType == PrimitiveType.TIMEUUID;
        }

        @Override
        UUID read(byte[] array, int offset) {
            return new UUID(Wire.getLong(array, offset), Wire.getLong(array, offset + 8));
        }

        @Override
        public void encodeBody(UUID value, ByteBuf out) {
            checkVersion(value);
            out.writeLong(value.getMostSignificantBits());
            out.writeLong(value.getLeastSignificantBits());
        }

        @Override
        ByteBuffer encodeDirect(UUID value) {
            checkVersion(value);
            return ByteBuffer.allocate(16).putLong(0, value.getMostSignificantBits())
                    .putLong(8, value.getLeastSignificantBits());
        }

        private void checkVersion(UUID value) {
            if (timeBased && value.version() != 1) {
                throw new InvalidValueException("timeuuid needs a version 1 UUID, " + value + " is version "
                        + value.version());
            }
        }
    }

    /**
     * inet ↔ {@link InetAddress}: 4 bytes (IPv4) or 16 (IPv6, decoded as an {@link Inet6Address}
     * even when IPv4-mapped, so that it re-encodes to the same 16 bytes). Empty decodes to null.
     */
    public static final class InetCodec implements TypeCodec<InetAddress> {

        InetCodec() {
        }

        @Override
        public DataType cqlType() {
            return PrimitiveType.INET;
        }

        @Override
        public Class<?> javaType() {
            return InetAddress.class;
        }

        @Override
        public int encodedSize(InetAddress value) {
            return value instanceof Inet4Address ? 4 : 16;
        }

        @Override
        public void encodeBody(InetAddress value, ByteBuf out) {
            out.writeBytes(value.getAddress());
        }

        @Override
        public InetAddress decode(byte[] array, int offset, int length) {
            if (Wire.isNull(array, offset, length, PrimitiveType.INET) || length == 0) {
                return null;
            }
            if (length != 4 && length != 16) {
                throw Wire.malformed(PrimitiveType.INET, "expected 4 or 16 bytes but got " + length);
            }
            byte[] address = Arrays.copyOfRange(array, offset, offset + length);
            try {
                // Inet6Address keeps an IPv4-mapped address (::ffff:a.b.c.d) as 16 bytes, where
                // InetAddress.getByAddress would turn it into 4 and change the value re-encoded
                return length == 4 ? InetAddress.getByAddress(address) : Inet6Address.getByAddress(null, address, -1);
            } catch (UnknownHostException e) {
                throw Wire.malformed(PrimitiveType.INET, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "InetCodec";
        }
    }
}
