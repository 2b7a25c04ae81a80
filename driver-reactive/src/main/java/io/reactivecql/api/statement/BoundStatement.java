package io.reactivecql.api.statement;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A {@link PreparedStatement} with its values, already encoded; executed with EXECUTE. Immutable.
 */
public interface BoundStatement extends Statement<BoundStatement> {

    /** The prepared statement. */
    PreparedStatement preparedStatement();

    /**
     * The encoded values, one per bind marker: null is NULL, and
     * {@link io.reactivecql.protocol.Primitives#UNSET} (by identity) an unset value.
     */
    List<ByteBuffer> values();

    /** Whether the value at {@code index} is set (possibly to NULL). */
    boolean isSet(int index);
}
