package io.reactivecql.stub;

import io.reactivecql.protocol.Response;
import io.reactivecql.protocol.response.error.ErrorResponse;
import io.reactivecql.protocol.response.event.SchemaChange;
import io.reactivecql.protocol.response.result.SchemaChangeResult;
import io.reactivecql.protocol.response.result.SetKeyspaceResult;
import io.reactivecql.protocol.response.result.VoidResult;

import java.util.Objects;
import java.util.function.Function;

/**
 * What a prime does with a request it matched: an answer (optionally damaged on the wire by a
 * {@link Fault}), or an action on the connection instead of an answer. Immutable.
 *
 * <pre>{@code
 * Reply.rows(rows)                                   // rows, paged as the request asks
 * Reply.error(new Overloaded("busy"))                // any ErrorResponse
 * Reply.standard().with(Fault.CORRUPT_PAYLOAD_CRC)   // what an unprimed node answers, corrupted
 * Reply.noAnswer()                                   // silence: the client's request times out
 * Reply.dropConnection()                             // close the connection instead of answering
 * }</pre>
 */
public final class Reply {

    /** Where the answer comes from, or which action replaces it. */
    enum Source {
        STANDARD, RESPONSE, FUNCTION, ROWS, EMPTY_PAGE_THEN, NO_ANSWER, DROP, RESET, RANDOM_BYTES
    }

    private static final Reply STANDARD = new Reply(Source.STANDARD, null, null, null, 0, 0, null);
    private static final Reply NO_ANSWER = new Reply(Source.NO_ANSWER, null, null, null, 0, 0, null);
    private static final Reply DROP = new Reply(Source.DROP, null, null, null, 0, 0, null);
    private static final Reply RESET = new Reply(Source.RESET, null, null, null, 0, 0, null);

    private final Source source;
    private final Response response;
    private final Function<ReceivedRequest, ? extends Response> function;
    private final Rows rows;
    private final int byteCount;
    private final long seed;
    private final Fault fault;

    private Reply(Source source, Response response, Function<ReceivedRequest, ? extends Response> function, Rows rows,
                  int byteCount, long seed, Fault fault) {
        this.source = source;
        this.response = response;
        this.function = function;
        this.rows = rows;
        this.byteCount = byteCount;
        this.seed = seed;
        this.fault = fault;
    }

    /**
     * What the node answers when nothing is primed: the handshake for STARTUP and friends, the
     * built-in system tables, PREPARE, Unprepared for unknown ids, else an Invalid error. Useful
     * with a delay or a {@link Fault}.
     */
    public static Reply standard() {
        return STANDARD;
    }

    /** The rows, paged as each request asks. */
    public static Reply rows(Rows rows) {
        return new Reply(Source.ROWS, null, null, Objects.requireNonNull(rows, "rows"), 0, 0, null);
    }

    /**
     * First an empty page that says more pages follow; the request carrying its paging state gets
     * {@code rows}, paged normally.
     */
    public static Reply emptyPageThen(Rows rows) {
        return new Reply(Source.EMPTY_PAGE_THEN, null, null, Objects.requireNonNull(rows, "rows"), 0, 0, null);
    }

    /** A Void result. */
    public static Reply voidResult() {
        return response(VoidResult.INSTANCE);
    }

    /** An ERROR response: any {@link ErrorResponse} record. */
    public static Reply error(ErrorResponse error) {
        return response(error);
    }

    /** A Schema_change result. */
    public static Reply schemaChange(SchemaChange change) {
        return response(new SchemaChangeResult(change));
    }

    /** A Set_keyspace result. */
    public static Reply setKeyspace(String keyspace) {
        return response(new SetKeyspaceResult(keyspace));
    }

    /** This response, whatever the request. */
    public static Reply response(Response response) {
        return new Reply(Source.RESPONSE, Objects.requireNonNull(response, "response"), null, null, 0, 0, null);
    }

    /**
     * The response {@code function} computes from the request (on the event loop: it must not
     * block). A null result means no answer.
     */
    public static Reply computed(Function<ReceivedRequest, ? extends Response> function) {
        return new Reply(Source.FUNCTION, null, Objects.requireNonNull(function, "function"), null, 0, 0, null);
    }

    /** No answer at all: the request is recorded and forgotten. */
    public static Reply noAnswer() {
        return NO_ANSWER;
    }

    /** Close the connection (orderly FIN) instead of answering. */
    public static Reply dropConnection() {
        return DROP;
    }

    /** Reset the connection (SO_LINGER 0, so the client sees an RST) instead of answering. */
    public static Reply resetConnection() {
        return RESET;
    }

    /** {@code count} pseudo-random bytes written raw to the socket (no envelope, no frame). */
    public static Reply randomBytes(int count) {
        return randomBytes(count, 0x5EED);
    }

    /** {@code count} bytes from a {@link java.util.SplittableRandom} seeded with {@code seed}. */
    public static Reply randomBytes(int count, long seed) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive, was " + count);
        }
        return new Reply(Source.RANDOM_BYTES, null, null, null, count, seed, null);
    }

    /**
     * This answer, damaged by {@code fault} once encoded.
     *
     * @throws IllegalStateException when this reply is an action, not an answer
     */
    public Reply with(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (!isAnswer()) {
            throw new IllegalStateException(source + " sends no answer to damage");
        }
        return new Reply(source, response, function, rows, byteCount, seed, fault);
    }

    /**
     * This answer with a few body bytes replaced by pseudo-random ones chosen by {@code seed} (see
     * {@link Fault#GARBLED_BODY}): each seed damages the answer its own, reproducible way.
     *
     * @throws IllegalStateException when this reply is an action, not an answer
     */
    public Reply garbled(long seed) {
        if (!isAnswer()) {
            throw new IllegalStateException(source + " sends no answer to damage");
        }
        return new Reply(source, response, function, rows, byteCount, seed, Fault.GARBLED_BODY);
    }

    /** The fault applied to the answer, or null. */
    public Fault fault() {
        return fault;
    }

    /** Whether this reply sends an answer (as opposed to silence or an action on the connection). */
    public boolean isAnswer() {
        return source == Source.STANDARD || source == Source.RESPONSE || source == Source.FUNCTION
                || source == Source.ROWS || source == Source.EMPTY_PAGE_THEN;
    }

    Source source() {
        return source;
    }

    Response response() {
        return response;
    }

    Function<ReceivedRequest, ? extends Response> function() {
        return function;
    }

    Rows rows() {
        return rows;
    }

    int byteCount() {
        return byteCount;
    }

    long seed() {
        return seed;
    }

    @Override
    public String toString() {
        String what = switch (source) {
            case RESPONSE -> response.toString();
            case ROWS, EMPTY_PAGE_THEN -> source + " " + rows;
            case RANDOM_BYTES -> byteCount + " random bytes";
            default -> source.toString();
        };
        return "Reply[" + what + (fault == null ? "" : ", " + fault) + "]";
    }
}
