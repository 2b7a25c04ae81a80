package io.reactivecql.api.errors;

import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.response.error.WriteType;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/** Replicas failed a write for a reason other than a timeout (Write_failure, 0x1500). */
public class WriteFailureException extends QueryConsistencyException {

    private static final long serialVersionUID = 1L;

    private final int numFailures;
    private final transient Map<InetAddress, Integer> reasonMap;
    private final WriteType writeType;

    public WriteFailureException(InetSocketAddress coordinator, String message, ConsistencyLevel consistency,
                                 int received, int blockFor, int numFailures, Map<InetAddress, Integer> reasonMap,
                                 WriteType writeType) {
        super(coordinator, 0x1500, message, consistency, received, blockFor);
        this.numFailures = numFailures;
        this.reasonMap = Map.copyOf(reasonMap);
        this.writeType = writeType;
    }

    /** The number of replicas that failed. */
    public int numFailures() {
        return numFailures;
    }

    /** The failure code of each failed replica (protocol v5); empty when only the count is known (v4). */
    public Map<InetAddress, Integer> reasonMap() {
        return reasonMap;
    }

    /** The kind of write that failed. */
    public WriteType writeType() {
        return writeType;
    }
}
