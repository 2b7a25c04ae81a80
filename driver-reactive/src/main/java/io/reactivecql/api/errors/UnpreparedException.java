package io.reactivecql.api.errors;

import java.net.InetSocketAddress;

/**
 * The node did not know a prepared statement id (Unprepared, 0x2500) even after the driver
 * prepared the statement again on it. The driver handles the ordinary case (a restarted node)
 * itself: this surfaces only when re-preparing did not help.
 */
public class UnpreparedException extends CoordinatorException {

    private static final long serialVersionUID = 1L;

    public UnpreparedException(InetSocketAddress coordinator, String message) {
        super(coordinator, 0x2500, message);
    }
}
