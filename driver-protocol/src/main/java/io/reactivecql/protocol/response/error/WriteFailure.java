package io.reactivecql.protocol.response.error;

import io.reactivecql.protocol.ConsistencyLevel;

import java.net.InetAddress;
import java.util.Map;
import java.util.Objects;

/**
 * Write_failure (0x1500): replicas failed a write for a reason other than a timeout.
 *
 * <p>As for {@link ReadFailure}, v5 sends a reason map and v4 only a count: {@code reasonMap} is
 * empty when only the count is known, otherwise it has exactly {@code numFailures} entries.
 *
 * @param message     the server's message
 * @param consistency the consistency level of the write
 * @param received    the number of replicas that acknowledged
 * @param blockFor    the number of acknowledgements the level needs
 * @param numFailures the number of replicas that failed
 * @param reasonMap   the failure code ([short]) of each failed replica, in wire order; empty when unknown
 * @param writeType   the kind of write that failed
 */
public record WriteFailure(String message, ConsistencyLevel consistency, int received, int blockFor,
                           int numFailures, Map<InetAddress, Integer> reasonMap, WriteType writeType)
        implements ErrorResponse {

    public WriteFailure {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(consistency, "consistency");
        Objects.requireNonNull(writeType, "writeType");
        reasonMap = ReasonMaps.copyOf(reasonMap, numFailures);
    }

    /** A failure with per-replica reasons (protocol v5); the count is the map's size. */
    public static WriteFailure withReasons(String message, ConsistencyLevel consistency, int received, int blockFor,
                                           Map<InetAddress, Integer> reasonMap, WriteType writeType) {
        return new WriteFailure(message, consistency, received, blockFor, reasonMap.size(), reasonMap, writeType);
    }

    /** A failure with only a count (protocol v4). */
    public static WriteFailure withCount(String message, ConsistencyLevel consistency, int received, int blockFor,
                                         int numFailures, WriteType writeType) {
        return new WriteFailure(message, consistency, received, blockFor, numFailures, Map.of(), writeType);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.WRITE_FAILURE;
    }
}
