package io.reactivecql.mapper.api;

import java.util.Optional;

/**
 * The outcome of a conditional write (a lightweight transaction): whether it was applied, the
 * entity as written, and, when not applied, the row that stopped it (as far as the server returned
 * it: the columns of the failed conditions, or the whole row for {@code IF NOT EXISTS}).
 *
 * @param applied  whether the write was applied (always true for unconditional writes)
 * @param entity   the entity that was written (for a {@link Version}ed entity, with its new version)
 * @param existing when not applied, the current row as an entity (columns the server did not return
 *                 are left at their defaults); empty otherwise or when there is no row
 * @param <T>      the entity type
 */
public record WriteResult<T>(boolean applied, T entity, Optional<T> existing) {

    public WriteResult {
        existing = existing == null ? Optional.empty() : existing;
    }

    /** Whether the write was applied. */
    public boolean wasApplied() {
        return applied;
    }
}
