package org.parley.web.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.parley.core.account.Account;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.platform.Passwords;
import org.parley.web.platform.Settings;
import org.parley.web.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Establishes the {@link Caller} of every API request: a reader token ({@code Authorization:
 * Bearer}), HTTP Basic for staff scripts, or the staff session cookie. Presented credentials that
 * do not verify are refused with 401 at once rather than silently ignored.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class Authentication implements ContainerRequestFilter {

    static final String SESSION_STAFF = "org.parley.staff";
    static final String SESSION_CSRF = "org.parley.csrf";
    private static final Duration BASIC_CACHE = Duration.ofMinutes(5);

    /** Verified Basic credentials (SHA-256 of user:password) so scripts do not pay PBKDF2 per request. */
    private static final Map<String, CachedStaff> BASIC = new ConcurrentHashMap<>();

    private record CachedStaff(StaffMember member, Instant until) { }

    @Context
    HttpServletRequest servletRequest;

    @Inject
    ParleyRuntime runtime;

    @Inject
    Passwords passwords;

    @Inject
    Settings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        String address = clientAddress(servletRequest, settings.trustForwardedFor());
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Caller caller;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ReaderIdentity reader = runtime.tokens().verify(authorization.substring(7).strip(), runtime.clock().instant())
                    .orElseThrow(() -> ProblemException.unauthenticated(
                            "The reader token is invalid or expired; sign in again or continue without it."));
            caller = new Caller(reader, null, false, address);
        } else if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            caller = new Caller(null, basic(authorization.substring(6).strip()), false, address);
        } else {
            HttpSession session = servletRequest.getSession(false);
            StaffMember staff = session == null ? null : (StaffMember) session.getAttribute(SESSION_STAFF);
            caller = new Caller(null, staff, staff != null, address);
        }
        request.setProperty(Caller.ATTRIBUTE, caller);
    }

    private StaffMember basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unauthenticated("Malformed Basic credentials.");
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            throw ProblemException.unauthenticated("Malformed Basic credentials.");
        }
        String key = sha256(decoded);
        Instant now = runtime.clock().instant();
        CachedStaff cached = BASIC.get(key);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.member();
        }
        StaffMember member = verify(decoded.substring(0, colon), decoded.substring(colon + 1))
                .orElseThrow(() -> ProblemException.unauthenticated("Wrong username or password."));
        if (BASIC.size() > 1000) {
            BASIC.clear();
        }
        BASIC.put(key, new CachedStaff(member, now.plus(BASIC_CACHE)));
        return member;
    }

    /** The enabled account with these credentials, if any. */
    Optional<StaffMember> verify(String username, String password) {
        return verify(runtime, passwords, username, password);
    }

    static Optional<StaffMember> verify(ParleyRuntime runtime, Passwords passwords, String username, String password) {
        Optional<Account> account = runtime.core().accounts().findByUsername(username);
        if (account.isEmpty() || !account.get().enabled() || !passwords.matches(password, account.get().passwordHash())) {
            return Optional.empty();
        }
        Account a = account.get();
        return Optional.of(new StaffMember(a.id(), a.username(), a.role(), a.siteKey()));
    }

    /** The client's address: the socket peer, or the first {@code X-Forwarded-For} hop behind a trusted proxy. */
    public static String clientAddress(HttpServletRequest request, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].strip();
            }
        }
        return request.getRemoteAddr();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
