package io.reactivecql.internal.connection;

/**
 * Counts the bytes a connection writes and reads: called on its event loop once per flush and once
 * per read, never per request. {@link #NONE} when metrics are off.
 */
public interface TrafficCounter {

    /** Counts nothing. */
    TrafficCounter NONE = new TrafficCounter() {
        @Override
        public void sent(int bytes) {
        }

        @Override
        public void received(int bytes) {
        }
    };

    /** {@code bytes} were written (one flush). */
    void sent(int bytes);

    /** {@code bytes} were read (one read from the socket). */
    void received(int bytes);
}
