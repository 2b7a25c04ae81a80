package io.reactivecql.protocol.response.event;

import java.util.List;
import java.util.Objects;

/**
 * What a schema change did to which object: the body of a SCHEMA_CHANGE event and of a
 * Schema_change result, which share one format (section 4.2.6). Use the factories, which fill in
 * the fields the target does not have.
 *
 * @param change        what happened
 * @param target        the kind of object changed
 * @param keyspace      the keyspace changed or containing the changed object
 * @param name          the table, type, function or aggregate name; the empty string for a keyspace
 * @param argumentTypes the CQL argument types of a function or aggregate; empty for other targets
 */
public record SchemaChange(ChangeType change, Target target, String keyspace, String name,
                           List<String> argumentTypes) {

    /** The {@code <change_type>} strings. */
    public enum ChangeType {
        CREATED, UPDATED, DROPPED
    }

    /** The {@code <target>} strings; they decide which {@code <options>} follow. */
    public enum Target {
        KEYSPACE, TABLE, TYPE, FUNCTION, AGGREGATE;

        /** Whether the options end with an argument type list (functions and aggregates). */
        public boolean hasArguments() {
            return this == FUNCTION || this == AGGREGATE;
        }
    }

    public SchemaChange {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(name, "name");
        argumentTypes = List.copyOf(argumentTypes);
        if (target == Target.KEYSPACE && !name.isEmpty()) {
            throw new IllegalArgumentException("a keyspace change has no object name, got '" + name + "'");
        }
        if (!target.hasArguments() && !argumentTypes.isEmpty()) {
            throw new IllegalArgumentException("a " + target + " change has no argument types");
        }
    }

    public static SchemaChange keyspace(ChangeType change, String keyspace) {
        return new SchemaChange(change, Target.KEYSPACE, keyspace, "", List.of());
    }

    public static SchemaChange table(ChangeType change, String keyspace, String table) {
        return new SchemaChange(change, Target.TABLE, keyspace, table, List.of());
    }

    /** A change of a user-defined type. */
    public static SchemaChange type(ChangeType change, String keyspace, String type) {
        return new SchemaChange(change, Target.TYPE, keyspace, type, List.of());
    }

    public static SchemaChange function(ChangeType change, String keyspace, String function,
                                        List<String> argumentTypes) {
        return new SchemaChange(change, Target.FUNCTION, keyspace, function, argumentTypes);
    }

    public static SchemaChange aggregate(ChangeType change, String keyspace, String aggregate,
                                         List<String> argumentTypes) {
        return new SchemaChange(change, Target.AGGREGATE, keyspace, aggregate, argumentTypes);
    }
}
