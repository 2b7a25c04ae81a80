package io.reactivecql.schema.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of {@link SchemaMetadataManager}. Immutable; start from {@link #defaults()}.
 *
 * @param enabled            whether schema metadata is kept at all; when false the snapshot stays
 *                           {@link Metadata#EMPTY} and nothing is queried
 * @param keyspaces          the keyspaces to keep (internal names); empty for all
 * @param debounceWindow     how long schema events are collected before one refresh
 * @param maxEventsPerWindow a refresh starts as soon as this many events were collected
 * @param retryAttempts      retries of a failed refresh (the old snapshot stays meanwhile)
 * @param retryBackoff       first retry delay, doubled at each retry
 * @param agreementTimeout   how long {@link SchemaMetadataManager#awaitSchemaAgreement()} waits
 * @param agreementInterval  delay between schema version checks
 */
public record SchemaConfig(boolean enabled, Set<String> keyspaces, Duration debounceWindow, int maxEventsPerWindow,
                           int retryAttempts, Duration retryBackoff, Duration agreementTimeout,
                           Duration agreementInterval) {

    public SchemaConfig {
        keyspaces = Set.copyOf(keyspaces);
        Objects.requireNonNull(debounceWindow, "debounceWindow");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(agreementTimeout, "agreementTimeout");
        Objects.requireNonNull(agreementInterval, "agreementInterval");
        if (maxEventsPerWindow < 1) {
            throw new IllegalArgumentException("maxEventsPerWindow must be >= 1, was " + maxEventsPerWindow);
        }
        if (retryAttempts < 0) {
            throw new IllegalArgumentException("retryAttempts must be >= 0, was " + retryAttempts);
        }
    }

    /** Enabled for all keyspaces; 1 s debounce window or 20 events; 5 retries from 100 ms; agreement 10 s / 200 ms. */
    public static SchemaConfig defaults() {
        return new SchemaConfig(true, Set.of(), Duration.ofSeconds(1), 20, 5, Duration.ofMillis(100),
                Duration.ofSeconds(10), Duration.ofMillis(200));
    }

    /** Turns schema metadata on or off. */
    public SchemaConfig withEnabled(boolean on) {
        return new SchemaConfig(on, keyspaces, debounceWindow, maxEventsPerWindow, retryAttempts, retryBackoff,
                agreementTimeout, agreementInterval);
    }

    /** Keeps only these keyspaces (internal names); none for all. */
    public SchemaConfig withKeyspaces(String... names) {
        return new SchemaConfig(enabled, Set.of(names), debounceWindow, maxEventsPerWindow, retryAttempts,
                retryBackoff, agreementTimeout, agreementInterval);
    }

    /** Collects events for {@code window}, or until {@code maxEvents} arrived, before refreshing. */
    public SchemaConfig withDebounce(Duration window, int maxEvents) {
        return new SchemaConfig(enabled, keyspaces, window, maxEvents, retryAttempts, retryBackoff, agreementTimeout,
                agreementInterval);
    }

    /** Retries a failed refresh {@code attempts} times, first after {@code firstBackoff}, then doubling. */
    public SchemaConfig withRetry(int attempts, Duration firstBackoff) {
        return new SchemaConfig(enabled, keyspaces, debounceWindow, maxEventsPerWindow, attempts, firstBackoff,
                agreementTimeout, agreementInterval);
    }

    /** How long to wait for schema agreement, and how often to check. */
    public SchemaConfig withAgreement(Duration timeout, Duration interval) {
        return new SchemaConfig(enabled, keyspaces, debounceWindow, maxEventsPerWindow, retryAttempts, retryBackoff,
                timeout, interval);
    }

    /** Whether keyspace {@code name} (internal form) is kept. */
    public boolean includes(String name) {
        return enabled && (keyspaces.isEmpty() || keyspaces.contains(name));
    }
}
