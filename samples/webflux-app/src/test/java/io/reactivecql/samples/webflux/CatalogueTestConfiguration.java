package io.reactivecql.samples.webflux;

import io.netty.channel.ChannelOption;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** What the tests add to the application: probes, and a server with small socket send buffers. */
@TestConfiguration(proxyBeanMethods = false)
public class CatalogueTestConfiguration {

    /**
     * Per-connection kernel send buffer of the HTTP server. Left to the kernel, loopback buffers
     * grow to megabytes, which would hold tens of thousands of rows between the driver and a slow
     * client; fixed small, what the server holds is what the application holds (see StreamBackpressureIT).
     */
    public static final int SERVER_SEND_BUFFER = 32 * 1024;

    @Bean
    PageCounter pageCounter() {
        return new PageCounter();
    }

    @Bean
    FinishedSpans finishedSpans() {
        return new FinishedSpans();
    }

    @Bean
    NettyServerCustomizer smallSendBuffers() {
        return server -> server.childOption(ChannelOption.SO_SNDBUF, SERVER_SEND_BUFFER);
    }
}
