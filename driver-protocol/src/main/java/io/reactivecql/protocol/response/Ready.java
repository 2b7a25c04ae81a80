package io.reactivecql.protocol.response;

import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Response;

/**
 * READY (section 4.2.2): the connection accepts queries (after STARTUP without authentication), or
 * the answer to REGISTER. The body is empty, so every instance is equal to {@link #INSTANCE}.
 */
public record Ready() implements Response {

    public static final Ready INSTANCE = new Ready();

    @Override
    public int opcode() {
        return Opcode.READY;
    }
}
