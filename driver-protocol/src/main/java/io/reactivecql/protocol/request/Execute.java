package io.reactivecql.protocol.request;

import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Request;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * EXECUTE (section 4.1.6): runs a prepared statement. Body: v4 {@code <id><query_parameters>},
 * v5 {@code <id><result_metadata_id><query_parameters>}, both ids [short bytes].
 *
 * @param id               the prepared statement id from the Prepared result (at most 65535 bytes)
 * @param resultMetadataId the result metadata id from the Prepared (or the latest Rows) result:
 *                         required on protocol v5, null on v4
 * @param options          consistency, values and the other query parameters
 */
public record Execute(ByteBuffer id, ByteBuffer resultMetadataId, QueryOptions options) implements Request {

    public Execute {
        RequestWire.checkShortBytes(id, "id");
        if (resultMetadataId != null) {
            RequestWire.checkShortBytes(resultMetadataId, "resultMetadataId");
        }
        Objects.requireNonNull(options, "options");
    }

    /** A protocol v4 EXECUTE: no result metadata id. */
    public Execute(ByteBuffer id, QueryOptions options) {
        this(id, null, options);
    }

    @Override
    public int opcode() {
        return Opcode.EXECUTE;
    }
}
