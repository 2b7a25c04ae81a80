package io.reactivecql.stub;

import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.Batch;
import io.reactivecql.protocol.request.BatchStatement;
import io.reactivecql.protocol.request.Execute;
import io.reactivecql.protocol.request.Prepare;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.response.error.Invalid;
import io.reactivecql.protocol.response.error.Unprepared;
import io.reactivecql.protocol.response.result.ColumnSpec;
import io.reactivecql.protocol.response.result.PreparedMetadata;
import io.reactivecql.protocol.response.result.PreparedResult;
import io.reactivecql.protocol.response.result.RowsMetadata;
import io.reactivecql.protocol.types.PrimitiveType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a node answers to a statement nothing was primed for: {@code USE}, the built-in system
 * tables, PREPARE (always succeeds, taking its metadata from the statement's prime), Unprepared for
 * ids it does not know, and otherwise an Invalid error naming the statement.
 */
final class StatementDefaults {

    private final NodeContext node;

    StatementDefaults(NodeContext node) {
        this.node = node;
    }

    Reply answer(StubConnection connection, ReceivedRequest request) {
        switch (request.kind()) {
            case QUERY:
                return statement(connection, request, request.cql());
            case EXECUTE: {
                Execute execute = (Execute) request.request();
                if (node.prepared.get(execute.id()) == null) {
                    return Reply.error(unprepared(execute.id()));
                }
                return statement(connection, request, request.cql());
            }
            case PREPARE:
                return Reply.response(prepare(request));
            case BATCH:
                return batch((Batch) request.request());
            default:
                throw new IllegalArgumentException("not a statement: " + request.kind());
        }
    }

    private Reply statement(StubConnection connection, ReceivedRequest request, String cql) {
        String keyspace = Cql.useKeyspace(cql);
        if (keyspace != null) {
            connection.keyspace = keyspace;
            return Reply.setKeyspace(keyspace);
        }
        Reply system = SystemTables.answer(node, request, cql);
        if (system != null) {
            return system;
        }
        return Reply.error(new Invalid("no prime for " + request.kind() + " '" + cql + "' on stub node "
                + node.local.address()));
    }

    private Reply batch(Batch batch) {
        for (BatchStatement statement : batch.statements()) {
            if (statement.isPrepared() && node.prepared.get(statement.preparedId()) == null) {
                return Reply.error(unprepared(statement.preparedId()));
            }
        }
        return Reply.error(new Invalid("no prime for BATCH of " + batch.statements().size() + " statements on stub node "
                + node.local.address()));
    }

    /**
     * Prepares {@code request}'s statement: its bind markers and result columns come from the
     * prime that would answer a QUERY of the same text (or the system table it reads).
     */
    private PreparedResult prepare(ReceivedRequest request) {
        Prepare prepare = (Prepare) request.request();
        String cql = prepare.query();
        ReceivedRequest asQuery = new ReceivedRequest(request.connectionId(), request.client(), request.version(),
                request.streamId(), RequestKind.QUERY, new Query(cql), cql, false, request.receivedAtNanos());
        Prime prime = node.script.peek(asQuery);

        List<ColumnSpec> variables = prime != null && prime.bindMarkers() != null ? prime.bindMarkers() : inferMarkers(cql);
        List<Integer> partitionKey = prime != null && prime.bindMarkers() != null ? prime.partitionKey() : List.of();
        List<ColumnSpec> resultColumns = List.of();
        if (prime != null && prime.reply().rows() != null) {
            resultColumns = prime.reply().rows().columns();
        } else if (prime == null || prime.reply().source() == Reply.Source.STANDARD) {
            List<ColumnSpec> system = SystemTables.columns(node, cql);
            resultColumns = system == null ? List.of() : system;
        }

        byte[] id = PreparedStatements.idOf(prepare.keyspace(), cql);
        node.prepared.put(new PreparedStatements.Statement(id, prepare.keyspace(), cql, resultColumns));
        RowsMetadata resultMetadata = resultColumns.isEmpty() ? RowsMetadata.EMPTY : RowsMetadata.of(resultColumns);
        byte[] metadataId = request.version() == ProtocolVersion.V5 ? PreparedStatements.metadataIdOf(resultColumns) : null;
        return new PreparedResult(id, metadataId, new PreparedMetadata(variables, partitionKey), resultMetadata);
    }

    /** One blob marker per {@code ?} (named p0, p1, ...) or {@code :name}. */
    private static List<ColumnSpec> inferMarkers(String cql) {
        List<String> names = Cql.bindMarkers(cql);
        List<ColumnSpec> markers = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "p" + i : names.get(i);
            markers.add(new ColumnSpec("stub", "stub", name, PrimitiveType.BLOB));
        }
        return markers;
    }

    /** Cassandra's error for an id it does not know. */
    static Unprepared unprepared(ByteBuffer id) {
        byte[] bytes = new byte[id.remaining()];
        id.duplicate().get(bytes);
        return new Unprepared("Prepared query with ID " + HexFormat.of().formatHex(bytes) + " not found (either the "
                + "query was not prepared on this host (maybe the host has been restarted?) or you have prepared too "
                + "many queries and it has been evicted from the internal cache)", bytes);
    }
}
