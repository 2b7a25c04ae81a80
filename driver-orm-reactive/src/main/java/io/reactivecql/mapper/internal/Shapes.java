package io.reactivecql.mapper.internal;

import io.reactivecql.protocol.types.CqlIdentifiers;
import io.reactivecql.protocol.types.CustomType;
import io.reactivecql.protocol.types.DataType;
import io.reactivecql.protocol.types.ListType;
import io.reactivecql.protocol.types.MapType;
import io.reactivecql.protocol.types.SetType;
import io.reactivecql.protocol.types.TupleType;
import io.reactivecql.protocol.types.UserDefinedType;
import io.reactivecql.protocol.types.VectorType;

import java.util.stream.Collectors;

/** CQL type comparison that ignores frozenness and UDT fields (what a column declaration fixes). */
final class Shapes {

    private Shapes() {
    }

    /** The type as CQL writes it, without {@code frozen<>} and with UDTs by name. */
    static String unfrozen(DataType type) {
        if (type instanceof ListType l) {
            return "list<" + unfrozen(l.elementType()) + ">";
        } else if (type instanceof SetType s) {
            return "set<" + unfrozen(s.elementType()) + ">";
        } else if (type instanceof MapType m) {
            return "map<" + unfrozen(m.keyType()) + ", " + unfrozen(m.valueType()) + ">";
        } else if (type instanceof TupleType t) {
            return t.componentTypes().stream().map(Shapes::unfrozen).collect(Collectors.joining(", ", "tuple<", ">"));
        } else if (type instanceof VectorType v) {
            return "vector<" + unfrozen(v.elementType()) + ", " + v.dimension() + ">";
        } else if (type instanceof UserDefinedType u) {
            return CqlIdentifiers.quoteIfNeeded(u.name());
        } else if (type instanceof CustomType c) {
            return c.asCql();
        }
        return type.asCql();
    }
}
