package io.reactivecql.protocol.response.result;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.EnvelopeCodec;
import io.reactivecql.protocol.MessageCodec;
import io.reactivecql.protocol.MessageCodecRegistry;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.Response;
import io.reactivecql.protocol.response.error.ErrorCodec;
import io.reactivecql.protocol.response.error.Unavailable;
import io.reactivecql.protocol.response.event.EventCodec;
import io.reactivecql.protocol.response.event.StatusChangeEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.reactivecql.protocol.ConsistencyLevel.QUORUM;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The three response codecs behind {@link EnvelopeCodec}, registered the way the lead's default
 * registry will: whole envelopes with body prefixes (tracing id, warnings) round-trip, and the
 * decoded rows survive the release of the envelope buffer.
 */
class ResponseEnvelopeTest {

    private static final EnvelopeCodec ENVELOPES = new EnvelopeCodec(new MessageCodecRegistry(
            new MessageCodec<?>[] {}, new MessageCodec<?>[] {new ErrorCodec(), new ResultCodec(), new EventCodec()}));

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void responsesRoundTripThroughEnvelopes(ProtocolVersion version) {
        UUID tracingId = UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        List<Response> responses = List.of(
                RowsResultTest.GLOBAL,
                new Unavailable("no", QUORUM, 2, 1),
                new StatusChangeEvent(StatusChangeEvent.Status.DOWN, new InetSocketAddress("127.0.0.2", 9042)));
        for (Response response : responses) {
            Envelope envelope = new Envelope(version, 7, true, tracingId, List.of("careful"), Map.of(), false,
                    response);
            ByteBuf encoded = ENVELOPES.encode(envelope, PooledByteBufAllocator.DEFAULT);
            Envelope decoded;
            try {
                decoded = ENVELOPES.decode(encoded, PooledByteBufAllocator.DEFAULT);
            } finally {
                encoded.release();
            }
            assertEquals(envelope, decoded);
        }
    }
}
