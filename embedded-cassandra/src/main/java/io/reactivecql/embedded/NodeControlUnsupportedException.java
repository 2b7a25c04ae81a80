package io.reactivecql.embedded;

/**
 * Node control (stop, kill, pause, nodetool, ...) was asked of a cluster this library did not
 * start. {@link RealCassandraExtension} turns it into a skipped test.
 */
public class NodeControlUnsupportedException extends UnsupportedOperationException {

    private static final long serialVersionUID = 1L;

    public NodeControlUnsupportedException(String message) {
        super(message);
    }
}
