package io.reactivecql.api.errors;

import io.reactivecql.protocol.ConsistencyLevel;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/** Replicas failed a read for a reason other than a timeout (Read_failure, 0x1300), e.g. too many tombstones. */
public class ReadFailureException extends QueryConsistencyException {

    private static final long serialVersionUID = 1L;

    private final int numFailures;
    private final transient Map<InetAddress, Integer> reasonMap;
    private final boolean dataPresent;

    public ReadFailureException(InetSocketAddress coordinator, String message, ConsistencyLevel consistency,
                                int received, int blockFor, int numFailures, Map<InetAddress, Integer> reasonMap,
                                boolean dataPresent) {
        super(coordinator, 0x1300, message, consistency, received, blockFor);
        this.numFailures = numFailures;
        this.reasonMap = Map.copyOf(reasonMap);
        this.dataPresent = dataPresent;
    }

    /** The number of replicas that failed. */
    public int numFailures() {
        return numFailures;
    }

    /** The failure code of each failed replica (protocol v5); empty when only the count is known (v4). */
    public Map<InetAddress, Integer> reasonMap() {
        return reasonMap;
    }

    /** Whether the replica asked for the data answered. */
    public boolean dataPresent() {
        return dataPresent;
    }
}
