package io.reactivecql.api.errors;

import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.response.error.WriteType;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/** Replicas failed a write for a reason other than a timeout (Write_failure, 0x1500). */
public class WriteFailureException extends QueryExecutionException {

    private static final long serialVersionUID = 1L;

    private final ConsistencyLevel consistency;
    private final int received;
    private final int blockFor;
    private final int numFailures;
    private final transient Map<InetAddress, Integer> reasonMap;
    private final WriteType writeType;

    public WriteFailureException(InetSocketAddress coordinator, String message, ConsistencyLevel consistency,
                                 int received, int blockFor, int numFailures, Map<InetAddress, Integer> reasonMap,
                                 WriteType writeType) {
        super(coordinator, 0x1500, message);
        this.consistency = consistency;
        this.received = received;
        this.blockFor = blockFor;
        this.numFailures = numFailures;
        this.reasonMap = Map.copyOf(reasonMap);
        this.writeType = writeType;
    }

    /** The consistency level of the write. */
    public ConsistencyLevel consistency() {
        return consistency;
    }

    /** The number of replicas that acknowledged. */
    public int received() {
        return received;
    }

    /** The number of acknowledgements the level needs. */
    public int blockFor() {
        return blockFor;
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
