package io.reactivecql.api.statement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A CQL string with optional values, sent as a QUERY: either positional values for {@code ?}
 * markers or named values for {@code :name} markers, never both. The CQL type of each value is
 * inferred from its Java class (String as text, Long as bigint, Integer as int, ...); use a
 * prepared statement when the column types must drive the encoding. A null value is a CQL NULL;
 * {@link #UNSET} leaves the column unchanged.
 */
public final class SimpleStatement implements Statement<SimpleStatement> {

    /** A value that leaves its column unset (protocol v4+). Compared by identity. */
    public static final Object UNSET = new Object() {
        @Override
        public String toString() {
            return "UNSET";
        }
    };

    private final String query;
    private final List<Object> positionalValues;
    private final Map<String, Object> namedValues;
    private final StatementOptions options;

    private SimpleStatement(String query, List<Object> positionalValues, Map<String, Object> namedValues,
                            StatementOptions options) {
        this.query = Objects.requireNonNull(query, "query");
        this.positionalValues = positionalValues;
        this.namedValues = namedValues;
        this.options = Objects.requireNonNull(options, "options");
    }

    /** A statement with positional values (null elements are NULLs). */
    public static SimpleStatement of(String query, Object... values) {
        return new SimpleStatement(query, copy(Arrays.asList(values)), Map.of(), StatementOptions.DEFAULT);
    }

    /** A statement with named values, in the map's iteration order. */
    public static SimpleStatement of(String query, Map<String, ?> namedValues) {
        return new SimpleStatement(query, List.of(), copy(namedValues), StatementOptions.DEFAULT);
    }

    private static List<Object> copy(List<?> values) {
        return values.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }

    private static Map<String, Object> copy(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "value name"), value));
        return Collections.unmodifiableMap(copy);
    }

    /** The CQL text. */
    public String query() {
        return query;
    }

    /** The positional values (empty when there are none or the values are named). */
    public List<Object> positionalValues() {
        return positionalValues;
    }

    /** The named values (empty when there are none or the values are positional). */
    public Map<String, Object> namedValues() {
        return namedValues;
    }

    /** Whether the values are named. */
    public boolean hasNamedValues() {
        return !namedValues.isEmpty();
    }

    /** A copy with another query string, same values and options. */
    public SimpleStatement withQuery(String newQuery) {
        return new SimpleStatement(newQuery, positionalValues, namedValues, options);
    }

    /** A copy with these positional values (replacing any values). */
    public SimpleStatement withPositionalValues(Object... values) {
        return new SimpleStatement(query, copy(Arrays.asList(values)), Map.of(), options);
    }

    /** A copy with these named values (replacing any values). */
    public SimpleStatement withNamedValues(Map<String, ?> values) {
        return new SimpleStatement(query, List.of(), copy(values), options);
    }

    @Override
    public StatementOptions options() {
        return options;
    }

    @Override
    public SimpleStatement withOptions(StatementOptions newOptions) {
        return new SimpleStatement(query, positionalValues, namedValues, newOptions);
    }

    @Override
    public String toString() {
        return "SimpleStatement[" + query + "]";
    }
}
