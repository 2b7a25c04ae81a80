package io.reactivecql.protocol;

/**
 * A protocol message: the body of one envelope. Every implementation is immutable and has a
 * {@link MessageCodec} beside it.
 */
public interface Message {

    /** The opcode that identifies this message's kind in the envelope header. */
    int opcode();
}
