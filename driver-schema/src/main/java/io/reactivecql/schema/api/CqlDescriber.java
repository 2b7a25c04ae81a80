package io.reactivecql.schema.api;

import io.reactivecql.protocol.types.DataType;
import io.reactivecql.protocol.types.ListType;
import io.reactivecql.protocol.types.MapType;
import io.reactivecql.protocol.types.SetType;
import io.reactivecql.protocol.types.TupleType;
import io.reactivecql.protocol.types.UserDefinedType;
import io.reactivecql.protocol.types.VectorType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Renders elements as the CQL that recreates them, in Cassandra's DESCRIBE form. */
final class CqlDescriber {

    /** Options a view may not set (Cassandra refuses them in CREATE MATERIALIZED VIEW). */
    private static final Set<String> NOT_FOR_VIEWS = Set.of("default_time_to_live", "cdc");

    /** Columns of system_schema.tables kept for compatibility that CREATE no longer accepts. */
    private static final Set<String> LEGACY = Set.of("dclocal_read_repair_chance", "read_repair_chance");

    private CqlDescriber() {
    }

    static String keyspace(KeyspaceMetadata ks) {
        if (ks.virtual()) {
            return "/*\nWarning: Keyspace " + Names.cql(ks.name()) + " is a virtual keyspace and cannot be recreated"
                    + " with CQL.\nStructure, for reference:\nVIRTUAL KEYSPACE " + Names.cql(ks.name()) + ";\n*/";
        }
        return "CREATE KEYSPACE " + Names.cql(ks.name()) + " WITH replication = " + literal(ks.replication())
                + " AND durable_writes = " + ks.durableWrites() + ";";
    }

    static String table(TableMetadata t) {
        StringBuilder sb = new StringBuilder();
        if (t.virtual()) {
            sb.append("/*\nWarning: Table ").append(qualified(t.keyspace(), t.name()))
                    .append(" is a virtual table and cannot be recreated with CQL.\nStructure, for reference:\nVIRTUAL ");
        }
        sb.append("CREATE TABLE ").append(qualified(t.keyspace(), t.name())).append(" (\n");
        for (ColumnMetadata c : t.columns()) {
            sb.append("    ").append(Names.cql(c.name())).append(' ').append(c.type().asCql());
            if (c.kind() == ColumnKind.STATIC) {
                sb.append(" static");
            }
            sb.append(",\n");
        }
        sb.append("    ").append(primaryKey(t.partitionKey(), t.clusteringColumns())).append("\n)");
        Map<String, Object> options = new LinkedHashMap<>(t.options());
        if (t.virtual()) {
            Object comment = options.get("comment");
            options.clear();
            if (comment != null) {
                options.put("comment", comment);
            }
        }
        withClause(sb, t.clusteringColumns(), options);
        sb.append(';');
        if (t.virtual()) {
            sb.append("\n*/");
        }
        return sb.toString();
    }

    static String view(ViewMetadata v) {
        StringBuilder sb = new StringBuilder("CREATE MATERIALIZED VIEW ").append(qualified(v.keyspace(), v.name()))
                .append(" AS\n    SELECT ");
        if (v.includeAllColumns()) {
            sb.append('*');
        } else {
            sb.append(v.columns().stream().map(c -> Names.cql(c.name())).collect(Collectors.joining(", ")));
        }
        sb.append("\n    FROM ").append(qualified(v.keyspace(), v.baseTable()))
                .append("\n    WHERE ").append(v.whereClause())
                .append("\n    ").append(primaryKey(v.partitionKey(), v.clusteringColumns()));
        Map<String, Object> options = new LinkedHashMap<>(v.options());
        options.keySet().removeAll(NOT_FOR_VIEWS);
        withClause(sb, v.clusteringColumns(), options);
        return sb.append(';').toString();
    }

    static String type(UserTypeMetadata type) {
        UserDefinedType udt = type.type();
        StringBuilder sb = new StringBuilder("CREATE TYPE ").append(qualified(udt.keyspace(), udt.name()))
                .append(" (\n");
        for (int i = 0; i < udt.fieldNames().size(); i++) {
            sb.append("    ").append(Names.cql(udt.fieldNames().get(i))).append(' ')
                    .append(udt.fieldTypes().get(i).asCql());
            sb.append(i + 1 < udt.fieldNames().size() ? ",\n" : "\n");
        }
        return sb.append(");").toString();
    }

    static String function(FunctionMetadata f) {
        StringBuilder sb = new StringBuilder("CREATE FUNCTION ")
                .append(qualified(f.keyspace(), f.signature().name())).append('(');
        for (int i = 0; i < f.argumentNames().size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(Names.cql(f.argumentNames().get(i))).append(' ').append(f.argumentTypes().get(i).asCql());
        }
        sb.append(")\n    ").append(f.calledOnNullInput() ? "CALLED ON NULL INPUT" : "RETURNS NULL ON NULL INPUT")
                .append("\n    RETURNS ").append(f.returnType().asCql())
                .append("\n    LANGUAGE ").append(f.language())
                .append("\n    AS ").append(body(f.body())).append(';');
        return sb.toString();
    }

