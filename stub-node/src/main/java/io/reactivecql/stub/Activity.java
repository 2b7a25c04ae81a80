package io.reactivecql.stub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What a node saw: every request it decoded and every connection it accepted or lost. Recorded
 * on the event loops without blocking; read from any thread.
 *
 * <p>The {@code await...} methods block the calling thread (a test thread, never an event loop)
 * until the condition holds, and throw {@link AssertionError} naming what was seen when it does
 * not within the timeout.
 */
public final class Activity {

    private final ConcurrentLinkedQueue<ReceivedRequest> requests = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Integer> rejectedVersions = new ConcurrentLinkedQueue<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    /** Completed, and replaced, on every change: what waiting threads block on. */
    private final AtomicReference<CompletableFuture<Void>> changed = new AtomicReference<>(new CompletableFuture<>());

    Activity() {
    }

    // ---------------------------------------------------------------- recording (event loops)

    void recordRequest(ReceivedRequest request) {
        requests.add(request);
        signal();
    }

    void recordRejectedVersion(int version) {
        rejectedVersions.add(version);
        signal();
    }

    void recordOpened() {
        opened.incrementAndGet();
        signal();
    }

    void recordClosed() {
        closed.incrementAndGet();
        signal();
    }

    private void signal() {
        changed.getAndSet(new CompletableFuture<>()).complete(null);
    }

    // ---------------------------------------------------------------- reading

    /** Every request received, in arrival order. */
    public List<ReceivedRequest> requests() {
        return new ArrayList<>(requests);
    }

    /** The requests {@code matcher} selects, in arrival order. */
    public List<ReceivedRequest> requests(RequestMatcher matcher) {
        List<ReceivedRequest> out = new ArrayList<>();
        for (ReceivedRequest r : requests) {
            if (matcher.matches(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** How many requests {@code matcher} selects. */
    public int count(RequestMatcher matcher) {
        return requests(matcher).size();
    }

    /** How many requests of {@code kind} arrived. */
    public int count(RequestKind kind) {
        return count(RequestMatcher.kind(kind));
    }

    /** How many QUERY or EXECUTE requests ran the statement {@code cql}. */
    public int count(String cql) {
        return count(RequestMatcher.query(cql));
    }

    /** The statement text of every QUERY, PREPARE and EXECUTE, in arrival order. */
    public List<String> statements() {
        List<String> out = new ArrayList<>();
        for (ReceivedRequest r : requests) {
            if (r.cql() != null) {
                out.add(r.cql());
            }
        }
        return out;
    }

    /** The distinct stream ids seen, in order of first use. */
    public Set<Integer> streamIds() {
        Set<Integer> ids = new LinkedHashSet<>();
        for (ReceivedRequest r : requests) {
            ids.add(r.streamId());
        }
        return ids;
    }

    /**
     * The protocol versions of the connection attempts refused with "Invalid or unsupported
     * protocol version", in order: a driver negotiating down from v5 shows up here.
     */
    public List<Integer> rejectedVersions() {
        return new ArrayList<>(rejectedVersions);
    }

    /** Connections accepted so far. */
    public int connectionsOpened() {
        return opened.get();
    }

    /** Connections closed so far, by either side. */
    public int connectionsClosed() {
        return closed.get();
    }

    /** Connections open now. */
    public int openConnections() {
        return opened.get() - closed.get();
    }

    /** Forgets the requests recorded so far (connection counts stay). */
    public void clearRequests() {
        requests.clear();
    }

    // ---------------------------------------------------------------- waiting (test threads)

    /** Waits until at least {@code n} requests have arrived; returns all of them. */
    public List<ReceivedRequest> awaitRequests(int n, Duration timeout) {
        await(() -> requests.size() >= n, timeout, () -> "at least " + n + " requests, got " + requests());
        return requests();
    }

    /** Waits until {@code matcher} selects at least {@code n} requests; returns them. */
    public List<ReceivedRequest> awaitRequests(RequestMatcher matcher, int n, Duration timeout) {
        await(() -> count(matcher) >= n, timeout,
                () -> "at least " + n + " matching requests, got " + requests(matcher) + " among " + requests());
        return requests(matcher);
    }

    /** Waits for the first request {@code matcher} selects and returns it. */
    public ReceivedRequest awaitRequest(RequestMatcher matcher, Duration timeout) {
        return awaitRequests(matcher, 1, timeout).get(0);
    }

    /** Waits until exactly {@code n} connections are open. */
    public void awaitOpenConnections(int n, Duration timeout) {
        await(() -> openConnections() == n, timeout, () -> n + " open connections, have " + openConnections());
    }

    /** Waits until at least {@code n} connections have been closed since the node started. */
    public void awaitConnectionsClosed(int n, Duration timeout) {
        await(() -> connectionsClosed() >= n, timeout,
                () -> "at least " + n + " closed connections, have " + connectionsClosed());
    }

    /**
     * Blocks until {@code condition} holds, re-checking it after every recorded event.
     *
     * @throws AssertionError when it still does not hold after {@code timeout}
     */
    public void await(BooleanSupplier condition, Duration timeout, Supplier<String> expectation) {
        Objects.requireNonNull(condition, "condition");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            CompletableFuture<Void> next = changed.get();
            if (condition.getAsBoolean()) {
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + expectation.get());
            }
            try {
                next.get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException ignored) {
                // the loop checks once more, then reports
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + expectation.get(), e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
