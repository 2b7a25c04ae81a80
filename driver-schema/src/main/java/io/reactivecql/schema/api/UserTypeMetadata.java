package io.reactivecql.schema.api;

import io.reactivecql.protocol.types.UserDefinedType;

import java.util.Objects;

/**
 * A user-defined type.
 *
 * @param type the type, its fields (nested user-defined types included) resolved
 */
public record UserTypeMetadata(UserDefinedType type) implements SchemaElement {

    public UserTypeMetadata {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(type.keyspace(), "type.keyspace");
    }

    @Override
    public ElementKind kind() {
        return ElementKind.TYPE;
    }

    @Override
    public String keyspace() {
        return type.keyspace();
    }

    @Override
    public String name() {
        return type.name();
    }

    @Override
    public String describe() {
        return CqlDescriber.type(this);
    }
}
