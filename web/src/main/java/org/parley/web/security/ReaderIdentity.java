package org.parley.web.security;

import java.time.Instant;

/**
 * Who a reader token says the caller is: an author of one site, a guest or a reader the host site
 * signed in. Only {@link ReaderTokens} creates it from a verified token.
 *
 * @param authorId  core's author id (opaque)
 * @param site      the site the author belongs to; the token is refused on any other site
 * @param name      display name
 * @param kind      {@code guest} or {@code sso}
 * @param expiresAt when the token stops being accepted
 */
public record ReaderIdentity(String authorId, String site, String name, String kind, Instant expiresAt) {}
