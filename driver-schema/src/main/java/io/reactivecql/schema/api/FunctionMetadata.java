package io.reactivecql.schema.api;

import io.reactivecql.protocol.types.DataType;

import java.util.List;
import java.util.Objects;

/**
 * A user-defined function.
 *
 * @param keyspace          keyspace (internal form)
 * @param signature         name and argument types
 * @param argumentNames     argument names (internal form), in order
 * @param argumentTypes     argument types, user-defined types resolved
 * @param returnType        the return type
 * @param language          e.g. {@code java}
 * @param body              the code
 * @param calledOnNullInput true for {@code CALLED ON NULL INPUT}, false for {@code RETURNS NULL ON NULL INPUT}
 */
public record FunctionMetadata(String keyspace, FunctionSignature signature, List<String> argumentNames,
                               List<DataType> argumentTypes, DataType returnType, String language, String body,
                               boolean calledOnNullInput) implements SchemaElement {

    public FunctionMetadata {
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(signature, "signature");
        argumentNames = List.copyOf(argumentNames);
        argumentTypes = List.copyOf(argumentTypes);
        Objects.requireNonNull(returnType, "returnType");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public ElementKind kind() {
        return ElementKind.FUNCTION;
    }

    @Override
    public String name() {
        return signature.toString();
    }

    @Override
    public String describe() {
        return CqlDescriber.function(this);
    }
}
