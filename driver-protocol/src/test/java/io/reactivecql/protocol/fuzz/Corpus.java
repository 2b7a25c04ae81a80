package io.reactivecql.protocol.fuzz;

import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.Message;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.AuthResponse;
import io.reactivecql.protocol.request.Batch;
import io.reactivecql.protocol.request.BatchType;
import io.reactivecql.protocol.request.Execute;
import io.reactivecql.protocol.request.Options;
import io.reactivecql.protocol.request.Prepare;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.request.QueryOptions;
import io.reactivecql.protocol.request.Register;
import io.reactivecql.protocol.request.Startup;
import io.reactivecql.protocol.response.AuthChallenge;
import io.reactivecql.protocol.response.AuthSuccess;
import io.reactivecql.protocol.response.Authenticate;
import io.reactivecql.protocol.response.Ready;
import io.reactivecql.protocol.response.Supported;
import io.reactivecql.protocol.response.error.AlreadyExists;
import io.reactivecql.protocol.response.error.CasWriteUnknown;
import io.reactivecql.protocol.response.error.FunctionFailure;
import io.reactivecql.protocol.response.error.Invalid;
import io.reactivecql.protocol.response.error.ReadFailure;
import io.reactivecql.protocol.response.error.ReadTimeout;
import io.reactivecql.protocol.response.error.ServerError;
import io.reactivecql.protocol.response.error.Unavailable;
import io.reactivecql.protocol.response.error.Unprepared;
import io.reactivecql.protocol.response.error.WriteFailure;
import io.reactivecql.protocol.response.error.WriteTimeout;
import io.reactivecql.protocol.response.error.WriteType;
import io.reactivecql.protocol.response.event.SchemaChange;
import io.reactivecql.protocol.response.event.SchemaChangeEvent;
import io.reactivecql.protocol.response.event.StatusChangeEvent;
import io.reactivecql.protocol.response.event.TopologyChangeEvent;
import io.reactivecql.protocol.response.result.ColumnSpec;
import io.reactivecql.protocol.response.result.PreparedMetadata;
import io.reactivecql.protocol.response.result.PreparedResult;
import io.reactivecql.protocol.response.result.RowsMetadata;
import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.protocol.response.result.SchemaChangeResult;
import io.reactivecql.protocol.response.result.SetKeyspaceResult;
import io.reactivecql.protocol.response.result.VoidResult;
import io.reactivecql.protocol.types.ListType;
import io.reactivecql.protocol.types.MapType;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.protocol.types.TupleType;
import io.reactivecql.protocol.types.UserDefinedType;
import io.reactivecql.protocol.types.VectorType;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Valid instances of every request and response message, the seeds the fuzzer mutates. */
final class Corpus {

    private Corpus() {
    }

