/**
 * Public API: the session. {@link io.reactivecql.api.ReactiveSession} (built by
 * {@link io.reactivecql.api.SessionBuilder}), its {@link io.reactivecql.api.DriverConfig},
 * {@link io.reactivecql.api.Compression}, the {@link io.reactivecql.api.RequestTracker} SPI and
 * the {@link io.reactivecql.api.Uuids} helper. Statements are in
 * {@link io.reactivecql.api.statement}, results in {@link io.reactivecql.api.result}, codecs in
 * {@link io.reactivecql.api.codec}, errors in {@link io.reactivecql.api.errors}.
 */
package io.reactivecql.api;
