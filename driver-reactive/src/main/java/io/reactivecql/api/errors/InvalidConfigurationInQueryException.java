package io.reactivecql.api.errors;

import java.net.InetSocketAddress;

/** The query is invalid because of a configuration problem (Config_error, 0x2300), e.g. an unknown replication strategy. */
public class InvalidConfigurationInQueryException extends QueryValidationException {

    private static final long serialVersionUID = 1L;

    public InvalidConfigurationInQueryException(InetSocketAddress coordinator, String message) {
        super(coordinator, 0x2300, message);
    }
}
