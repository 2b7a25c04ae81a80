package io.reactivecql.internal.result;

import io.reactivecql.api.codec.CodecRegistry;
import io.reactivecql.api.result.ColumnDefinitions;
import io.reactivecql.protocol.response.result.ColumnSpec;
import io.reactivecql.protocol.types.TypeCodec;

import java.util.List;

/**
 * The columns of a result and the default codec of each: computed once per result metadata (per
 * prepared statement, or reused across the pages of a query) and shared by every row.
 */
public final class RowShape {

    /** No columns. */
    public static final RowShape EMPTY = new RowShape(List.of(), null);

    private final List<ColumnSpec> specs;
    private final ColumnDefinitions definitions;
    private final TypeCodec<?>[] codecs;
    private final CodecRegistry registry;

    private RowShape(List<ColumnSpec> specs, CodecRegistry registry) {
        this.specs = specs;
        this.definitions = ColumnDefinitions.fromSpecs(specs);
        this.registry = registry;
        this.codecs = new TypeCodec<?>[specs.size()];
        for (int i = 0; i < codecs.length; i++) {
            codecs[i] = registry.codecFor(specs.get(i).type());
        }
    }

    /** The shape of these columns. */
    public static RowShape of(List<ColumnSpec> specs, CodecRegistry registry) {
        return specs.isEmpty() ? EMPTY : new RowShape(List.copyOf(specs), registry);
    }

    /** {@code previous} when it has exactly these columns (the next page of a query), else a new shape. */
    public static RowShape reuse(RowShape previous, List<ColumnSpec> specs, CodecRegistry registry) {
        if (previous != null && previous.specs.equals(specs)) {
            return previous;
        }
        return of(specs, registry);
    }

    public List<ColumnSpec> specs() {
        return specs;
    }

    public ColumnDefinitions definitions() {
        return definitions;
    }

    /** The number of columns. */
    public int size() {
        return codecs.length;
    }

    TypeCodec<?> codec(int column) {
        return codecs[column];
    }

    CodecRegistry registry() {
        return registry;
    }
}
