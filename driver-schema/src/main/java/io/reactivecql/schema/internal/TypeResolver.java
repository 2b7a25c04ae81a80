package io.reactivecql.schema.internal;

import io.reactivecql.protocol.types.DataType;
import io.reactivecql.protocol.types.DataTypeCqlParser;
import io.reactivecql.protocol.types.ListType;
import io.reactivecql.protocol.types.MapType;
import io.reactivecql.protocol.types.SetType;
import io.reactivecql.protocol.types.TupleType;
import io.reactivecql.protocol.types.UserDefinedType;
import io.reactivecql.protocol.types.VectorType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Resolves the user-defined types of one keyspace from their rows, nested types first. */
final class TypeResolver {

    private final String keyspace;
    private final Map<String, SchemaRow> rows = new HashMap<>();
    private final Map<String, UserDefinedType> resolved = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    TypeResolver(String keyspace, List<SchemaRow> typeRows) {
        this.keyspace = keyspace;
        typeRows.forEach(r -> rows.put(r.string("type_name"), r));
    }

    /** The resolved (not frozen) definition of type {@code name}, or null when there is no such type. */
    UserDefinedType definition(String name) {
        UserDefinedType done = resolved.get(name);
        if (done != null) {
            return done;
        }
        SchemaRow row = rows.get(name);
        if (row == null || !inProgress.add(name)) {
            return null; // unknown, or a cycle (which Cassandra refuses): left shallow
        }
        List<String> fieldNames = row.strings("field_names");
        List<DataType> fieldTypes = new ArrayList<>();
        for (String t : row.strings("field_types")) {
            fieldTypes.add(resolve(DataTypeCqlParser.parse(t, keyspace), this::definition));
        }
        UserDefinedType type = new UserDefinedType(keyspace, name, fieldNames, fieldTypes, false);
        inProgress.remove(name);
        resolved.put(name, type);
        return type;
    }

    /** {@code type} with every shallow UDT replaced by its definition (keeping the reference's frozenness). */
    static DataType resolve(DataType type, Function<String, UserDefinedType> definitions) {
        if (type instanceof UserDefinedType u) {
            if (u.isResolved()) {
                return u;
            }
            UserDefinedType d = definitions.apply(u.name());
            return d == null ? u : new UserDefinedType(d.keyspace(), d.name(), d.fieldNames(), d.fieldTypes(),
                    u.frozen());
        }
        if (type instanceof ListType l) {
            return new ListType(resolve(l.elementType(), definitions), l.frozen());
        }
        if (type instanceof SetType s) {
            return new SetType(resolve(s.elementType(), definitions), s.frozen());
        }
        if (type instanceof MapType m) {
            return new MapType(resolve(m.keyType(), definitions), resolve(m.valueType(), definitions), m.frozen());
        }
        if (type instanceof TupleType t) {
            return new TupleType(t.componentTypes().stream().map(c -> resolve(c, definitions)).toList());
        }
        if (type instanceof VectorType v) {
            return new VectorType(resolve(v.elementType(), definitions), v.dimension());
        }
        return type;
    }
}
