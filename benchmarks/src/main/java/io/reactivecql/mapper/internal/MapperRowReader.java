package io.reactivecql.mapper.internal;

import io.reactivecql.api.codec.CodecRegistry;
import io.reactivecql.api.result.Row;
import io.reactivecql.schema.api.Metadata;

import java.util.List;

/**
 * Benchmark access to the mapper's row reader ({@link EntityBinding#read(Row)}), which is internal:
 * this class sits in the mapper's package in the benchmarks module only, so that
 * {@code RowDecodeBenchmark} can bind an entity against hand-built table metadata, with no session
 * and no node. It builds the binding exactly as {@code DefaultReactiveMapper} does.
 *
 * @param <T> the entity
 */
public final class MapperRowReader<T> {

    private final EntityBinding<T> binding;
    private final List<String> columns;

    private MapperRowReader(EntityBinding<T> binding, List<String> columns) {
        this.binding = binding;
        this.columns = columns;
    }

    /** The row reader of {@code entity}, bound to its table in {@code metadata}. */
    public static <T> MapperRowReader<T> of(Class<T> entity, String keyspace, Metadata metadata,
                                            CodecRegistry registry) {
        ModelFactory models = new ModelFactory();
        TypeMapper types = new TypeMapper(registry, models::udt);
        EntityModel<T> model = models.entity(entity);
        List<String> columns = model.properties.stream().map(p -> p.column).toList();
        return new MapperRowReader<>(EntityBinding.bind(model, keyspace, metadata, types), columns);
    }

    /** The columns the reader expects, in order: the mapper's own SELECT lists them so. */
    public List<String> columns() {
        return columns;
    }

    /** The entity of {@code row} (whose columns are {@link #columns()}, in that order). */
    public T read(Row row) {
        return binding.read(row);
    }
}
