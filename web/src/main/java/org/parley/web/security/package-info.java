/**
 * Who may do what: reader tokens (HS256, kept by the widget), host-site sign-in by JWT, staff
 * sign-in with PBKDF2-hashed passwords and a session cookie, CSRF on cookie-authenticated writes,
 * CORS for each site's allowed origins, rate limits and idempotency keys. Per-address limits count
 * the client address behind the configured number of trusted proxies ({@link
 * org.parley.web.security.Authentication#clientAddress}); limiter state lives behind
 * {@link org.parley.web.security.LimiterStore}: in memory per instance, or on Payara's data grid
 * when it runs ({@code org.parley.web.cluster.GridBuckets}), shared by every instance.
 */
package org.parley.web.security;
