/**
 * Public API: statements. {@link io.reactivecql.api.statement.SimpleStatement} (a CQL string and
 * values), {@link io.reactivecql.api.statement.PreparedStatement} and its
 * {@link io.reactivecql.api.statement.BoundStatement}s, and
 * {@link io.reactivecql.api.statement.BatchStatement}. All statements are immutable and carry
 * their {@link io.reactivecql.api.statement.StatementOptions}.
 */
package io.reactivecql.api.statement;
