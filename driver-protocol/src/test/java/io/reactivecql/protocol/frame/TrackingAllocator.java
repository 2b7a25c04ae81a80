package io.reactivecql.protocol.frame;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A pooled allocator that remembers every buffer it hands out, so that a test can assert that code
 * under test released all of them, right away rather than when the leak detector notices a GC.
 * Pooled buffers share big backing arrays, which also catches code that forgets an array offset.
 */
public final class TrackingAllocator extends AbstractByteBufAllocator {

    private final boolean preferDirect;
    private final List<ByteBuf> allocated = new ArrayList<>();

    public TrackingAllocator(boolean preferDirect) {
        super(preferDirect);
        this.preferDirect = preferDirect;
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        return track(PooledByteBufAllocator.DEFAULT.heapBuffer(initialCapacity, maxCapacity));
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        return track(PooledByteBufAllocator.DEFAULT.directBuffer(initialCapacity, maxCapacity));
    }

    private ByteBuf track(ByteBuf buf) {
        synchronized (allocated) {
            allocated.add(buf);
        }
        return buf;
    }

    @Override
    public boolean isDirectBufferPooled() {
        return true;
    }

    /** The number of buffers handed out so far. */
    public int allocations() {
        synchronized (allocated) {
            return allocated.size();
        }
    }

    /** The number of buffers handed out and not yet released. */
    public int live() {
        synchronized (allocated) {
            return (int) allocated.stream().filter(b -> b.refCnt() > 0).count();
        }
    }

    /** Fails unless every buffer this allocator handed out has been released. */
    public void assertAllReleased() {
        int live = live();
        if (live > 0) {
            fail(live + " of " + allocations() + " buffers from " + this + " are still unreleased");
        }
    }

    @Override
    public String toString() {
        return "TrackingAllocator(" + (preferDirect ? "direct" : "heap") + ")";
    }
}
