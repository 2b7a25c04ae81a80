package io.reactivecql.schema.api;

import io.reactivecql.protocol.types.DataType;

import java.util.List;
import java.util.Objects;

/**
 * A user-defined aggregate.
 *
 * @param keyspace      keyspace (internal form)
 * @param signature     name and argument types
 * @param argumentTypes argument types, user-defined types resolved
 * @param stateFunction state function name (internal form)
 * @param stateType     state type
 * @param finalFunction final function name, or null
 * @param initCond      the initial condition as a CQL literal, or null
 * @param returnType    the return type
 */
public record AggregateMetadata(String keyspace, FunctionSignature signature, List<DataType> argumentTypes,
                                String stateFunction, DataType stateType, String finalFunction, String initCond,
                                DataType returnType) implements SchemaElement {

    public AggregateMetadata {
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(signature, "signature");
        argumentTypes = List.copyOf(argumentTypes);
        Objects.requireNonNull(stateFunction, "stateFunction");
        Objects.requireNonNull(stateType, "stateType");
        Objects.requireNonNull(returnType, "returnType");
    }

    @Override
    public ElementKind kind() {
        return ElementKind.AGGREGATE;
    }

    @Override
    public String name() {
        return signature.toString();
    }

    @Override
    public String describe() {
        return CqlDescriber.aggregate(this);
    }
}
