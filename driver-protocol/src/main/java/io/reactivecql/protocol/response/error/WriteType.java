package io.reactivecql.protocol.response.error;

/**
 * The kind of write that timed out or failed ({@code <writeType>} of Write_timeout and
 * Write_failure). Sent as a [string] equal to the constant's name.
 */
public enum WriteType {
    /** A non-batched, non-counter write. */
    SIMPLE,
    /** A logged batch whose batch log write succeeded. */
    BATCH,
    /** An unlogged batch: no batch log write was attempted. */
    UNLOGGED_BATCH,
    /** A counter write, batched or not. */
    COUNTER,
    /** The write to the batch log of a logged batch. */
    BATCH_LOG,
    /** The Paxos phase of a lightweight transaction (compare and set). */
    CAS,
    /** A write that could not take the local materialized view lock in time. */
    VIEW,
    /** A write to CDC-tracked data while cdc_total_space was exceeded. */
    CDC;

    /** The write type with this wire name, or null when the spec defines none. */
    public static WriteType fromName(String name) {
        for (WriteType t : values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
