package io.reactivecql.mapper.api;

/** What a write does with the columns of null fields. */
public enum NullSaving {
    /** Leaves them unset: the column keeps its value and no tombstone is written. The default. */
    DO_NOT_SET,
    /** Writes NULL: the column is cleared (a tombstone). */
    SET_TO_NULL
}
