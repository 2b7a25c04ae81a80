package io.reactivecql.stub;

import io.reactivecql.protocol.response.error.Invalid;
import io.reactivecql.protocol.response.result.ColumnSpec;
import io.reactivecql.protocol.types.DataType;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.protocol.types.SetType;
import io.reactivecql.protocol.types.TypeCodecs;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in answers to {@code SELECT ... FROM system.local / system.peers / system.peers_v2},
 * enough for a driver's control connection: the node's identity from its {@link NodeInfo}, one
 * peer row per other node. Select lists are projected (with {@code AS} aliases); of WHERE clauses
 * only {@code peer = <ip literal or bind marker>} filters, the rest is ignored.
 * {@code system_schema.*} answers with no rows, so that schema metadata loads (empty).
 */
final class SystemTables {

    private static final Pattern SELECT = Pattern.compile(
            "(?is)^\\s*SELECT\\s+(.+?)\\s+FROM\\s+(\"?\\w+\"?)\\s*\\.\\s*(\"?\\w+\"?)(?:\\s+WHERE\\s+(.+?))?\\s*;?\\s*$");
    private static final Pattern SELECTOR = Pattern.compile("(?i)^(\"[^\"]+\"|\\w+)(?:\\s+AS\\s+(\"[^\"]+\"|\\w+))?$");
    private static final Pattern PEER_FILTER = Pattern.compile("(?i)\\bpeer\\s*=\\s*(?:'([0-9a-fA-F.:]+)'|(\\?|:\\w+))");
    private static final DataType TOKENS = new SetType(PrimitiveType.VARCHAR, false);
    private static final int STORAGE_PORT = 7000;
    private static final int GOSSIP_GENERATION = 1_700_000_000;
    static final String CQL_VERSION = "3.4.7";

    private record Table(String name, List<ColumnSpec> columns, List<List<Object>> rows) {
    }

    private SystemTables() {
    }

    /** The answer to a SELECT from a built-in table, or null when {@code cql} is none. */
    static Reply answer(NodeContext node, ReceivedRequest request, String cql) {
        Matcher select = SELECT.matcher(cql);
        if (!select.matches()) {
            return null;
        }
        String keyspace = Cql.identifier(select.group(2));
        String tableName = Cql.identifier(select.group(3));
        if (keyspace.equals("system_schema")) {
            return Reply.rows(Rows.empty());
        }
        if (!keyspace.equals("system")) {
            return null;
        }
        if (tableName.equals("peers_v2") && !node.config.peersV2()) {
            return Reply.error(new Invalid("unconfigured table peers_v2"));
        }
        Table table = table(node, tableName);
        if (table == null) {
            return null;
        }
        List<List<Object>> rows = table.rows();
        String where = select.group(4);
        if (where != null && !tableName.equals("local")) {
            rows = filterPeer(rows, cql, select.start(4), where, request);
        }
        return project(table, select.group(1), rows);
    }

    /** The result columns of a SELECT from a built-in table (for PREPARE), or null. */
    static List<ColumnSpec> columns(NodeContext node, String cql) {
        Matcher select = SELECT.matcher(cql);
        if (!select.matches() || !Cql.identifier(select.group(2)).equals("system")) {
            return null;
        }
        Table table = table(node, Cql.identifier(select.group(3)));
        if (table == null) {
            return null;
        }
        Reply projected = project(table, select.group(1), List.of());
        return projected.rows() == null ? null : projected.rows().columns();
    }

    private static Table table(NodeContext node, String name) {
        switch (name) {
            case "local":
                return local(node.local);
            case "peers":
                return peers(node.peers, false);
            case "peers_v2":
                return node.config.peersV2() ? peers(node.peers, true) : null;
            default:
                return null;
        }
    }

    private static Table local(NodeInfo n) {
        InetAddress ip = n.address().getAddress();
        Columns c = new Columns("local")
                .add("key", PrimitiveType.VARCHAR, "local")
                .add("bootstrapped", PrimitiveType.VARCHAR, "COMPLETED")
                .add("broadcast_address", PrimitiveType.INET, ip)
                .add("broadcast_port", PrimitiveType.INT, STORAGE_PORT)
                .add("cluster_name", PrimitiveType.VARCHAR, n.clusterName())
                .add("cql_version", PrimitiveType.VARCHAR, CQL_VERSION)
                .add("data_center", PrimitiveType.VARCHAR, n.dataCenter())
                .add("gossip_generation", PrimitiveType.INT, GOSSIP_GENERATION)
                .add("host_id", PrimitiveType.UUID, n.hostId())
                .add("listen_address", PrimitiveType.INET, ip)
                .add("listen_port", PrimitiveType.INT, STORAGE_PORT)
                .add("native_protocol_version", PrimitiveType.VARCHAR, "5")
                .add("partitioner", PrimitiveType.VARCHAR, n.partitioner())
                .add("rack", PrimitiveType.VARCHAR, n.rack())
                .add("release_version", PrimitiveType.VARCHAR, n.releaseVersion())
                .add("rpc_address", PrimitiveType.INET, ip)
                .add("rpc_port", PrimitiveType.INT, n.address().getPort())
                .add("schema_version", PrimitiveType.UUID, n.schemaVersion())
                .add("tokens", TOKENS, new LinkedHashSet<>(n.tokens()));
        return new Table("local", c.specs, List.of(c.values));
    }

