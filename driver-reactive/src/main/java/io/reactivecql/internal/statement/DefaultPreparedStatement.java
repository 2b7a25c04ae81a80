package io.reactivecql.internal.statement;

import io.reactivecql.api.codec.CodecRegistry;
import io.reactivecql.api.errors.InvalidBindingException;
import io.reactivecql.api.result.ColumnDefinitions;
import io.reactivecql.api.statement.BoundStatement;
import io.reactivecql.api.statement.BoundStatementBuilder;
import io.reactivecql.api.statement.PreparedStatement;
import io.reactivecql.api.statement.StatementOptions;
import io.reactivecql.internal.codec.ValueBinder;
import io.reactivecql.internal.result.RowShape;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.response.result.ColumnSpec;
import io.reactivecql.protocol.response.result.PreparedResult;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A prepared statement. Its id and bind markers are fixed; its result metadata (v5 result metadata
 * id and columns) is replaced atomically when a rows result says it changed or a re-prepare
 * returns new metadata, so executions always send the current id.
 */
public final class DefaultPreparedStatement implements PreparedStatement {

    /** The result metadata as last known: replaced whole, read without a lock. */
    private record ResultState(ByteBuffer metadataId, RowShape shape) {
    }

    private final String query;
    private final String keyspace;
    private final byte[] id;
    private final ByteBuffer idBuffer;
    private final RowShape variables;
    private final List<Integer> partitionKeyIndexes;
    private final CodecRegistry registry;
    private final StatementOptions defaultOptions;
    private volatile ResultState result;

    public DefaultPreparedStatement(String query, String keyspace, PreparedResult prepared, CodecRegistry registry,
                                    StatementOptions defaultOptions) {
        this.query = Objects.requireNonNull(query, "query");
        this.keyspace = keyspace;
        this.id = prepared.id();
        this.idBuffer = ByteBuffer.wrap(id).asReadOnlyBuffer();
        this.registry = registry;
        this.variables = RowShape.of(prepared.variables().variables(), registry);
        this.partitionKeyIndexes = prepared.variables().partitionKeyIndexes();
        this.defaultOptions = defaultOptions;
        this.result = state(prepared.resultMetadataId(), prepared.resultMetadata().hasColumns()
                ? prepared.resultMetadata().columns() : List.of());
    }

    private ResultState state(byte[] metadataId, List<ColumnSpec> columns) {
        return new ResultState(metadataId == null ? null : ByteBuffer.wrap(metadataId).asReadOnlyBuffer(),
                RowShape.reuse(result == null ? null : result.shape(), columns, registry));
    }

    @Override
    public String query() {
        return query;
    }

    @Override
    public String keyspace() {
        return keyspace;
    }

    @Override
    public ByteBuffer id() {
        return idBuffer.duplicate();
    }

    /**
     * The id itself, not a copy: read-only and shared, for the requests of the driver, whose codec
     * never moves its position. Saves a view per EXECUTE.
     */
    public ByteBuffer sharedId() {
        return idBuffer;
    }

    /** The current result metadata id itself (see {@link #sharedId()}), or null. */
    public ByteBuffer sharedResultMetadataId() {
        return result.metadataId();
    }

    /** Whether {@code candidate} is this statement's id. */
    public boolean hasId(byte[] candidate) {
        return Arrays.equals(id, candidate);
    }

    @Override
    public ByteBuffer resultMetadataId() {
        ByteBuffer metadataId = result.metadataId();
        return metadataId == null ? null : metadataId.duplicate();
    }

    @Override
    public ColumnDefinitions variableDefinitions() {
        return variables.definitions();
    }

    /** The bind markers with their codecs. */
    public RowShape variables() {
        return variables;
    }

    @Override
    public ColumnDefinitions resultDefinitions() {
        return result.shape().definitions();
    }

    /** The current result columns with their codecs (for rows sent without metadata). */
    public RowShape resultShape() {
        return result.shape();
    }

    /** Whether the result columns are known, so executions may ask the server to skip them. */
    public boolean hasResultColumns() {
        return result.shape().size() > 0;
    }

    @Override
    public List<Integer> partitionKeyIndexes() {
        return partitionKeyIndexes;
    }

    /** A rows result said the result metadata changed (v5 Metadata_changed): use its id and columns from now on. */
    public RowShape resultMetadataChanged(byte[] newMetadataId, List<ColumnSpec> columns) {
        ResultState next = state(newMetadataId, columns);
        result = next;
        return next.shape();
    }

    /** A re-prepare answered: take its result metadata (the id is the same, the columns may not be). */
    public void refresh(PreparedResult prepared) {
        if (!hasId(prepared.id())) {
            throw new IllegalStateException("re-preparing " + query + " returned another id: 0x"
                    + HexFormat.of().formatHex(prepared.id()) + " instead of 0x" + HexFormat.of().formatHex(id));
        }
        result = state(prepared.resultMetadataId(), prepared.resultMetadata().hasColumns()
                ? prepared.resultMetadata().columns() : List.of());
    }

    @Override
    public BoundStatement bind(Object... values) {
        int markers = variables.size();
        if (values.length > markers) {
            throw new InvalidBindingException(values.length + " values for " + markers + " bind markers in " + query);
        }
        ByteBuffer[] encoded = new ByteBuffer[markers];
        for (int i = 0; i < markers; i++) {
            encoded[i] = i < values.length ? encode(i, values[i]) : Primitives.UNSET;
        }
        return new DefaultBoundStatement(this, encoded, defaultOptions);
    }

    ByteBuffer encode(int index, Object value) {
        ColumnSpec marker = variables.specs().get(index);
        return ValueBinder.encode(registry, index, marker.name(), marker.type(), value);
    }

    @Override
    public BoundStatementBuilder boundStatementBuilder() {
        return new DefaultBoundStatementBuilder(this, defaultOptions);
    }

    @Override
    public String toString() {
        return "PreparedStatement[" + query + (keyspace == null ? "" : " in " + keyspace) + ", id=0x"
                + HexFormat.of().formatHex(id) + "]";
    }
}
