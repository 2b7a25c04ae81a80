package io.reactivecql.stub;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough CQL reading for a stub: bind markers, USE, identifiers. */
final class Cql {

    private static final Pattern USE = Pattern.compile("(?i)^\\s*USE\\s+(\"[^\"]+\"|\\w+)\\s*;?\\s*$");

    private Cql() {
    }

    /**
     * The bind markers of {@code cql} in order: null for a positional {@code ?}, the name for
     * {@code :name}. String literals and quoted identifiers are skipped.
     */
    static List<String> bindMarkers(String cql) {
        List<String> markers = new ArrayList<>();
        int n = cql.length();
        for (int i = 0; i < n; i++) {
            char ch = cql.charAt(i);
            if (ch == '\'' || ch == '"') {
                i = skipQuoted(cql, i, ch);
            } else if (ch == '?') {
                markers.add(null);
            } else if (ch == ':' && i + 1 < n && Character.isLetter(cql.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(cql.charAt(end)) || cql.charAt(end) == '_')) {
                    end++;
                }
                markers.add(cql.substring(i + 1, end));
                i = end - 1;
            }
        }
        return markers;
    }

    /** The index of the closing quote of the quoted run starting at {@code open} (doubled quotes escape). */
    private static int skipQuoted(String cql, int open, char quote) {
        int i = open + 1;
        while (i < cql.length()) {
            if (cql.charAt(i) == quote) {
                if (i + 1 < cql.length() && cql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return cql.length();
    }

    /** The keyspace of a {@code USE} statement, or null when {@code cql} is not one. */
    static String useKeyspace(String cql) {
        Matcher m = USE.matcher(cql);
        return m.matches() ? identifier(m.group(1)) : null;
    }

    /** An identifier as Cassandra stores it: unquoted ones in lower case, quoted ones as written. */
    static String identifier(String text) {
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        return text.toLowerCase(Locale.ROOT);
    }
}
