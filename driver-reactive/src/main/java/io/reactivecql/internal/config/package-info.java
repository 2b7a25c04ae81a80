/**
 * Internal: configuration loading. {@link io.reactivecql.internal.config.ConfigLayers} reads the
 * reference file, properties files and resources and system properties;
 * {@link io.reactivecql.internal.config.OptionParser} checks and converts values;
 * {@link io.reactivecql.internal.config.ConfigResolver} merges the sources in order of precedence
 * and builds the session's settings and policies; {@link io.reactivecql.internal.config.ConfigBindings}
 * maps options to {@code DriverConfig} fields; {@link io.reactivecql.internal.config.OptionReference}
 * renders the catalogue as Markdown. Not public API (classes are public only for the API package
 * and the session factory to reach them).
 */
package io.reactivecql.internal.config;
