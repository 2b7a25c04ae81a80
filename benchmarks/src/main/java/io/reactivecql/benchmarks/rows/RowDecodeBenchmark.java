package io.reactivecql.benchmarks.rows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.reactivecql.api.result.Row;
import io.reactivecql.internal.codec.DefaultCodecRegistry;
import io.reactivecql.internal.result.DefaultResultPage;
import io.reactivecql.internal.result.RowShape;
import io.reactivecql.mapper.api.PartitionKey;
import io.reactivecql.mapper.api.Table;
import io.reactivecql.mapper.internal.MapperRowReader;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.EnvelopeCodec;
import io.reactivecql.protocol.MessageCodecRegistry;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.response.result.ColumnSpec;
import io.reactivecql.protocol.response.result.RowsMetadata;
import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.protocol.types.TypeCodecs;
import io.reactivecql.schema.api.ClusteringOrder;
import io.reactivecql.schema.api.ColumnKind;
import io.reactivecql.schema.api.ColumnMetadata;
import io.reactivecql.schema.api.KeyspaceMetadata;
import io.reactivecql.schema.api.Metadata;
import io.reactivecql.schema.api.TableMetadata;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Rows decoded into entities: a 5,000-row page of the driver's {@link Row}s turned into a
 * hand-written record through the typed getters, by index and by name, the work an application
 * does per row; and the same page read by driver-orm-reactive's mapper (its internal row reader,
 * bound against hand-built table metadata through {@link MapperRowReader}, as a repository binds
 * it against the session's). Per op: one page; divide by 5,000 for a row. Run with
 * {@code -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class RowDecodeBenchmark {

    private static final ByteBufAllocator ALLOC = PooledByteBufAllocator.DEFAULT;
    private static final int ROWS = 5_000;

    /** The entity: what an application keeps of a row. */
    public record User(UUID id, String name, int age, long score) {
    }

    /** The same entity for the mapper: its table, ks.users, is the page's. */
    @Table(keyspace = "ks", name = "users")
    public record UserEntity(@PartitionKey UUID id, String name, int age, long score) {
    }

    private final EnvelopeCodec codec = new EnvelopeCodec(MessageCodecRegistry.defaults());
    private ByteBuf rowsEnvelope;
    private RowsResult decoded;
    private RowShape shape;
    private MapperRowReader<UserEntity> mapper;

    @Setup(Level.Trial)
    public void setUp() {
        List<ColumnSpec> columns = List.of(
                new ColumnSpec("ks", "users", "id", PrimitiveType.UUID),
                new ColumnSpec("ks", "users", "name", PrimitiveType.VARCHAR),
                new ColumnSpec("ks", "users", "age", PrimitiveType.INT),
                new ColumnSpec("ks", "users", "score", PrimitiveType.BIGINT));
        List<List<ByteBuffer>> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            rows.add(List.of(TypeCodecs.UUID.encode(new UUID(i, i)), TypeCodecs.TEXT.encode("user-" + i),
                    TypeCodecs.INT.encode(i), TypeCodecs.BIGINT.encode(i * 31L)));
        }
        rowsEnvelope = codec.encode(Envelope.response(ProtocolVersion.V5, 17,
                RowsResult.of(RowsMetadata.of(columns), rows)), ALLOC);
        decoded = (RowsResult) codec.decode(rowsEnvelope.duplicate(), ALLOC).message();
        shape = RowShape.of(columns, DefaultCodecRegistry.DEFAULT);
        mapper = MapperRowReader.of(UserEntity.class, "ks", usersTable(), DefaultCodecRegistry.DEFAULT);
        List<String> names = columns.stream().map(ColumnSpec::name).toList();
        if (!mapper.columns().equals(names)) {
            throw new IllegalStateException("the mapper reads " + mapper.columns() + ", the page holds " + names);
        }
    }

    /** The schema metadata of ks.users as the session would read it from system_schema. */
    private static Metadata usersTable() {
        TableMetadata users = new TableMetadata("ks", "users", false, List.of(
                new ColumnMetadata("id", PrimitiveType.UUID, ColumnKind.PARTITION_KEY, 0, ClusteringOrder.NONE),
                new ColumnMetadata("age", PrimitiveType.INT, ColumnKind.REGULAR, -1, ClusteringOrder.NONE),
                new ColumnMetadata("name", PrimitiveType.VARCHAR, ColumnKind.REGULAR, -1, ClusteringOrder.NONE),
                new ColumnMetadata("score", PrimitiveType.BIGINT, ColumnKind.REGULAR, -1, ClusteringOrder.NONE)),
                Map.of(), Map.of());
        KeyspaceMetadata ks = new KeyspaceMetadata("ks", false, true,
                Map.of("class", "org.apache.cassandra.locator.SimpleStrategy", "replication_factor", "1"),
                Map.of("users", users), Map.of(), Map.of(), Map.of(), Map.of());
        return new Metadata(Map.of("ks", ks));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        rowsEnvelope.release();
    }

    private DefaultResultPage page(RowsResult rows) {
        return new DefaultResultPage(rows, shape, null, null, null, 1);
    }

    /** A decoded page's rows mapped to records with index getters. */
    @Benchmark
    public void rowsToRecordsByIndex(Blackhole bh) {
        DefaultResultPage page = page(decoded);
        for (int i = 0, n = page.rowCount(); i < n; i++) {
            Row row = page.row(i);
            bh.consume(new User(row.getUuid(0), row.getString(1), row.getInt(2), row.getLong(3)));
        }
    }

    /** The same with name getters (a lookup per cell). */
    @Benchmark
    public void rowsToRecordsByName(Blackhole bh) {
        DefaultResultPage page = page(decoded);
        for (int i = 0, n = page.rowCount(); i < n; i++) {
            Row row = page.row(i);
            bh.consume(new User(row.getUuid("id"), row.getString("name"), row.getInt("age"), row.getLong("score")));
        }
    }

    /** A decoded page's rows read into entities by the mapper's row reader. */
    @Benchmark
    public void rowsToEntitiesByMapper(Blackhole bh) {
        DefaultResultPage page = page(decoded);
        for (int i = 0, n = page.rowCount(); i < n; i++) {
            bh.consume(mapper.read(page.row(i)));
        }
    }

    /** From the envelope's bytes: decode the page, then read every row by the mapper. */
    @Benchmark
    public void decodePageAndMapEntities(Blackhole bh) {
        DefaultResultPage page = page((RowsResult) codec.decode(rowsEnvelope.duplicate(), ALLOC).message());
        for (int i = 0, n = page.rowCount(); i < n; i++) {
            bh.consume(mapper.read(page.row(i)));
        }
    }

    /** From the envelope's bytes: decode the page, then map every row by index (the whole client-side cost). */
    @Benchmark
    public void decodePageAndMapRecords(Blackhole bh) {
        DefaultResultPage page = page((RowsResult) codec.decode(rowsEnvelope.duplicate(), ALLOC).message());
        for (int i = 0, n = page.rowCount(); i < n; i++) {
            Row row = page.row(i);
            bh.consume(new User(row.getUuid(0), row.getString(1), row.getInt(2), row.getLong(3)));
        }
    }
}
