package io.reactivecql.mapper.api;

import java.util.Locale;

/**
 * How Java names (fields, and class names for tables and UDTs) become CQL names. The result is
 * the internal, case-sensitive name; the mapper quotes it in CQL when it needs quotes.
 */
public enum NamingStrategy {

    /**
     * {@code createdAt} is {@code created_at}, {@code userID} is {@code user_id},
     * {@code HTMLParser} is {@code html_parser}, {@code ProductV2} is {@code product_v2}. The default.
     */
    SNAKE_CASE {
        @Override
        public String apply(String javaName) {
            return snakeCase(javaName);
        }
    },

    /** Lower-cased as is: {@code createdAt} is {@code createdat} (how CQL reads an unquoted name). */
    LOWER_CASE {
        @Override
        public String apply(String javaName) {
            return javaName.toLowerCase(Locale.ROOT);
        }
    },

    /** Kept as is, case included: {@code createdAt} is the quoted column {@code "createdAt"}. */
    EXACT {
        @Override
        public String apply(String javaName) {
            return javaName;
        }
    };

    /** The internal CQL name of the Java name {@code javaName}. */
    public abstract String apply(String javaName);

    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        int n = name.length();
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                    char prev = name.charAt(i - 1);
                    boolean nextLower = i + 1 < n && Character.isLowerCase(name.charAt(i + 1));
                    // a word starts after a lower-case letter or digit, or where an acronym ends (HTMLParser)
                    if (Character.isLowerCase(prev) || Character.isDigit(prev)
                            || (Character.isUpperCase(prev) && nextLower)) {
                        out.append('_');
                    }
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
