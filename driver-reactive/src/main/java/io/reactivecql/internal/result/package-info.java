/**
 * Internal: rows decoded lazily from a page's backing array
 * ({@link io.reactivecql.internal.result.RowShape}, the row and page implementations). Not public API.
 */
package io.reactivecql.internal.result;
