package io.reactivecql.stub;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The primes of one node. The newest matching prime with uses left answers a request; when none
 * does, the node answers as {@link Reply#standard()} says. Thread-safe: prime from the test thread
 * while the node serves requests on its event loop.
 */
public final class Script {

    private final CopyOnWriteArrayList<Prime> primes = new CopyOnWriteArrayList<>();
    private final Consumer<Throwable> problems;

    Script(Consumer<Throwable> problems) {
        this.problems = problems;
    }

    /** Starts a prime for the requests {@code matcher} selects. */
    public PrimeBuilder when(RequestMatcher matcher) {
        return new PrimeBuilder(this, matcher);
    }

    /** Starts a prime for the statement {@code cql}: {@code when(RequestMatcher.query(cql))}. */
    public PrimeBuilder when(String cql) {
        return when(RequestMatcher.query(cql));
    }

    /** The installed primes, oldest first. */
    public List<Prime> primes() {
        return Collections.unmodifiableList(new ArrayList<>(primes));
    }

    /** Removes every prime. */
    public void clear() {
        primes.clear();
    }

    void add(Prime prime) {
        primes.add(prime);
    }

    void remove(Prime prime) {
        primes.remove(prime);
    }

    /** The newest prime that matches and has a use left, which it gives up; null when none. */
    Prime claim(ReceivedRequest request) {
        Prime[] snapshot = primes.toArray(new Prime[0]);
        for (int i = snapshot.length - 1; i >= 0; i--) {
            if (matches(snapshot[i], request) && snapshot[i].claim()) {
                return snapshot[i];
            }
        }
        return null;
    }

    /** The newest prime that matches, without using it up (PREPARE borrows a statement's metadata). */
    Prime peek(ReceivedRequest request) {
        Prime[] snapshot = primes.toArray(new Prime[0]);
        for (int i = snapshot.length - 1; i >= 0; i--) {
            if (!snapshot[i].isExhausted() && matches(snapshot[i], request)) {
                return snapshot[i];
            }
        }
        return null;
    }

    private boolean matches(Prime prime, ReceivedRequest request) {
        try {
            return prime.matcher().matches(request);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            problems.accept(new IllegalStateException("matcher of " + prime + " threw on " + request, e));
            return false;
        }
    }
}
