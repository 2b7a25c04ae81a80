package io.reactivecql.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Allows what netty's own BlockHound integration (4.2.18) forgets: its adaptive allocator, the
 * default one in netty 4.2, takes a {@code StampedLock} for a moment when an event loop grows or
 * frees a shared magazine under contention. That lock guards a few field updates, never I/O, yet
 * BlockHound sees {@code Unsafe.park} and would fail whichever test happens to allocate then (seen
 * in the stub node under 100,000 requests). Loaded by BlockHound through {@link java.util.ServiceLoader}.
 */
public final class NettyAllocatorBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup",
                "tryExpandMagazines");
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
    }
}