    static String aggregate(AggregateMetadata a) {
        StringBuilder sb = new StringBuilder("CREATE AGGREGATE ")
                .append(qualified(a.keyspace(), a.signature().name())).append('(')
                .append(a.argumentTypes().stream().map(DataType::asCql).collect(Collectors.joining(", ")))
                .append(")\n    SFUNC ").append(Names.cql(a.stateFunction()))
                .append("\n    STYPE ").append(a.stateType().asCql());
        if (a.finalFunction() != null) {
            sb.append("\n    FINALFUNC ").append(Names.cql(a.finalFunction()));
        }
        if (a.initCond() != null) {
            sb.append("\n    INITCOND ").append(a.initCond());
        }
        return sb.append(';').toString();
    }

    static String index(IndexMetadata i) {
        StringBuilder sb = new StringBuilder(i.isCustom() ? "CREATE CUSTOM INDEX " : "CREATE INDEX ")
                .append(Names.cql(i.name())).append(" ON ").append(qualified(i.keyspace(), i.table()))
                .append(" (").append(i.target()).append(')');
        if (i.isCustom()) {
            sb.append(" USING ").append(string(i.className()));
            Map<String, String> options = new LinkedHashMap<>(i.options());
            options.remove("target");
            options.remove("class_name");
            if (!options.isEmpty()) {
                sb.append(" WITH OPTIONS = ").append(literal(options));
            }
        }
        return sb.append(';').toString();
    }

    /** The keyspace's types, each after the types its fields use. */
    static List<UserTypeMetadata> typesInDependencyOrder(KeyspaceMetadata ks) {
        Set<String> done = new LinkedHashSet<>();
        List<UserTypeMetadata> out = new ArrayList<>();
        for (UserTypeMetadata t : ks.types().values()) {
            visit(t, ks, done, out);
        }
        return out;
    }

    private static void visit(UserTypeMetadata t, KeyspaceMetadata ks, Set<String> done, List<UserTypeMetadata> out) {
        if (!done.add(t.name())) {
            return;
        }
        Set<String> used = new LinkedHashSet<>();
        t.type().fieldTypes().forEach(ft -> collectUdts(ft, ks.name(), used));
        for (String dep : used) {
            UserTypeMetadata d = ks.types().get(dep);
            if (d != null) {
                visit(d, ks, done, out);
            }
        }
        out.add(t);
    }

    /** Names of the user-defined types of {@code keyspace} that {@code type} uses. */
    static void collectUdts(DataType type, String keyspace, Set<String> into) {
        if (type instanceof UserDefinedType u) {
            if (u.keyspace() == null || u.keyspace().equals(keyspace)) {
                into.add(u.name());
            }
            u.fieldTypes().forEach(f -> collectUdts(f, keyspace, into));
        } else if (type instanceof ListType l) {
            collectUdts(l.elementType(), keyspace, into);
        } else if (type instanceof SetType s) {
            collectUdts(s.elementType(), keyspace, into);
        } else if (type instanceof MapType m) {
            collectUdts(m.keyType(), keyspace, into);
            collectUdts(m.valueType(), keyspace, into);
        } else if (type instanceof TupleType t) {
            t.componentTypes().forEach(c -> collectUdts(c, keyspace, into));
        } else if (type instanceof VectorType v) {
            collectUdts(v.elementType(), keyspace, into);
        }
    }

    private static String primaryKey(List<ColumnMetadata> partitionKey, List<ColumnMetadata> clustering) {
        String pk = partitionKey.stream().map(c -> Names.cql(c.name())).collect(Collectors.joining(", "));
        StringBuilder sb = new StringBuilder("PRIMARY KEY (");
        sb.append(partitionKey.size() == 1 ? pk : "(" + pk + ")");
        clustering.forEach(c -> sb.append(", ").append(Names.cql(c.name())));
        return sb.append(')').toString();
    }

    private static void withClause(StringBuilder sb, List<ColumnMetadata> clustering, Map<String, Object> options) {
        List<String> parts = new ArrayList<>();
        if (!clustering.isEmpty()) {
            parts.add("CLUSTERING ORDER BY (" + clustering.stream()
                    .map(c -> Names.cql(c.name()) + " " + (c.order() == ClusteringOrder.DESC ? "DESC" : "ASC"))
                    .collect(Collectors.joining(", ")) + ")");
        }
        options.forEach((name, value) -> {
            if (value != null && !LEGACY.contains(name)
                    && !(value instanceof Map<?, ?> m && m.isEmpty() && name.equals("extensions"))) {
                parts.add(name + " = " + literal(value));
            }
        });
        if (!parts.isEmpty()) {
            sb.append(" WITH ").append(String.join("\n    AND ", parts));
        }
    }

    static String qualified(String keyspace, String name) {
        return Names.cql(keyspace) + "." + Names.cql(name);
    }

    /** A CQL literal for an option value: string, number, boolean, map, set or list, blob. */
    static String literal(Object value) {
        if (value instanceof String s) {
            return string(s);
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> literal(e.getKey()) + ": " + literal(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof Set<?> set) {
            return set.stream().map(CqlDescriber::literal).collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(CqlDescriber::literal).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof ByteBuffer bytes) {
            StringBuilder sb = new StringBuilder("0x");
            ByteBuffer b = bytes.duplicate();
            while (b.hasRemaining()) {
                sb.append(String.format("%02x", b.get() & 0xff));
            }
            return sb.toString();
        }
        return String.valueOf(value);
    }

    static String string(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String body(String body) {
        return body.contains("$$") ? string(body) : "$$" + body + "$$";
    }
}
