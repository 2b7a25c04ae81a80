package io.reactivecql.protocol.response.result;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The Prepared result (4.2.5.4): the statement id, (v5) the result metadata id, the bind markers
 * and the metadata of the rows an execution will return. Not a record: the ids are arrays, and
 * equality must compare their content.
 *
 * <p>The result metadata id exists only in protocol v5: it is null in a decoded v4 result, required
 * to encode a v5 one, and left out when encoding for v4.
 */
public final class PreparedResult implements Result {

    private final byte[] id;
    private final byte[] resultMetadataId;
    private final PreparedMetadata variables;
    private final RowsMetadata resultMetadata;

    /**
     * @param id               the prepared statement id ([short bytes]); copied
     * @param resultMetadataId the result metadata id ([short bytes], v5), or null (v4); copied
     * @param variables        the bind markers and partition key indexes
     * @param resultMetadata   the metadata of the rows an execution returns; {@link RowsMetadata#EMPTY}
     *                         for statements that return none
     */
    public PreparedResult(byte[] id, byte[] resultMetadataId, PreparedMetadata variables,
                          RowsMetadata resultMetadata) {
        this.id = checkShortBytes(id, "id").clone();
        this.resultMetadataId = resultMetadataId == null ? null
                : checkShortBytes(resultMetadataId, "resultMetadataId").clone();
        this.variables = Objects.requireNonNull(variables, "variables");
        this.resultMetadata = Objects.requireNonNull(resultMetadata, "resultMetadata");
    }

    private static byte[] checkShortBytes(byte[] bytes, String what) {
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException(what + " of " + bytes.length + " bytes does not fit [short bytes]");
        }
        return bytes;
    }

    @Override
    public ResultKind kind() {
        return ResultKind.PREPARED;
    }

    /** The prepared statement id to EXECUTE with (a copy). */
    public byte[] id() {
        return id.clone();
    }

    /** The result metadata id (v5; a copy), or null for a v4 result. */
    public byte[] resultMetadataId() {
        return resultMetadataId == null ? null : resultMetadataId.clone();
    }

    /** The statement's bind markers. */
    public PreparedMetadata variables() {
        return variables;
    }

    /** The metadata of the rows an execution returns (may be empty, see the spec). */
    public RowsMetadata resultMetadata() {
        return resultMetadata;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreparedResult other
                && Arrays.equals(id, other.id)
                && Arrays.equals(resultMetadataId, other.resultMetadataId)
                && variables.equals(other.variables)
                && resultMetadata.equals(other.resultMetadata);
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(id);
        h = 31 * h + Arrays.hashCode(resultMetadataId);
        return 31 * (31 * h + variables.hashCode()) + resultMetadata.hashCode();
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "PreparedResult[id=0x" + hex.formatHex(id)
                + ", resultMetadataId=" + (resultMetadataId == null ? "null" : "0x" + hex.formatHex(resultMetadataId))
                + ", variables=" + variables + ", resultMetadata=" + resultMetadata + "]";
    }
}