    private static Table peers(List<NodeInfo> peers, boolean v2) {
        String name = v2 ? "peers_v2" : "peers";
        List<ColumnSpec> specs = null;
        List<List<Object>> rows = new ArrayList<>();
        for (NodeInfo n : peers) {
            InetAddress ip = n.address().getAddress();
            Columns c = new Columns(name).add("peer", PrimitiveType.INET, ip);
            if (v2) {
                c.add("peer_port", PrimitiveType.INT, STORAGE_PORT);
            }
            c.add("data_center", PrimitiveType.VARCHAR, n.dataCenter())
                    .add("host_id", PrimitiveType.UUID, n.hostId());
            if (v2) {
                c.add("native_address", PrimitiveType.INET, ip)
                        .add("native_port", PrimitiveType.INT, n.address().getPort());
            }
            c.add("preferred_ip", PrimitiveType.INET, null);
            if (v2) {
                c.add("preferred_port", PrimitiveType.INT, null);
            }
            c.add("rack", PrimitiveType.VARCHAR, n.rack())
                    .add("release_version", PrimitiveType.VARCHAR, n.releaseVersion());
            if (!v2) {
                c.add("rpc_address", PrimitiveType.INET, ip);
            }
            c.add("schema_version", PrimitiveType.UUID, n.schemaVersion())
                    .add("tokens", TOKENS, new LinkedHashSet<>(n.tokens()));
            specs = c.specs;
            rows.add(c.values);
        }
        if (specs == null) {
            // no peers: the columns of a row describing anyone
            specs = peers(List.of(NodeInfo.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))), v2).columns();
        }
        return new Table(name, specs, rows);
    }

    /** Keeps the rows whose peer column equals the address the WHERE clause names (or binds). */
    private static List<List<Object>> filterPeer(List<List<Object>> rows, String cql, int whereStart, String where,
                                                 ReceivedRequest request) {
        Matcher filter = PEER_FILTER.matcher(where);
        if (!filter.find()) {
            return rows;
        }
        InetAddress wanted;
        if (filter.group(1) != null) {
            wanted = parseIp(filter.group(1));
        } else {
            ByteBuffer bound = boundValue(request, cql.substring(0, whereStart + filter.start(2)), filter.group(2));
            wanted = bound == null ? null : TypeCodecs.INET.decode(bound);
        }
        List<List<Object>> kept = new ArrayList<>();
        for (List<Object> row : rows) {
            if (Objects.equals(row.get(0), wanted)) {
                kept.add(row);
            }
        }
        return kept;
    }

    private static InetAddress parseIp(String literal) {
        try {
            return InetAddress.getByName(literal); // the pattern admits IP literals only: no lookup
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    /** The value bound to the marker that follows {@code before}: by name, or by position. */
    private static ByteBuffer boundValue(ReceivedRequest request, String before, String marker) {
        List<ByteBuffer> values = request.values();
        List<String> names = request.options() == null ? List.of() : request.options().names();
        if (marker.startsWith(":") && !names.isEmpty()) {
            int index = names.indexOf(marker.substring(1));
            return index < 0 ? null : values.get(index);
        }
        int index = Cql.bindMarkers(before).size();
        return index < values.size() ? values.get(index) : null;
    }

    /** The selected columns of {@code rows} (a Reply with Rows), or an Invalid error reply. */
    private static Reply project(Table table, String selectList, List<List<Object>> rows) {
        Rows.Builder out = Rows.builder();
        List<Integer> indexes = new ArrayList<>();
        if (selectList.strip().equals("*")) {
            for (int i = 0; i < table.columns().size(); i++) {
                out.column(table.columns().get(i));
                indexes.add(i);
            }
        } else {
            for (String item : selectList.split(",")) {
                Matcher selector = SELECTOR.matcher(item.strip());
                if (!selector.matches()) {
                    return Reply.error(new Invalid("stub node: unsupported selector '" + item.strip() + "' on system."
                            + table.name()));
                }
                String name = Cql.identifier(selector.group(1));
                int index = indexOf(table.columns(), name);
                if (index < 0) {
                    return Reply.error(new Invalid("Undefined column name " + name + " in table system." + table.name()));
                }
                ColumnSpec spec = table.columns().get(index);
                String alias = selector.group(2) == null ? name : Cql.identifier(selector.group(2));
                out.column(new ColumnSpec(spec.keyspace(), spec.table(), alias, spec.type()));
                indexes.add(index);
            }
        }
        for (List<Object> row : rows) {
            Object[] cells = new Object[indexes.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = row.get(indexes.get(i));
            }
            out.row(cells);
        }
        return Reply.rows(out.build());
    }

    private static int indexOf(List<ColumnSpec> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Column specs and one row's values, side by side. */
    private static final class Columns {
        private final String table;
        private final List<ColumnSpec> specs = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        Columns(String table) {
            this.table = table;
        }

        Columns add(String name, DataType type, Object value) {
            specs.add(new ColumnSpec("system", table, name, type));
            values.add(value);
            return this;
        }
    }
}
