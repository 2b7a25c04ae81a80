package io.reactivecql.protocol.response.result;

import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Response;

/**
 * A RESULT response (section 4.2.5): the successful answer to QUERY, PREPARE, EXECUTE or BATCH.
 * One implementation per {@link ResultKind}.
 */
public sealed interface Result extends Response
        permits VoidResult, RowsResult, SetKeyspaceResult, PreparedResult, SchemaChangeResult {

    /** The kind of result, which determines the implementation class. */
    ResultKind kind();

    @Override
    default int opcode() {
        return Opcode.RESULT;
    }
}
