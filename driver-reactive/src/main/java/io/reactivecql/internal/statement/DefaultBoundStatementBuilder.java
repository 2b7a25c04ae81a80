package io.reactivecql.internal.statement;

import io.reactivecql.api.errors.InvalidBindingException;
import io.reactivecql.api.result.ColumnDefinitions;
import io.reactivecql.api.statement.BoundStatement;
import io.reactivecql.api.statement.BoundStatementBuilder;
import io.reactivecql.api.statement.StatementOptions;
import io.reactivecql.protocol.Primitives;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/** Sets bound values one at a time; each value is encoded (and checked) when set. */
final class DefaultBoundStatementBuilder implements BoundStatementBuilder {

    private final DefaultPreparedStatement prepared;
    private final ByteBuffer[] values;
    private StatementOptions options;

    DefaultBoundStatementBuilder(DefaultPreparedStatement prepared, StatementOptions options) {
        this.prepared = prepared;
        this.values = new ByteBuffer[prepared.variables().size()];
        Arrays.fill(values, Primitives.UNSET);
        this.options = options;
    }

    @Override
    public BoundStatementBuilder set(int index, Object value) {
        checkIndex(index);
        values[index] = prepared.encode(index, value);
        return this;
    }

    @Override
    public BoundStatementBuilder set(String name, Object value) {
        boolean found = false;
        for (int i : indexesOf(name)) {
            values[i] = prepared.encode(i, value);
            found = true;
        }
        if (!found) {
            throw unknown(name);
        }
        return this;
    }

    @Override
    public BoundStatementBuilder unset(int index) {
        checkIndex(index);
        values[index] = Primitives.UNSET;
        return this;
    }

    @Override
    public BoundStatementBuilder unset(String name) {
        boolean found = false;
        for (int i : indexesOf(name)) {
            values[i] = Primitives.UNSET;
            found = true;
        }
        if (!found) {
            throw unknown(name);
        }
        return this;
    }

    @Override
    public BoundStatementBuilder withOptions(StatementOptions newOptions) {
        this.options = Objects.requireNonNull(newOptions, "options");
        return this;
    }

    @Override
    public BoundStatement build() {
        return new DefaultBoundStatement(prepared, values.clone(), options);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= values.length) {
            throw new InvalidBindingException("no bind marker " + index + ": " + prepared.query() + " has "
                    + values.length);
        }
    }

    /** Every marker with this name (CQL identifier rules): a name may appear more than once. */
    private int[] indexesOf(String name) {
        ColumnDefinitions markers = prepared.variableDefinitions();
        int length = name.length();
        boolean quoted = length >= 2 && name.charAt(0) == '"' && name.charAt(length - 1) == '"';
        String wanted = quoted ? name.substring(1, length - 1).replace("\"\"", "\"") : name.toLowerCase(Locale.ROOT);
        int[] found = new int[markers.size()];
        int n = 0;
        for (int i = 0; i < markers.size(); i++) {
            String marker = markers.get(i).name();
            if (quoted ? marker.equals(wanted) : marker.toLowerCase(Locale.ROOT).equals(wanted)) {
                found[n++] = i;
            }
        }
        return Arrays.copyOf(found, n);
    }

    private InvalidBindingException unknown(String name) {
        return new InvalidBindingException("no bind marker named " + name + " in " + prepared.query());
    }
}
