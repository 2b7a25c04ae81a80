/**
 * The HTTP API: controllers, request bodies and their validation, the translation of errors into
 * problem details, and the codec setup (the ndjson writer).
 */
package io.reactivecql.samples.webflux.web;
