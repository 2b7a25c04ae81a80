package io.reactivecql.protocol.response.error;

import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Response;

/**
 * An ERROR response (section 4.2.1): an {@link ErrorCode}, the server's message and, for some
 * codes, more fields. There is one immutable implementation per code; switch on {@link #code()} or
 * use {@code instanceof} to reach the specific fields.
 */
public sealed interface ErrorResponse extends Response
        permits ServerError, ProtocolError, AuthenticationError, Unavailable, Overloaded, IsBootstrapping,
                TruncateError, WriteTimeout, ReadTimeout, ReadFailure, FunctionFailure, WriteFailure,
                CdcWriteFailure, CasWriteUnknown, SyntaxError, Unauthorized, Invalid, ConfigError, AlreadyExists,
                Unprepared {

    /** The error code, which determines the implementation class. */
    ErrorCode code();

    /** The human-readable message the server sent (never null, possibly empty). */
    String message();

    @Override
    default int opcode() {
        return Opcode.ERROR;
    }
}
