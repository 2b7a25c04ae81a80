package io.reactivecql.protocol.request;

import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Request;

/**
 * OPTIONS (section 4.1.3): asks which STARTUP options the server supports; answered by SUPPORTED.
 * The body is empty, so every instance is equal to {@link #INSTANCE}.
 */
public record Options() implements Request {

    public static final Options INSTANCE = new Options();

    @Override
    public int opcode() {
        return Opcode.OPTIONS;
    }
}
