package io.reactivecql.samples.webflux;

import io.netty.util.Version;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.http.server.HttpServer;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot's BOM manages Reactor and netty too (Boot 4.1.2: reactor 2025.0.8, netty 4.2.19);
 * this application must run on the versions the driver is built and tested with (the root pom's
 * {@code reactor-bom.version} and {@code netty-bom.version}), which its pom imports first.
 */
class DependencyVersionsTest {

    @Test
    void theDriversReactorAndNettyWin() {
        String reactorTrain = System.getProperty("reactivecql.reactor-bom.version");
        String nettyVersion = System.getProperty("reactivecql.netty-bom.version");
        assertThat(reactorTrain).as("set by the pom").isNotBlank();
        // the 2025.0.N release train is reactor-core 3.8.N and reactor-netty 1.3.N
        String patch = reactorTrain.substring(reactorTrain.lastIndexOf('.') + 1);
        assertThat(reactorTrain).startsWith("2025.0.");
        assertThat(Flux.class.getPackage().getImplementationVersion()).isEqualTo("3.8." + patch);
        assertThat(HttpServer.class.getPackage().getImplementationVersion()).isEqualTo("1.3." + patch);

        Map<String, String> netty = new TreeMap<>();
        Version.identify().forEach((artifact, version) -> netty.put(artifact, version.artifactVersion()));
        assertThat(netty).isNotEmpty().containsKeys("netty-common", "netty-buffer", "netty-transport",
                "netty-codec-http", "netty-handler");
        assertThat(netty.values()).as("every netty jar: %s", netty).containsOnly(nettyVersion);
    }
}
