/**
 * The catalogue: entities mapped to tables, the stores the controllers use (interfaces, and their
 * implementations on the mapper's repositories), and the domain errors they signal.
 */
package io.reactivecql.samples.webflux.catalogue;
