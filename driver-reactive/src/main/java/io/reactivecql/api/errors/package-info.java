/**
 * Public API: the driver's exception hierarchy. {@link io.reactivecql.api.errors.DriverException}
 * is the root; server errors extend {@link io.reactivecql.api.errors.ServerException} and carry
 * their protocol fields; the others are driver-side (connection, timeouts, availability).
 */
package io.reactivecql.api.errors;
