package io.reactivecql.internal.statement;

import io.reactivecql.api.statement.BoundStatement;
import io.reactivecql.api.statement.StatementOptions;
import io.reactivecql.protocol.Primitives;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** A prepared statement and its encoded values. Immutable (the array is never exposed or changed). */
public final class DefaultBoundStatement implements BoundStatement {

    private final DefaultPreparedStatement prepared;
    private final ByteBuffer[] values;
    private final List<ByteBuffer> valueList;
    private final StatementOptions options;

    DefaultBoundStatement(DefaultPreparedStatement prepared, ByteBuffer[] values, StatementOptions options) {
        this.prepared = prepared;
        this.values = values;
        this.valueList = Collections.unmodifiableList(Arrays.asList(values));
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public DefaultPreparedStatement preparedStatement() {
        return prepared;
    }

    @Override
    public List<ByteBuffer> values() {
        return valueList;
    }

    @Override
    public boolean isSet(int index) {
        return values[Objects.checkIndex(index, values.length)] != Primitives.UNSET;
    }

    @Override
    public StatementOptions options() {
        return options;
    }

    @Override
    public BoundStatement withOptions(StatementOptions newOptions) {
        return new DefaultBoundStatement(prepared, values, newOptions);
    }

    @Override
    public String toString() {
        return "BoundStatement[" + prepared.query() + "]";
    }
}
