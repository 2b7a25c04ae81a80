package io.reactivecql.internal.control;

import io.reactivecql.api.metadata.AddressTranslator;
import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.metadata.NodeState;
import io.reactivecql.protocol.response.result.ColumnSpec;
import io.reactivecql.protocol.response.result.RowsResult;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads nodes out of {@code system.local}, {@code system.peers_v2} and {@code system.peers} rows,
 * by column name (absent columns read as null), decoding the few types those tables use.
 */
final class SystemRows {

    private final RowsResult rows;
    private final List<ColumnSpec> columns;

    SystemRows(RowsResult rows) {
        this.rows = rows;
        this.columns = rows.metadata().columns();
    }

    int size() {
        return rows.rowCount();
    }

    private ByteBuffer cell(int row, String name) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(name)) {
                return rows.isNull(row, c) ? null : rows.cell(row, c);
            }
        }
        return null;
    }

    String text(int row, String name) {
        ByteBuffer b = cell(row, name);
        return b == null ? null : StandardCharsets.UTF_8.decode(b.duplicate()).toString();
    }

    Integer integer(int row, String name) {
        ByteBuffer b = cell(row, name);
        return b == null || b.remaining() != 4 ? null : b.getInt(b.position());
    }

    UUID uuid(int row, String name) {
        ByteBuffer b = cell(row, name);
        return b == null || b.remaining() != 16 ? null
                : new UUID(b.getLong(b.position()), b.getLong(b.position() + 8));
    }

    InetAddress inet(int row, String name) {
        ByteBuffer b = cell(row, name);
        if (b == null) {
            return null;
        }
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        try {
            return InetAddress.getByAddress(bytes); // no lookup: literal bytes
        } catch (UnknownHostException e) {
            return null;
        }
    }

    Set<String> textSet(int row, String name) {
        ByteBuffer b = cell(row, name);
        if (b == null) {
            return Set.of();
        }
        ByteBuffer in = b.duplicate();
        int n = in.getInt();
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            int len = in.getInt();
            ByteBuffer slice = in.slice();
            slice.limit(len);
            out.add(StandardCharsets.UTF_8.decode(slice).toString());
            in.position(in.position() + len);
        }
        return out;
    }

    /** The control node itself: reachable at {@code connected}, where we are connected. */
    Node local(InetSocketAddress connected) {
        return new Node(connected, uuid(0, "host_id"), text(0, "data_center"), text(0, "rack"),
                text(0, "release_version"), textSet(0, "tokens"), NodeState.UNKNOWN);
    }

    /**
     * The peers, translated; rows without an address are skipped. {@code peers_v2} has
     * {@code native_address}/{@code native_port}; {@code peers} only {@code rpc_address} (the port is
     * then {@code defaultPort}, the control connection's).
     */
    List<Node> peers(AddressTranslator translator, int defaultPort) {
        List<Node> out = new ArrayList<>(size());
        for (int r = 0; r < size(); r++) {
            InetAddress address = inet(r, "native_address");
            Integer port = integer(r, "native_port");
            if (address == null) {
                address = inet(r, "rpc_address");
            }
            if (address == null || address.isAnyLocalAddress()) {
                address = inet(r, "peer"); // rpc_address 0.0.0.0: fall back to the listen address
            }
            if (address == null) {
                continue;
            }
            InetSocketAddress endpoint = translator.translate(
                    new InetSocketAddress(address, port != null ? port : defaultPort));
            out.add(new Node(endpoint, uuid(r, "host_id"), text(r, "data_center"), text(r, "rack"),
                    text(r, "release_version"), textSet(r, "tokens"), NodeState.UNKNOWN));
        }
        return out;
    }
}
