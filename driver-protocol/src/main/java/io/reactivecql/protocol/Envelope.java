package io.reactivecql.protocol;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One envelope (the v4 "frame"): header fields, the optional body prefixes and the message.
 *
 * @param version       the protocol version of the connection
 * @param streamId      the stream id; negative for server-initiated EVENT envelopes
 * @param tracing       on a request, asks the server to trace it; on a response, says a tracing id is present
 * @param tracingId     the tracing id of a response whose tracing flag is set, else null
 * @param warnings      server warnings on a response (empty when none)
 * @param customPayload the custom payload (empty when none)
 * @param beta          the USE_BETA flag
 * @param message       the message in the body
 */
public record Envelope(ProtocolVersion version, int streamId, boolean tracing, UUID tracingId,
                       List<String> warnings, Map<String, ByteBuffer> customPayload, boolean beta,
                       Message message) {

    public static final int FLAG_COMPRESSED = 0x01;
    public static final int FLAG_TRACING = 0x02;
    public static final int FLAG_CUSTOM_PAYLOAD = 0x04;
    public static final int FLAG_WARNING = 0x08;
    public static final int FLAG_USE_BETA = 0x10;

    public Envelope {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(message, "message");
        warnings = warnings == null ? List.of() : warnings;
        customPayload = customPayload == null ? Map.of() : customPayload;
        if (streamId < Short.MIN_VALUE || streamId > Short.MAX_VALUE) {
            throw new IllegalArgumentException("streamId " + streamId + " is outside the [short] range");
        }
        if (tracingId != null) {
            tracing = true;
        } else if (tracing && message instanceof Response) {
            // on a response the tracing flag announces a tracing id in the body
            throw new IllegalArgumentException("a response with the tracing flag needs a tracingId");
        }
    }

    /** A request envelope with no tracing, payload or beta flag. */
    public static Envelope request(ProtocolVersion version, int streamId, Request message) {
        return new Envelope(version, streamId, false, null, List.of(), Map.of(), false, message);
    }

    /** A response envelope with no tracing id, warnings or payload. */
    public static Envelope response(ProtocolVersion version, int streamId, Response message) {
        return new Envelope(version, streamId, false, null, List.of(), Map.of(), false, message);
    }

    /** Whether the message travels from server to client. */
    public boolean isResponse() {
        return message instanceof Response;
    }

    /** The header flags this envelope is written with (compression aside). */
    public int flags() {
        int flags = 0;
        if (tracing) {
            flags |= FLAG_TRACING;
        }
        if (!customPayload.isEmpty()) {
            flags |= FLAG_CUSTOM_PAYLOAD;
        }
        if (!warnings.isEmpty()) {
            flags |= FLAG_WARNING;
        }
        if (beta) {
            flags |= FLAG_USE_BETA;
        }
        return flags;
    }

    /** The same envelope with another stream id. */
    public Envelope withStreamId(int newStreamId) {
        return new Envelope(version, newStreamId, tracing, tracingId, warnings, customPayload, beta, message);
    }
}
