/** Internal: the lock-free request concurrency limiter behind request throttling. Not public API. */
package io.reactivecql.internal.policy.throttling;
