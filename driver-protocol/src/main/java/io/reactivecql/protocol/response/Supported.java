package io.reactivecql.protocol.response;

import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Response;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * SUPPORTED (section 4.2.4): the answer to OPTIONS. Body: a [string multimap] from each STARTUP
 * option to its supported values, plus {@value #PROTOCOL_VERSIONS} ("4/v4", "5/v5", ...). The map
 * keeps the order it was given in, so the encoding is stable.
 *
 * @param options every option with its supported values
 */
public record Supported(Map<String, List<String>> options) implements Response {

    /** The key listing the protocol versions, e.g. "4/v4", "5/v5-beta". */
    public static final String PROTOCOL_VERSIONS = "PROTOCOL_VERSIONS";
    /** The key listing the CQL versions. */
    public static final String CQL_VERSION = "CQL_VERSION";
    /** The key listing the compression algorithms. */
    public static final String COMPRESSION = "COMPRESSION";

    public Supported {
        Objects.requireNonNull(options, "options");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        options.forEach((key, values) -> copy.put(Objects.requireNonNull(key, "options key"),
                List.copyOf(Objects.requireNonNull(values, () -> "options values of " + key))));
        options = Collections.unmodifiableMap(copy);
    }

    /** The values of {@code option}, empty when the server did not list it. */
    public List<String> values(String option) {
        return options.getOrDefault(option, List.of());
    }

    @Override
    public int opcode() {
        return Opcode.SUPPORTED;
    }
}
