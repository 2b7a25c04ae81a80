package io.reactivecql.protocol.response.error;

import java.net.InetAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Validation shared by {@link ReadFailure} and {@link WriteFailure}: their failure count and reason map. */
final class ReasonMaps {

    private ReasonMaps() {
    }

    /**
     * An unmodifiable, order-preserving copy of {@code reasons}, checked against {@code numFailures}:
     * either the map is empty (a v4 message carries only the count) or it has one entry per failure.
     */
    static Map<InetAddress, Integer> copyOf(Map<InetAddress, Integer> reasons, int numFailures) {
        Objects.requireNonNull(reasons, "reasonMap");
        if (numFailures < 0) {
            throw new IllegalArgumentException("numFailures must not be negative, was " + numFailures);
        }
        if (!reasons.isEmpty() && reasons.size() != numFailures) {
            throw new IllegalArgumentException("reason map has " + reasons.size() + " entries but numFailures is "
                    + numFailures);
        }
        Map<InetAddress, Integer> copy = new LinkedHashMap<>();
        for (Map.Entry<InetAddress, Integer> e : reasons.entrySet()) {
            Objects.requireNonNull(e.getKey(), "reason map endpoint");
            int code = Objects.requireNonNull(e.getValue(), "reason map failure code");
            if (code < 0 || code > 0xFFFF) {
                throw new IllegalArgumentException("failure code must fit a [short], was " + code);
            }
            copy.put(e.getKey(), code);
        }
        return Collections.unmodifiableMap(copy);
    }
}
