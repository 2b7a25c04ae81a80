package io.reactivecql.protocol.request;

import io.reactivecql.protocol.ProtocolVersion;

/**
 * The flag bits of QUERY and EXECUTE {@code <query_parameters>} and of BATCH (sections 4.1.4 and
 * 4.1.7). Protocol v4 sends them as a [byte], v5 as an [int].
 */
public final class QueryFlags {

    public static final int VALUES = 0x01;
    public static final int SKIP_METADATA = 0x02;
    public static final int PAGE_SIZE = 0x04;
    public static final int PAGING_STATE = 0x08;
    public static final int SERIAL_CONSISTENCY = 0x10;
    public static final int DEFAULT_TIMESTAMP = 0x20;
    public static final int NAMES_FOR_VALUES = 0x40;
    /** v5 only. */
    public static final int KEYSPACE = 0x80;
    /** v5 only. */
    public static final int NOW_IN_SECONDS = 0x100;

    /** Every flag QUERY and EXECUTE know in v4. */
    public static final int V4_MASK = 0x7F;
    /** Every flag QUERY and EXECUTE know in v5. */
    public static final int V5_MASK = 0x1FF;

    /** The four low bits, which BATCH must leave at 0 (their options make no sense for a batch). */
    public static final int BATCH_FORBIDDEN = VALUES | SKIP_METADATA | PAGE_SIZE | PAGING_STATE;

    private QueryFlags() {
    }

    /** The flags QUERY and EXECUTE know in {@code version}. */
    public static int mask(ProtocolVersion version) {
        return version == ProtocolVersion.V4 ? V4_MASK : V5_MASK;
    }
}
