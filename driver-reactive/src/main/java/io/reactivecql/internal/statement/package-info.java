/**
 * Internal: the driver-created statements (prepared, bound, and the bound statement builder).
 * Not public API.
 */
package io.reactivecql.internal.statement;
