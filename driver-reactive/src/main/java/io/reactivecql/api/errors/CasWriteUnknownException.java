package io.reactivecql.api.errors;

import io.reactivecql.protocol.ConsistencyLevel;

import java.net.InetSocketAddress;

/**
 * A contended lightweight transaction was only partly done (CAS_write_unknown, 0x1700): a later
 * CAS write or SERIAL read may or may not complete it.
 */
public class CasWriteUnknownException extends QueryConsistencyException {

    private static final long serialVersionUID = 1L;


    public CasWriteUnknownException(InetSocketAddress coordinator, String message, ConsistencyLevel consistency,
                                    int received, int blockFor) {
        super(coordinator, 0x1700, message, consistency, received, blockFor);
    }
}
