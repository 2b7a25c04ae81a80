package io.reactivecql.benchmarks.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.EnvelopeCodec;
import io.reactivecql.protocol.MessageCodecRegistry;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.Execute;
import io.reactivecql.protocol.request.QueryOptions;
import io.reactivecql.protocol.response.result.ColumnSpec;
import io.reactivecql.protocol.response.result.RowsMetadata;
import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.protocol.types.TypeCodecs;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The two codec paths that dominate a driver's CPU: encoding a prepared EXECUTE with 10 bound
 * values into a pooled buffer, and decoding a 5,000-row Rows page (then reading every cell as a
 * typed value). Run with {@code -prof gc} for allocation per operation; see docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class CodecBenchmark {

    private static final ByteBufAllocator ALLOC = PooledByteBufAllocator.DEFAULT;
    private static final int ROWS = 5_000;

    private final EnvelopeCodec codec = new EnvelopeCodec(MessageCodecRegistry.defaults());
    private Envelope execute;
    private ByteBuf rowsEnvelope;

    @Setup(Level.Trial)
    public void setUp() {
        List<ByteBuffer> values = new ArrayList<>();
        values.add(TypeCodecs.UUID.encode(UUID.randomUUID()));
        values.add(TypeCodecs.TEXT.encode("user name 42"));
        values.add(TypeCodecs.INT.encode(42));
        values.add(TypeCodecs.BIGINT.encode(1_700_000_000_000L));
        values.add(TypeCodecs.DOUBLE.encode(3.14));
        values.add(TypeCodecs.BOOLEAN.encode(true));
        values.add(TypeCodecs.TEXT.encode("a somewhat longer text value for the description column"));
        values.add(TypeCodecs.TIMESTAMP.encode(java.time.Instant.now()));
        values.add(TypeCodecs.FLOAT.encode(1.5f));
        values.add(TypeCodecs.BLOB.encode(ByteBuffer.wrap(new byte[32])));
        ByteBuffer id = ByteBuffer.wrap("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer metadataId = ByteBuffer.wrap("fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
        execute = Envelope.request(ProtocolVersion.V5, 17, new Execute(id, metadataId,
                QueryOptions.builder().consistency(ConsistencyLevel.LOCAL_QUORUM).values(values)
                        .skipMetadata(true).pageSize(5000).defaultTimestamp(1_700_000_000_000_000L).build()));

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
        RowsResult page = RowsResult.of(RowsMetadata.of(columns), rows);
        rowsEnvelope = codec.encode(Envelope.response(ProtocolVersion.V5, 17, page), ALLOC);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        rowsEnvelope.release();
    }

    /** EXECUTE with 10 values, encoded straight into a pooled direct buffer (as a connection does). */
    @Benchmark
    public int encodeExecute10Values() {
        ByteBuf out = ALLOC.directBuffer(512);
        try {
            codec.encode(execute, out, ALLOC);
            return out.readableBytes();
        } finally {
            out.release();
        }
    }

    /** A 5,000-row, 4-column Rows page decoded from its envelope (cells validated, not yet typed). */
    @Benchmark
    public RowsResult decodeRowsPage5000() {
        ByteBuf in = rowsEnvelope.duplicate();
        return (RowsResult) codec.decode(in, ALLOC).message();
    }

    /** The same page decoded and every cell read as its Java value, as an application would. */
    @Benchmark
    public void decodeRowsPage5000AndReadCells(Blackhole bh) {
        RowsResult rows = (RowsResult) codec.decode(rowsEnvelope.duplicate(), ALLOC).message();
        byte[] data = rows.data();
        for (int r = 0; r < rows.rowCount(); r++) {
            bh.consume(TypeCodecs.UUID.decode(data, rows.cellOffset(r, 0), rows.cellLength(r, 0)));
            bh.consume(TypeCodecs.TEXT.decode(data, rows.cellOffset(r, 1), rows.cellLength(r, 1)));
            bh.consume(TypeCodecs.INT.decodeInt(data, rows.cellOffset(r, 2), rows.cellLength(r, 2)));
            bh.consume(TypeCodecs.BIGINT.decodeLong(data, rows.cellOffset(r, 3), rows.cellLength(r, 3)));
        }
    }
}
