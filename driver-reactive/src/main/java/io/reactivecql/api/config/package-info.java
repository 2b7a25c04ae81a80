/**
 * Public API: the configuration catalogue. {@link io.reactivecql.api.config.DriverOption} lists
 * every option (path, {@link io.reactivecql.api.config.OptionType type}, bounds, whether profiles
 * may set it and whether a reload applies it, meaning; defaults in the bundled reference file), and
 * {@link io.reactivecql.api.config.DriverOptions} holds typed values. Sources and their precedence:
 * {@link io.reactivecql.api.SessionBuilder} and docs/configuration.md.
 */
package io.reactivecql.api.config;
