package io.reactivecql.schema.api.token;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A minimal node identity for {@link TokenMap}, for callers that have no node type of their own.
 * The token map is generic in its node type: the cluster layer uses its own node objects directly
 * (anything with a proper {@code equals}/{@code hashCode}), so replica lists need no translation.
 *
 * @param endpoint the node's native-protocol address
 */
public record NodeRef(InetSocketAddress endpoint) {

    /** @throws NullPointerException when {@code endpoint} is null */
    public NodeRef {
        Objects.requireNonNull(endpoint, "endpoint");
    }

    @Override
    public String toString() {
        return endpoint.getHostString() + ":" + endpoint.getPort();
    }
}
