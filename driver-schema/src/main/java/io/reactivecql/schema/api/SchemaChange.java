package io.reactivecql.schema.api;

import java.util.Objects;

/**
 * One element created, updated or dropped between two snapshots.
 *
 * @param type       what happened
 * @param oldElement the element before (null when created)
 * @param newElement the element after (null when dropped)
 */
public record SchemaChange(Type type, SchemaElement oldElement, SchemaElement newElement) {

    /** What happened to the element. */
    public enum Type {
        CREATED, UPDATED, DROPPED
    }

    public SchemaChange {
        Objects.requireNonNull(type, "type");
        if ((type == Type.CREATED) != (oldElement == null) || (type == Type.DROPPED) != (newElement == null)) {
            throw new IllegalArgumentException(type + " change with old " + oldElement + " and new " + newElement);
        }
    }

    /** {@code element} was created. */
    public static SchemaChange created(SchemaElement element) {
        return new SchemaChange(Type.CREATED, null, element);
    }

    /** {@code oldElement} became {@code newElement}. */
    public static SchemaChange updated(SchemaElement oldElement, SchemaElement newElement) {
        return new SchemaChange(Type.UPDATED, oldElement, newElement);
    }

    /** {@code element} was dropped. */
    public static SchemaChange dropped(SchemaElement element) {
        return new SchemaChange(Type.DROPPED, element, null);
    }

    /** The element after, or before for a drop. */
    public SchemaElement element() {
        return newElement != null ? newElement : oldElement;
    }

    /** The kind of the element changed. */
    public ElementKind kind() {
        return element().kind();
    }

    /** The keyspace of the element changed. */
    public String keyspace() {
        return element().keyspace();
    }

    /** The name of the element changed. */
    public String name() {
        return element().name();
    }

    @Override
    public String toString() {
        return type + " " + kind() + " " + keyspace() + (kind() == ElementKind.KEYSPACE ? "" : "." + name());
    }
}
