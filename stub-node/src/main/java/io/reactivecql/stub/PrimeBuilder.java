package io.reactivecql.stub;

import io.reactivecql.protocol.response.error.ErrorResponse;
import io.reactivecql.protocol.response.event.SchemaChange;
import io.reactivecql.protocol.response.result.ColumnSpec;
import io.reactivecql.protocol.types.DataType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Describes one prime, from {@link Script#when}: optional settings first, then a {@code then...}
 * method that installs it and returns its {@link Prime} handle.
 *
 * <pre>{@code
 * node.when("SELECT * FROM ks.t WHERE k = ?")
 *     .bindMarker("k", PrimitiveType.INT).partitionKey(0)
 *     .delay(Duration.ofMillis(200))
 *     .thenRows(rows);
 * node.when(RequestMatcher.kind(RequestKind.OPTIONS)).thenNoAnswer();   // heartbeats go unanswered
 * node.when("INSERT ...").times(2).thenError(new Overloaded("busy"));    // then falls through
 * }</pre>
 * Not thread-safe (build it on one thread); the installed prime is.
 */
public final class PrimeBuilder {

    private final Script script;
    private final RequestMatcher matcher;
    private Duration delay = Duration.ZERO;
    private int times = Prime.UNLIMITED;
    private List<ColumnSpec> bindMarkers;
    private List<Integer> partitionKey = List.of();
    private List<String> warnings = List.of();

    PrimeBuilder(Script script, RequestMatcher matcher) {
        this.script = script;
        this.matcher = Objects.requireNonNull(matcher, "matcher");
    }

    /** Waits this long (on the event loop's timer) before answering. */
    public PrimeBuilder delay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        this.delay = delay;
        return this;
    }

    /** Applies to the next {@code times} matching requests only; later ones fall through to older primes. */
    public PrimeBuilder times(int times) {
        if (times <= 0) {
            throw new IllegalArgumentException("times must be positive, was " + times);
        }
        this.times = times;
        return this;
    }

    /** {@code times(1)}. */
    public PrimeBuilder once() {
        return times(1);
    }

    /**
     * The bind markers a PREPARE of this statement announces (else they are inferred from the
     * text: one {@code blob} per {@code ?} or {@code :name}).
     */
    public PrimeBuilder bindMarkers(ColumnSpec... markers) {
        if (bindMarkers == null) {
            bindMarkers = new ArrayList<>();
        }
        bindMarkers.addAll(Arrays.asList(markers));
        return this;
    }

    /** Adds a bind marker of table {@code stub.stub}; see {@link #bindMarkers}. */
    public PrimeBuilder bindMarker(String name, DataType type) {
        return bindMarkers(new ColumnSpec("stub", "stub", name, type));
    }

    /** The indexes of the bind markers that make up the partition key, in key order. */
    public PrimeBuilder partitionKey(Integer... bindMarkerIndexes) {
        this.partitionKey = List.of(bindMarkerIndexes);
        return this;
    }

    /** Server warnings attached to every answer of this prime. */
    public PrimeBuilder warnings(String... warnings) {
        this.warnings = List.of(warnings);
        return this;
    }

    /** Installs the prime. */
    public Prime then(Reply reply) {
        Objects.requireNonNull(reply, "reply");
        if (bindMarkers != null) {
            for (int index : partitionKey) {
                Objects.checkIndex(index, bindMarkers.size());
            }
        }
        Prime prime = new Prime(script, matcher, reply, delay, times,
                bindMarkers == null ? null : List.copyOf(bindMarkers), partitionKey, warnings);
        script.add(prime);
        return prime;
    }

    /** {@link Reply#rows}. */
    public Prime thenRows(Rows rows) {
        return then(Reply.rows(rows));
    }

    /** {@link Reply#emptyPageThen}: an empty page that says more follow, then {@code rows}. */
    public Prime thenEmptyPageThen(Rows rows) {
        return then(Reply.emptyPageThen(rows));
    }

    /** {@link Reply#voidResult}. */
    public Prime thenVoid() {
        return then(Reply.voidResult());
    }

    /** {@link Reply#error}: any server error. */
    public Prime thenError(ErrorResponse error) {
        return then(Reply.error(error));
    }

    /** {@link Reply#schemaChange}. */
    public Prime thenSchemaChange(SchemaChange change) {
        return then(Reply.schemaChange(change));
    }

    /** {@link Reply#standard}: what an unprimed node answers (with this prime's delay, say). */
    public Prime thenStandard() {
        return then(Reply.standard());
    }

    /** {@link Reply#noAnswer}. */
    public Prime thenNoAnswer() {
        return then(Reply.noAnswer());
    }

    /** {@link Reply#dropConnection}. */
    public Prime thenDropConnection() {
        return then(Reply.dropConnection());
    }

    /** {@link Reply#resetConnection}. */
    public Prime thenResetConnection() {
        return then(Reply.resetConnection());
    }

    /** A Void result of which only half is written before the connection closes. */
    public Prime thenHalfWrittenFrame() {
        return then(Reply.voidResult().with(Fault.HALF_WRITTEN_THEN_CLOSE));
    }

    /** A Void result whose v5 frame fails its payload CRC32 (see {@link Fault#CORRUPT_PAYLOAD_CRC}). */
    public Prime thenCorruptCrc() {
        return then(Reply.voidResult().with(Fault.CORRUPT_PAYLOAD_CRC));
    }

    /** A Void result whose envelope carries an opcode no version defines. */
    public Prime thenUnknownOpcode() {
        return then(Reply.voidResult().with(Fault.UNKNOWN_OPCODE));
    }

    /** A Void result whose envelope announces a body above the 256 MB limit. */
    public Prime thenOversizedLength() {
        return then(Reply.voidResult().with(Fault.OVERSIZED_LENGTH));
    }

    /** {@link Reply#randomBytes(int)}. */
    public Prime thenRandomBytes(int count) {
        return then(Reply.randomBytes(count));
    }
}
