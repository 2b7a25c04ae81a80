package io.reactivecql.protocol.types;

import java.util.Locale;
import java.util.regex.Pattern;

/** CQL identifier rules: unquoted names are case-insensitive (lower-cased), quoted ones are kept. */
public final class CqlIdentifiers {

    private static final Pattern UNQUOTED = Pattern.compile("[a-z][a-z0-9_]*");

    private CqlIdentifiers() {
    }

    /** The internal (case-sensitive) form of an identifier as written in CQL. */
    public static String fromCql(String cql) {
        if (cql.length() >= 2 && cql.startsWith("\"") && cql.endsWith("\"")) {
            return cql.substring(1, cql.length() - 1).replace("\"\"", "\"");
        }
        return cql.toLowerCase(Locale.ROOT);
    }

    /** The CQL form of an internal identifier: quoted unless it is a plain lower-case name. */
    public static String quoteIfNeeded(String internal) {
        if (UNQUOTED.matcher(internal).matches() && !CqlKeywords.isReserved(internal)) {
            return internal;
        }
        return quote(internal);
    }

    /** Always quotes. */
    public static String quote(String internal) {
        return '"' + internal.replace("\"", "\"\"") + '"';
    }
}
