/**
 * Who may do what: reader tokens (HS256, kept by the widget), host-site sign-in by JWT, staff
 * sign-in with PBKDF2-hashed passwords and a session cookie, CSRF on cookie-authenticated writes,
 * CORS for each site's allowed origins, rate limits and idempotency keys.
 */
package org.parley.web.security;
