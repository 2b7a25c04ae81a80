package io.reactivecql.protocol;


import io.reactivecql.protocol.request.AuthResponseCodec;
import io.reactivecql.protocol.request.BatchCodec;
import io.reactivecql.protocol.request.ExecuteCodec;
import io.reactivecql.protocol.request.OptionsCodec;
import io.reactivecql.protocol.request.PrepareCodec;
import io.reactivecql.protocol.request.QueryCodec;
import io.reactivecql.protocol.request.RegisterCodec;
import io.reactivecql.protocol.request.StartupCodec;
import io.reactivecql.protocol.response.AuthChallengeCodec;
import io.reactivecql.protocol.response.AuthSuccessCodec;
import io.reactivecql.protocol.response.AuthenticateCodec;
import io.reactivecql.protocol.response.ReadyCodec;
import io.reactivecql.protocol.response.SupportedCodec;
import io.reactivecql.protocol.response.error.ErrorCodec;
import io.reactivecql.protocol.response.event.EventCodec;
import io.reactivecql.protocol.response.result.ResultCodec;

/**
 * The codec of every message, indexed by direction and opcode. Immutable; {@link #defaults()}
 * holds every message of protocol v4 and v5.
 */
public final class MessageCodecRegistry {

    private static final MessageCodecRegistry DEFAULTS = new MessageCodecRegistry(
            new MessageCodec<?>[] {
                new StartupCodec(), new AuthResponseCodec(), new OptionsCodec(), new QueryCodec(),
                new PrepareCodec(), new ExecuteCodec(), new BatchCodec(), new RegisterCodec()
            },
            new MessageCodec<?>[] {
                new ErrorCodec(), new ReadyCodec(), new AuthenticateCodec(), new SupportedCodec(),
                new ResultCodec(), new EventCodec(), new AuthChallengeCodec(), new AuthSuccessCodec()
            });

    private final MessageCodec<?>[] requests = new MessageCodec<?>[Opcode.LIMIT];
    private final MessageCodec<?>[] responses = new MessageCodec<?>[Opcode.LIMIT];

    public MessageCodecRegistry(MessageCodec<?>[] requestCodecs, MessageCodec<?>[] responseCodecs) {
        for (MessageCodec<?> codec : requestCodecs) {
            requests[codec.opcode()] = codec;
        }
        for (MessageCodec<?> codec : responseCodecs) {
            responses[codec.opcode()] = codec;
        }
    }

    /** Every request and response of the protocol. */
    public static MessageCodecRegistry defaults() {
        return DEFAULTS;
    }

    /** The codec of a request opcode, or null when there is none. */
    public MessageCodec<?> requestCodec(int opcode) {
        return opcode >= 0 && opcode < Opcode.LIMIT ? requests[opcode] : null;
    }

    /** The codec of a response opcode, or null when there is none. */
    public MessageCodec<?> responseCodec(int opcode) {
        return opcode >= 0 && opcode < Opcode.LIMIT ? responses[opcode] : null;
    }
}
