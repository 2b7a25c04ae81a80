/**
 * A product catalogue on Spring WebFlux and ReactiveCQL: a sample application, not a library.
 * {@code cassandra} wires the session, mapper and repositories; {@code catalogue} holds the entities
 * and the stores; {@code web} the controllers and the HTTP error translation.
 */
package io.reactivecql.samples.webflux;
