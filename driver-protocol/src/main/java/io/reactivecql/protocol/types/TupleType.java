package io.reactivecql.protocol.types;

import java.util.List;
import java.util.stream.Collectors;

/** {@code tuple<t1, t2, ...>}: always frozen. */
public record TupleType(List<DataType> componentTypes) implements DataType {

    public TupleType {
        componentTypes = List.copyOf(componentTypes);
    }

    @Override
    public int protocolCode() {
        return 0x0031;
    }

    @Override
    public boolean isFrozen() {
        return true;
    }

    @Override
    public String asCql() {
        return "frozen<tuple<" + componentTypes.stream().map(DataType::asCql).collect(Collectors.joining(", ")) + ">>";
    }
}
