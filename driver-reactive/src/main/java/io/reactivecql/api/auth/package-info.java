/** Public API: authentication SPI ({@link io.reactivecql.api.auth.AuthProvider}) and SASL PLAIN. */
package io.reactivecql.api.auth;
