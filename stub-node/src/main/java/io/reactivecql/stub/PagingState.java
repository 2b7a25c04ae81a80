package io.reactivecql.stub;

import java.nio.ByteBuffer;

/**
 * The stub's paging state: a magic number, the id of the {@link Rows} it belongs to and the row to
 * resume at. Opaque to clients, as Cassandra's is.
 */
final class PagingState {

    private static final int MAGIC = 0x53545542; // "STUB"
    private static final int LENGTH = 16;

    private PagingState() {
    }

    static ByteBuffer encode(long rowsId, int offset) {
        ByteBuffer state = ByteBuffer.allocate(LENGTH);
        state.putInt(MAGIC).putLong(rowsId).putInt(offset).flip();
        return state.asReadOnlyBuffer();
    }

    /** The row offset in {@code state}, or -1 when it is not a paging state of these rows. */
    static int offset(ByteBuffer state, long rowsId) {
        if (state.remaining() != LENGTH) {
            return -1;
        }
        int at = state.position();
        if (state.getInt(at) != MAGIC || state.getLong(at + 4) != rowsId) {
            return -1;
        }
        int offset = state.getInt(at + 12);
        return offset < 0 ? -1 : offset;
    }
}
