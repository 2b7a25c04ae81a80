package io.reactivecql.api.errors;

import java.net.InetSocketAddress;

/** A write to CDC-tracked data was refused, CDC space being exhausted (CDC_write_failure, 0x1600). */
public class CdcWriteException extends QueryExecutionException {

    private static final long serialVersionUID = 1L;

    public CdcWriteException(InetSocketAddress coordinator, String message) {
        super(coordinator, 0x1600, message);
    }
}
