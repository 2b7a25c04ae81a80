/**
 * Public SPI through which modules above the driver (driver-schema's metadata, and user code)
 * plug into a session: a {@link io.reactivecql.api.extension.SessionExtensionProvider} is found with
 * {@link java.util.ServiceLoader} (or given to {@code SessionBuilder.withExtension}), attaches to
 * each cluster session as it connects through the session's
 * {@link io.reactivecql.api.extension.ControlChannel}, and is reached later with
 * {@code ReactiveSession.extension(Class)}. Implementations must not block: they run on driver
 * threads.
 */
package io.reactivecql.api.extension;