    static List<Message> messages(ProtocolVersion version) {
        boolean v5 = version == ProtocolVersion.V5;
        List<Message> all = new ArrayList<>();
        ByteBuffer id = bytes("prepared-id-16b!");
        ByteBuffer metadataId = bytes("result-meta-id!!");

        // requests
        all.add(Startup.of("lz4"));
        all.add(new AuthResponse(bytes("\0cassandra\0cassandra")));
        all.add(Options.INSTANCE);
        all.add(new Query("SELECT * FROM ks.t WHERE k = ?", QueryOptions.builder()
                .consistency(ConsistencyLevel.LOCAL_QUORUM).values(bytes("k1"), null)
                .pageSize(100).pagingState(bytes("state")).serialConsistency(ConsistencyLevel.LOCAL_SERIAL)
                .defaultTimestamp(1_700_000_000_000_000L).build()));
        QueryOptions.Builder named = QueryOptions.builder().namedValues(List.of("a", "b"), List.of(bytes("1"), bytes("2")))
                .skipMetadata(true);
        if (v5) {
            named.keyspace("ks").nowInSeconds(1234);
        }
        all.add(new Query("INSERT INTO t (a, b) VALUES (:a, :b)", named.build()));
        all.add(v5 ? new Prepare("SELECT 1", "ks") : new Prepare("SELECT 1"));
        all.add(v5 ? new Execute(id, metadataId, QueryOptions.of(ConsistencyLevel.ONE, bytes("v")))
                : new Execute(id, QueryOptions.of(ConsistencyLevel.ONE, bytes("v"))));
        Batch.Builder batch = Batch.builder(BatchType.UNLOGGED).addQuery("INSERT INTO t (k) VALUES (?)", bytes("x"))
                .addPrepared(id, bytes("y"), bytes("z")).consistency(ConsistencyLevel.QUORUM)
                .serialConsistency(ConsistencyLevel.SERIAL).defaultTimestamp(42);
        if (v5) {
            batch.keyspace("ks").nowInSeconds(7);
        }
        all.add(batch.build());
        all.add(Register.all());

        // simple responses
        all.add(Ready.INSTANCE);
        all.add(new Authenticate("org.apache.cassandra.auth.PasswordAuthenticator"));
        all.add(new Supported(Map.of("CQL_VERSION", List.of("3.4.7"), "COMPRESSION", List.of("lz4", "snappy"))));
        all.add(new AuthChallenge(bytes("challenge")));
        all.add(new AuthSuccess(null));

        // errors
        InetAddress node = InetAddress.getLoopbackAddress();
        all.add(new ServerError("boom"));
        all.add(new Invalid("bad query"));
        all.add(new Unavailable("not enough replicas", ConsistencyLevel.ALL, 3, 2));
        all.add(new WriteTimeout("timeout", ConsistencyLevel.QUORUM, 1, 2, WriteType.BATCH_LOG));
        all.add(new ReadTimeout("timeout", ConsistencyLevel.ONE, 0, 1, true));
        all.add(v5 ? ReadFailure.withReasons("failure", ConsistencyLevel.ONE, 0, 1, Map.of(node, 1), false)
                : ReadFailure.withCount("failure", ConsistencyLevel.ONE, 0, 1, 1, false));
        all.add(v5 ? WriteFailure.withReasons("failure", ConsistencyLevel.TWO, 1, 2, Map.of(node, 2), WriteType.SIMPLE)
                : WriteFailure.withCount("failure", ConsistencyLevel.TWO, 1, 2, 1, WriteType.SIMPLE));
        all.add(new FunctionFailure("udf failed", "ks", "f", List.of("int", "text")));
        all.add(new CasWriteUnknown("unknown", ConsistencyLevel.SERIAL, 1, 2));
        all.add(new AlreadyExists("exists", "ks", "t"));
        all.add(new Unprepared("unprepared", "prepared-id-16b!".getBytes(StandardCharsets.UTF_8)));

        // results
        List<ColumnSpec> columns = List.of(
                new ColumnSpec("ks", "t", "k", PrimitiveType.VARCHAR),
                new ColumnSpec("ks", "t", "tags", new ListType(PrimitiveType.INT, false)),
                new ColumnSpec("ks", "t", "attrs", new MapType(PrimitiveType.VARCHAR, PrimitiveType.BIGINT, true)),
                new ColumnSpec("ks", "t", "point", new TupleType(List.of(PrimitiveType.DOUBLE, PrimitiveType.DOUBLE))),
                new ColumnSpec("ks", "t", "addr", new UserDefinedType("ks", "address", List.of("street", "zip"),
                        List.of(PrimitiveType.VARCHAR, PrimitiveType.INT), true)),
                new ColumnSpec("ks", "t", "embedding", new VectorType(PrimitiveType.FLOAT, 3)));
        List<List<ByteBuffer>> rows = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            rows.add(java.util.Arrays.asList(bytes("key" + r), bytes("list"), null, bytes("tuple"), bytes("udt"),
                    ByteBuffer.allocate(12)));
        }
        all.add(VoidResult.INSTANCE);
        all.add(RowsResult.of(RowsMetadata.of(columns, bytes("paging")), rows));
        all.add(RowsResult.of(RowsMetadata.noMetadata(6, null), rows));
        all.add(new SetKeyspaceResult("ks"));
        all.add(new PreparedResult("prepared-id-16b!".getBytes(StandardCharsets.UTF_8),
                v5 ? "result-meta-id!!".getBytes(StandardCharsets.UTF_8) : null,
                new PreparedMetadata(columns.subList(0, 2), List.of(0)), RowsMetadata.of(columns)));
        all.add(new SchemaChangeResult(SchemaChange.table(SchemaChange.ChangeType.CREATED, "ks", "t")));

        // events
        InetSocketAddress address = new InetSocketAddress(node, 9042);
        all.add(new TopologyChangeEvent(TopologyChangeEvent.Change.NEW_NODE, address));
        all.add(new StatusChangeEvent(StatusChangeEvent.Status.DOWN, address));
        all.add(new SchemaChangeEvent(SchemaChange.function(SchemaChange.ChangeType.DROPPED, "ks", "f",
                List.of("int"))));
        return all;
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }
}
