package io.reactivecql.mapper.internal;

import io.reactivecql.protocol.types.DataType;
import io.reactivecql.protocol.types.UserDefinedType;
import io.reactivecql.schema.api.ClusteringOrder;
import io.reactivecql.schema.api.ColumnKind;
import io.reactivecql.schema.api.ColumnMetadata;
import io.reactivecql.schema.api.IndexMetadata;
import io.reactivecql.schema.api.KeyspaceMetadata;
import io.reactivecql.schema.api.Metadata;
import io.reactivecql.schema.api.TableMetadata;
import io.reactivecql.schema.api.UserTypeMetadata;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Schema metadata built by hand, for tests without a server. */
final class Schemas {

    static final String KS = "ks";

    private Schemas() {
    }

    static ColumnMetadata pk(String name, DataType type, int position) {
        return new ColumnMetadata(name, type, ColumnKind.PARTITION_KEY, position, ClusteringOrder.NONE);
    }

    static ColumnMetadata cc(String name, DataType type, int position, ClusteringOrder order) {
        return new ColumnMetadata(name, type, ColumnKind.CLUSTERING, position, order);
    }

    static ColumnMetadata col(String name, DataType type) {
        return new ColumnMetadata(name, type, ColumnKind.REGULAR, -1, ClusteringOrder.NONE);
    }

    static ColumnMetadata stat(String name, DataType type) {
        return new ColumnMetadata(name, type, ColumnKind.STATIC, -1, ClusteringOrder.NONE);
    }

    static TableMetadata table(String name, ColumnMetadata... columns) {
        return new TableMetadata(KS, name, false, Arrays.asList(columns), Map.of(), Map.of());
    }

    static TableMetadata withIndexes(TableMetadata table, IndexMetadata... indexes) {
        Map<String, IndexMetadata> map = new LinkedHashMap<>();
        for (IndexMetadata i : indexes) {
            map.put(i.name(), i);
        }
        return table.withIndexes(map);
    }

    /** A built-in secondary index on {@code target} ({@code col}, {@code keys(col)}, {@code values(col)}...). */
    static IndexMetadata index(TableMetadata table, String name, String target) {
        return new IndexMetadata(KS, table.name(), name, "COMPOSITES", Map.of("target", target));
    }

    static IndexMetadata sai(TableMetadata table, String name, String target) {
        return new IndexMetadata(KS, table.name(), name, "CUSTOM", Map.of("target", target, "class_name",
                "org.apache.cassandra.index.sai.StorageAttachedIndex"));
    }

    static UserDefinedType udt(String name, List<String> fields, List<DataType> types) {
        return new UserDefinedType(KS, name, fields, types, true);
    }

    static KeyspaceMetadata keyspace(List<TableMetadata> tables, List<UserDefinedType> types) {
        Map<String, TableMetadata> t = new LinkedHashMap<>();
        tables.forEach(x -> t.put(x.name(), x));
        Map<String, UserTypeMetadata> u = new LinkedHashMap<>();
        types.forEach(x -> u.put(x.name(), new UserTypeMetadata(x)));
        return new KeyspaceMetadata(KS, false, true, Map.of("class", "SimpleStrategy", "replication_factor", "1"), t,
                Map.of(), u, Map.of(), Map.of());
    }

    static Metadata metadata(TableMetadata... tables) {
        return new Metadata(Map.of(KS, keyspace(List.of(tables), List.of())));
    }

    static Metadata metadata(List<TableMetadata> tables, List<UserDefinedType> types) {
        return new Metadata(Map.of(KS, keyspace(tables, types)));
    }
}
