package io.reactivecql.internal.request;

import io.reactivecql.internal.connection.CqlTransport;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.response.result.ColumnSpec;
import io.reactivecql.protocol.response.result.RowsResult;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Waits, after a schema-altering statement, until {@code system.local} and {@code system.peers}
 * report one schema version. Read on the connection that carried the DDL: its node has applied the
 * change, so agreement there means every live peer has too; another node may not know the new
 * version yet while its {@code system.peers} still shows the coordinator's old one, which looks like
 * agreement on the old version. Peers the session knows to be down are left out (they cannot
 * agree until they come back), as are peers without a version.
 */
final class SchemaAgreementCheck {

    static final String LOCAL = "SELECT schema_version FROM system.local WHERE key = 'local'";
    static final String PEERS = "SELECT host_id, schema_version FROM system.peers";

    private SchemaAgreementCheck() {
    }

    /**
     * Emits true once one version is reported, false when {@code timeout} passes first (or is
     * zero), or when the connection closes; never fails.
     *
     * @param downHostIds the host ids of the nodes the session knows to be down, read at each check
     */
    static Mono<Boolean> await(CqlTransport connection, Duration timeout, Duration interval,
                               Supplier<Set<UUID>> downHostIds) {
        if (timeout.isZero()) {
            return Mono.just(false);
        }
        Mono<Boolean> check = Mono.defer(() -> Mono.zip(rows(connection, LOCAL), rows(connection, PEERS)))
                .flatMap(t -> agreed(t.getT1(), t.getT2(), downHostIds.get()) ? Mono.just(true) : Mono.<Boolean>empty())
                .onErrorResume(e -> connection.isClosed() ? Mono.just(false) : Mono.empty());
        return check.repeatWhenEmpty(ticks -> ticks.delayElements(interval))
                .timeout(timeout, Mono.just(false));
    }

    /** Whether the local version and the versions of the live peers are one and the same. */
    static boolean agreed(RowsResult local, RowsResult peers, Set<UUID> down) {
        Set<UUID> versions = new HashSet<>();
        int localVersion = column(local, "schema_version");
        for (int r = 0; r < local.rowCount(); r++) {
            UUID v = uuid(local, r, localVersion);
            if (v != null) {
                versions.add(v);
            }
        }
        int hostId = column(peers, "host_id");
        int peerVersion = column(peers, "schema_version");
        for (int r = 0; r < peers.rowCount(); r++) {
            UUID host = uuid(peers, r, hostId);
            UUID v = uuid(peers, r, peerVersion);
            if (v != null && (host == null || !down.contains(host))) {
                versions.add(v);
            }
        }
        return versions.size() == 1;
    }

    private static Mono<RowsResult> rows(CqlTransport connection, String cql) {
        return connection.send(new Query(cql)).map(SchemaAgreementCheck::rowsOf);
    }

    private static RowsResult rowsOf(Envelope envelope) {
        if (envelope.message() instanceof RowsResult rows) {
            return rows;
        }
        throw new IllegalStateException("schema version query answered with " + envelope.message());
    }

    private static int column(RowsResult rows, String name) {
        List<ColumnSpec> columns = rows.metadata().columns();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(name)) {
                return c;
            }
        }
        return -1;
    }

    private static UUID uuid(RowsResult rows, int row, int column) {
        if (column < 0 || rows.isNull(row, column)) {
            return null;
        }
        ByteBuffer b = rows.cell(row, column);
        if (b.remaining() != 16) {
            return null;
        }
        return new UUID(b.getLong(b.position()), b.getLong(b.position() + 8));
    }
}
