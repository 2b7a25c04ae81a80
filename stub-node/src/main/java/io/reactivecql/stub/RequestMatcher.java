package io.reactivecql.stub;

import io.reactivecql.protocol.request.Batch;
import io.reactivecql.protocol.request.Execute;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Selects the requests a prime answers. Evaluated on the node's event loop for every request, so
 * it must be quick and must not block. A matching prime always wins, even for an EXECUTE or BATCH
 * of ids the node does not know (unprimed, those get Unprepared).
 *
 * <p>Statement text is compared after {@linkplain #normalize normalization} (surrounding
 * whitespace removed, inner runs of whitespace collapsed to one space), so a text block primes
 * the same statement as its one-line form.
 */
@FunctionalInterface
public interface RequestMatcher {

    /** Whether the prime applies to {@code request}. */
    boolean matches(ReceivedRequest request);

    /** Both this and {@code other}. */
    default RequestMatcher and(RequestMatcher other) {
        Objects.requireNonNull(other, "other");
        return r -> matches(r) && other.matches(r);
    }

    /** This or {@code other}. */
    default RequestMatcher or(RequestMatcher other) {
        Objects.requireNonNull(other, "other");
        return r -> matches(r) || other.matches(r);
    }

    /** Only requests for a first page: no paging state. */
    default RequestMatcher onFirstPage() {
        return and(r -> r.pagingState() == null);
    }

    /** Only requests for a later page: they carry a paging state. */
    default RequestMatcher onLaterPages() {
        return and(r -> r.pagingState() != null);
    }

    /** Any statement: QUERY, PREPARE, EXECUTE or BATCH (never the handshake). */
    static RequestMatcher any() {
        return r -> r.kind().isStatement();
    }

    /** Requests of one kind; the handshake kinds (STARTUP, OPTIONS, ...) can be primed this way. */
    static RequestMatcher kind(RequestKind kind) {
        Objects.requireNonNull(kind, "kind");
        return r -> r.kind() == kind;
    }

    /**
     * The statement {@code cql} however it is run: a QUERY of that text, or an EXECUTE of a
     * statement prepared from it. A PREPARE of it takes its result columns and bind markers from
     * this prime (see {@link PrimeBuilder#bindMarkers}).
     */
    static RequestMatcher query(String cql) {
        String expected = normalize(Objects.requireNonNull(cql, "cql"));
        return r -> (r.kind() == RequestKind.QUERY || r.kind() == RequestKind.EXECUTE)
                && r.cql() != null && expected.equals(normalize(r.cql()));
    }

    /** QUERY or EXECUTE whose (normalized) statement text passes {@code predicate}. */
    static RequestMatcher queryMatching(Predicate<String> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return r -> (r.kind() == RequestKind.QUERY || r.kind() == RequestKind.EXECUTE)
                && r.cql() != null && predicate.test(normalize(r.cql()));
    }

    /** QUERY or EXECUTE whose (normalized) statement text contains a match of {@code pattern}. */
    static RequestMatcher queryMatching(Pattern pattern) {
        Objects.requireNonNull(pattern, "pattern");
        return queryMatching(text -> pattern.matcher(text).find());
    }

    /** A PREPARE of {@code cql} (to make preparing fail, or slow). */
    static RequestMatcher prepare(String cql) {
        String expected = normalize(Objects.requireNonNull(cql, "cql"));
        return r -> r.kind() == RequestKind.PREPARE && expected.equals(normalize(r.cql()));
    }

    /** An EXECUTE of the statement with this prepared id, whether the node knows the id or not. */
    static RequestMatcher execute(byte[] preparedId) {
        ByteBuffer expected = ByteBuffer.wrap(preparedId.clone());
        return r -> r.request() instanceof Execute e && expected.equals(e.id());
    }

    /** Any BATCH. */
    static RequestMatcher batch() {
        return kind(RequestKind.BATCH);
    }

    /** A BATCH that passes {@code predicate}. */
    static RequestMatcher batch(Predicate<Batch> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return r -> r.request() instanceof Batch b && predicate.test(b);
    }

    /** Requests that pass {@code predicate}: anything the other factories cannot say. */
    static RequestMatcher where(Predicate<ReceivedRequest> predicate) {
        return predicate::test;
    }

    /** Statement text as matchers compare it: trimmed, inner whitespace runs collapsed to one space. */
    static String normalize(String cql) {
        if (cql == null) {
            return null;
        }
        // every request meets every prime: no regex here, and no copy when the text is normal already
        String s = cql.strip();
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = Character.isWhitespace(c);
            boolean collapse = space && (c != ' ' || Character.isWhitespace(s.charAt(i + 1)));
            if (out == null && collapse) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                if (!space) {
                    out.append(c);
                } else if (out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            }
        }
        return out == null ? s : out.toString();
    }
}
