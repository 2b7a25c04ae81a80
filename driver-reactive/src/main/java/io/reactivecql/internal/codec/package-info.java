/**
 * Internal: the codec registry implementation and value binding (encoding statement values with
 * the session's codecs, with errors that name the column and the types). Not public API.
 */
package io.reactivecql.internal.codec;
