package io.reactivecql.stub;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.EnvelopeCodec;
import io.reactivecql.protocol.MessageCodecRegistry;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.Response;
import io.reactivecql.protocol.request.QueryFlags;

import java.util.Arrays;

/**
 * Answers registered with {@link StubNode#answerInstantly}: EXECUTEs of one prepared id are
 * answered from bytes encoded once, without decoding the request, consulting the script or
 * recording activity, so that a benchmark measures the client rather than the stub (a "null
 * node"). Immutable: the node swaps the whole set; lookups run on event loops and allocate nothing.
 */
final class InstantAnswers {

    static final InstantAnswers NONE = new InstantAnswers(new Entry[0]);

    private static final int HEADER = EnvelopeCodec.HEADER_LENGTH;
    private static final int UNSAFE_FLAGS = Envelope.FLAG_COMPRESSED | Envelope.FLAG_TRACING
            | Envelope.FLAG_CUSTOM_PAYLOAD | Envelope.FLAG_USE_BETA;

    /**
     * One prepared id and its answer, encoded with stream id 0 per version (index: version code)
     * and per skip-metadata flag.
     */
    private record Entry(byte[] id, byte[][] full, byte[][] skipped) {
    }

    private final Entry[] entries;

    private InstantAnswers(Entry[] entries) {
        this.entries = entries;
    }

    boolean isEmpty() {
        return entries.length == 0;
    }

    /**
     * This set plus (or with a new answer for) {@code id}: {@code full} is the answer when the
     * client wants the result metadata, {@code skipped} when it asked to skip it.
     */
    InstantAnswers with(byte[] id, Response full, Response skipped) {
        EnvelopeCodec codec = new EnvelopeCodec(MessageCodecRegistry.defaults());
        byte[][] fullBytes = new byte[ProtocolVersion.V5.code() + 1][];
        byte[][] skippedBytes = new byte[ProtocolVersion.V5.code() + 1][];
        for (ProtocolVersion version : new ProtocolVersion[] {ProtocolVersion.V4, ProtocolVersion.V5}) {
            fullBytes[version.code()] = encode(codec, version, full);
            skippedBytes[version.code()] = encode(codec, version, skipped);
        }
        Entry[] next = Arrays.copyOf(entries, entries.length + 1);
        int at = entries.length;
        for (int i = 0; i < entries.length; i++) {
            if (Arrays.equals(entries[i].id(), id)) {
                next = entries.clone();
                at = i;
            }
        }
        next[at] = new Entry(id.clone(), fullBytes, skippedBytes);
        return new InstantAnswers(next);
    }

    private static byte[] encode(EnvelopeCodec codec, ProtocolVersion version, Response response) {
        ByteBuf buf = codec.encode(Envelope.response(version, 0, response), UnpooledByteBufAllocator.DEFAULT);
        try {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            return bytes;
        } finally {
            buf.release();
        }
    }

    /**
     * Appends the answer to the whole envelope {@code raw} to {@code out} (allocated when null) and
     * returns it, or returns null when {@code raw} is not an uncompressed, untraced EXECUTE of a
     * registered id in {@code version}.
     */
    ByteBuf answer(ByteBuf raw, ProtocolVersion version, ByteBuf out, ByteBufAllocator alloc) {
        int at = raw.readerIndex();
        int end = raw.writerIndex();
        if (version == null || end - at < HEADER + 2 || raw.getUnsignedByte(at + 4) != Opcode.EXECUTE
                || (raw.getUnsignedByte(at + 1) & UNSAFE_FLAGS) != 0
                || (raw.getUnsignedByte(at) & 0x7F) != version.code()) {
            return null;
        }
        int idAt = at + HEADER + 2;
        int idLength = raw.getUnsignedShort(at + HEADER);
        Entry entry = find(raw, idAt, idLength, end);
        if (entry == null) {
            return null;
        }
        int p = idAt + idLength;
        if (version.usesFraming()) { // v5: the result metadata id comes next
            if (p + 2 > end) {
                return null;
            }
            p += 2 + raw.getUnsignedShort(p);
        }
        p += 2; // consistency
        int flagsBytes = version.usesFraming() ? 4 : 1;
        if (p + flagsBytes > end) {
            return null;
        }
        int flags = version.usesFraming() ? raw.getInt(p) : raw.getUnsignedByte(p);
        byte[] answer = ((flags & QueryFlags.SKIP_METADATA) != 0 ? entry.skipped() : entry.full())[version.code()];
        ByteBuf target = out != null ? out : alloc.ioBuffer(Math.max(1024, answer.length));
        int start = target.writerIndex();
        target.writeBytes(answer);
        target.setShort(start + 2, raw.getShort(at + 2)); // the request's stream id
        return target;
    }

    private Entry find(ByteBuf raw, int idAt, int idLength, int end) {
        if (idAt + idLength > end) {
            return null;
        }
        for (Entry entry : entries) {
            byte[] id = entry.id();
            if (id.length == idLength && sameBytes(raw, idAt, id)) {
                return entry;
            }
        }
        return null;
    }

    private static boolean sameBytes(ByteBuf raw, int at, byte[] id) {
        for (int i = 0; i < id.length; i++) {
            if (raw.getByte(at + i) != id[i]) {
                return false;
            }
        }
        return true;
    }
}
