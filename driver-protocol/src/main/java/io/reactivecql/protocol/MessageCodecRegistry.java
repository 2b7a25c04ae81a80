package io.reactivecql.protocol;


/**
 * The codec of every message, indexed by direction and opcode. Immutable; {@link #defaults()}
 * holds every message of protocol v4 and v5.
 */
public final class MessageCodecRegistry {

    // TODO(lead): filled in when every message codec has landed
    private static final MessageCodecRegistry DEFAULTS = new MessageCodecRegistry(
            new MessageCodec<?>[] {}, new MessageCodec<?>[] {});

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
