package io.reactivecql.protocol.response.error;

import io.reactivecql.protocol.ConsistencyLevel;

import java.net.InetAddress;
import java.util.Map;
import java.util.Objects;

/**
 * Read_failure (0x1300): replicas failed a read for a reason other than a timeout.
 *
 * <p>Protocol v5 sends a reason map (the address of each failed replica and a failure code); v4
 * sends only the number of failures. Both fit here: {@code reasonMap} is empty when only the count
 * is known (any v4 message), otherwise it has exactly {@code numFailures} entries. Encoding for v4
 * writes {@code numFailures}; encoding for v5 writes the map (so a count-only message becomes an
 * empty map).
 *
 * @param message     the server's message
 * @param consistency the consistency level of the read
 * @param received    the number of replicas that answered
 * @param blockFor    the number of answers the level needs
 * @param numFailures the number of replicas that failed
 * @param reasonMap   the failure code ([short]) of each failed replica, in wire order; empty when unknown
 * @param dataPresent whether the replica asked for the data answered
 */
public record ReadFailure(String message, ConsistencyLevel consistency, int received, int blockFor,
                          int numFailures, Map<InetAddress, Integer> reasonMap, boolean dataPresent)
        implements ErrorResponse {

    public ReadFailure {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(consistency, "consistency");
        reasonMap = ReasonMaps.copyOf(reasonMap, numFailures);
    }

    /** A failure with per-replica reasons (protocol v5); the count is the map's size. */
    public static ReadFailure withReasons(String message, ConsistencyLevel consistency, int received, int blockFor,
                                          Map<InetAddress, Integer> reasonMap, boolean dataPresent) {
        return new ReadFailure(message, consistency, received, blockFor, reasonMap.size(), reasonMap, dataPresent);
    }

    /** A failure with only a count (protocol v4). */
    public static ReadFailure withCount(String message, ConsistencyLevel consistency, int received, int blockFor,
                                        int numFailures, boolean dataPresent) {
        return new ReadFailure(message, consistency, received, blockFor, numFailures, Map.of(), dataPresent);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.READ_FAILURE;
    }
}
