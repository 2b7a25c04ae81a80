package io.reactivecql.stub;

import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.Request;
import io.reactivecql.protocol.request.Execute;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.request.QueryOptions;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * One request as the stub received it: what {@link Activity} records and what a
 * {@link RequestMatcher} looks at.
 *
 * @param connectionId    the node-wide id of the connection it came on (1, 2, ... in accept order)
 * @param client          the client's address
 * @param version         the protocol version of its envelope
 * @param streamId        the stream id of its envelope
 * @param kind            its kind
 * @param request         the decoded request
 * @param cql             the statement text: a QUERY's or PREPARE's own, an EXECUTE's prepared
 *                        statement's (null when the id is unknown); null for other kinds
 * @param tracing         whether the envelope asked for tracing
 * @param receivedAtNanos {@link System#nanoTime()} when it was decoded
 */
public record ReceivedRequest(int connectionId, InetSocketAddress client, ProtocolVersion version, int streamId,
                              RequestKind kind, Request request, String cql, boolean tracing, long receivedAtNanos) {

    public ReceivedRequest {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(request, "request");
    }

    /** The query parameters of a QUERY or EXECUTE, else null. */
    public QueryOptions options() {
        if (request instanceof Query q) {
            return q.options();
        }
        return request instanceof Execute e ? e.options() : null;
    }

    /** The paging state a QUERY or EXECUTE carries, or null (first page, or another kind). */
    public ByteBuffer pagingState() {
        QueryOptions options = options();
        return options == null ? null : options.pagingState();
    }

    /** The values bound to a QUERY or EXECUTE (empty for other kinds). */
    public List<ByteBuffer> values() {
        QueryOptions options = options();
        return options == null ? List.of() : options.values();
    }

    /** The prepared statement id of an EXECUTE (a copy), else null. */
    public byte[] preparedId() {
        if (!(request instanceof Execute e)) {
            return null;
        }
        ByteBuffer id = e.id().duplicate();
        byte[] bytes = new byte[id.remaining()];
        id.get(bytes);
        return bytes;
    }
}
