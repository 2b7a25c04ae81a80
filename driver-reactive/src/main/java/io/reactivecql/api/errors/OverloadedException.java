package io.reactivecql.api.errors;

import java.net.InetSocketAddress;

/** The coordinator is overloaded and did not process the request (Overloaded, 0x1001). Safe to retry on another node. */
public class OverloadedException extends CoordinatorException {

    private static final long serialVersionUID = 1L;

    public OverloadedException(InetSocketAddress coordinator, String message) {
        super(coordinator, 0x1001, message);
    }
}
