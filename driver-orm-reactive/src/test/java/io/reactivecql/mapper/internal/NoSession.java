package io.reactivecql.mapper.internal;

import io.reactivecql.mapper.api.NullSaving;

/** The session of unit tests: codecs, no server. */
final class NoSession extends NoSessionAdapter {

    /** A mapper context over a session with no server, and no schema source. */
    static MapperContext context() {
        return new MapperContext(new NoSession(), null, "ks", NullSaving.DO_NOT_SET, 8);
    }
}
