package io.reactivecql.api.errors;

import java.net.InetSocketAddress;

/** The coordinator is still bootstrapping (Is_bootstrapping, 0x1002). Safe to retry on another node. */
public class BootstrappingException extends CoordinatorException {

    private static final long serialVersionUID = 1L;

    public BootstrappingException(InetSocketAddress coordinator, String message) {
        super(coordinator, 0x1002, message);
    }
}
