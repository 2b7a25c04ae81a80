package io.reactivecql.schema.internal;

/** What one refresh reads again: everything, one keyspace, or one table or view. */
sealed interface RefreshTarget {

    /** Every keyspace. */
    record Full() implements RefreshTarget {
    }

    /** One keyspace and all its elements. */
    record Keyspace(String keyspace) implements RefreshTarget {
    }

    /** One table or materialized view, with its columns and indexes. */
    record Table(String keyspace, String table) implements RefreshTarget {
    }
}
