/**
 * Internal: the only classes of the driver that refer to Micrometer (meters, observations). They
 * are loaded only when the application gives a registry, so the driver runs without Micrometer on
 * its classpath. Not a public API.
 */
package io.reactivecql.internal.observability.micrometer;
