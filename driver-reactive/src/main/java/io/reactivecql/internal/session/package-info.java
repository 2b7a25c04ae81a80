/**
 * Internal: the session implementation, its factory (contact points, pool, context) and the
 * prepared statement cache. Not public API.
 */
package io.reactivecql.internal.session;
