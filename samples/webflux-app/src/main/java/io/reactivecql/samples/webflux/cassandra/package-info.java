/**
 * The Cassandra side of the application: settings, the session bean and its lifecycle, the mapper
 * and repositories, the schema, the health indicator.
 */
package io.reactivecql.samples.webflux.cassandra;
