package io.reactivecql.samples.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A product catalogue with reviews on Spring WebFlux and the ReactiveCQL driver (no Spring Data):
 * the session is a bean ({@link io.reactivecql.samples.webflux.cassandra.CassandraConfiguration}),
 * the stores run prepared statements, and the controllers return the driver's {@code Mono}s and
 * {@code Flux}es as they are.
 */
@SpringBootApplication
public class CatalogueApplication {

    public static void main(String[] args) {
        SpringApplication.run(CatalogueApplication.class, args);
    }
}
