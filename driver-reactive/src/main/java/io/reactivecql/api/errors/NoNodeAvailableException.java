package io.reactivecql.api.errors;

import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * No node of the query plan could take the request (or, on connect, no contact point could be
 * reached). {@link #errors()} holds the error met on each node tried, in order; every one is also
 * a suppressed exception.
 */
public class NoNodeAvailableException extends DriverException {

    private static final long serialVersionUID = 1L;

    private final transient Map<InetSocketAddress, Throwable> errors;

    public NoNodeAvailableException(String what, Map<InetSocketAddress, Throwable> errors) {
        super(message(what, errors));
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        errors.values().forEach(this::addSuppressed);
    }

    private static String message(String what, Map<InetSocketAddress, Throwable> errors) {
        if (errors.isEmpty()) {
            return what + ": no node was tried (the query plan was empty)";
        }
        StringBuilder s = new StringBuilder(what).append(": all nodes tried failed (").append(errors.size())
                .append(')');
        errors.forEach((node, error) -> s.append("; ").append(node).append(": ").append(error));
        return s.toString();
    }

    /** The error of each node tried, in the order they were tried. */
    public Map<InetSocketAddress, Throwable> errors() {
        return errors;
    }
}
