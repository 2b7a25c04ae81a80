package io.reactivecql.internal.connection;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The stream-id allocator, alone and under contention. A connection's {@link StreamIds} belong to
 * its event loop: requests from other threads reach it through the loop's task queue, so the cost
 * of contention is that hand-off, not a lock. Measured here (in the allocator's package, since it
 * is package-private):
 * <ul>
 *   <li>{@code confined}: acquire and release with 256 ids held, on one thread (the event loop's
 *       own cost per request);</li>
 *   <li>{@code handoff}: 4 threads each hand "acquire an id, release the one taken 256 requests
 *       ago" to one event loop, at most 1,024 tasks outstanding (the full cost of our design when
 *       every request comes from a foreign thread);</li>
 *   <li>{@code sharedAtomic}: the alternative design, a lock-free bitmap of 32,768 ids that the 4
 *       threads take from and give back to directly with CAS.</li>
 * </ul>
 * Time per op is per id. On 2 cores, 4 threads also measure the scheduler; compare the designs
 * with each other, not with the single-thread figure.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class StreamIdBenchmark {

    private static final int HELD = 256;

    /** One connection's ids, used by one thread. */
    @State(Scope.Thread)
    public static class Confined {
        final StreamIds ids = new StreamIds(32_768);
        final int[] held = new int[HELD];
        int next;

        @Setup(Level.Iteration)
        public void fill() {
            while (ids.available() < 32_768) {
                ids.release(held[next]);
                next = (next + 1) % HELD;
            }
            for (int i = 0; i < HELD; i++) {
                held[i] = ids.acquire();
            }
            next = 0;
        }
    }

    @Benchmark
    public int confined(Confined s) {
        s.ids.release(s.held[s.next]);
        int id = s.ids.acquire();
        s.held[s.next] = id;
        s.next = (s.next + 1) % HELD;
        return id;
    }

    /** One event loop owning the ids; foreign threads hand it work. */
    @State(Scope.Group)
    public static class Loop {
        EventLoop loop;
        final Semaphore outstanding = new Semaphore(1024);
        final Confined ids = new Confined();
        Runnable task;

        @Setup(Level.Trial)
        public void start() {
            loop = new DefaultEventLoop();
            ids.fill();
            task = () -> {
                ids.ids.release(ids.held[ids.next]);
                ids.held[ids.next] = ids.ids.acquire();
                ids.next = (ids.next + 1) % HELD;
                outstanding.release();
            };
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    @Benchmark
    @Group("handoff")
    @GroupThreads(4)
    public void handoff(Loop s) throws InterruptedException {
        s.outstanding.acquire();
        s.loop.execute(s.task);
    }

    /** A lock-free allocator shared by every thread: a bitmap of 32,768 ids, claimed with CAS. */
    @State(Scope.Group)
    public static class Shared {
        final AtomicLongArray words = new AtomicLongArray(32_768 / 64);

        int acquire(int hint) {
            int n = words.length();
            for (int k = 0; k < n; k++) {
                int w = (hint + k) % n;
                long bits = words.get(w);
                while (bits != -1L) {
                    int bit = Long.numberOfTrailingZeros(~bits);
                    if (words.compareAndSet(w, bits, bits | (1L << bit))) {
                        return w * 64 + bit;
                    }
                    bits = words.get(w);
                }
            }
            return -1;
        }

        void release(int id) {
            int w = id >>> 6;
            long mask = 1L << (id & 63);
            long bits;
            do {
                bits = words.get(w);
            } while (!words.compareAndSet(w, bits, bits & ~mask));
        }
    }

    /** Each thread holds 64 ids of the shared allocator, as requests in flight. */
    @State(Scope.Thread)
    public static class SharedHolder {
        final int[] held = new int[64];
        int next;
        int hint;

        @Setup(Level.Iteration)
        public void fill(Shared shared) {
            for (int i = 0; i < held.length; i++) {
                if (held[i] > 0) {
                    shared.release(held[i] - 1);
                }
                held[i] = shared.acquire(hint) + 1; // 0 means "none"
            }
        }
    }

    @Benchmark
    @Group("sharedAtomic")
    @GroupThreads(4)
    public int sharedAtomic(Shared shared, SharedHolder mine) {
        shared.release(mine.held[mine.next] - 1);
        int id = shared.acquire(mine.hint);
        mine.hint = id >>> 6;
        mine.held[mine.next] = id + 1;
        mine.next = (mine.next + 1) % mine.held.length;
        return id;
    }
}
