/**
 * Internal: the session's instrumentation (the tracker chain of metrics, observations, the request
 * logger, the server-warning logger and the user's tracker; byte counting; meter lifecycle). Nothing
 * in this package refers to Micrometer: {@code .micrometer} holds every such reference and is
 * loaded only when a registry is given. Classes are package-private and final where possible; not
 * a public API.
 */
package io.reactivecql.internal.observability;
