package org.parley.web.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.platform.Settings;
import org.parley.web.problem.ProblemException;

/**
 * Establishes the {@link Caller} of every API request: a reader token ({@code Authorization:
 * Bearer}), HTTP Basic for staff scripts, or the staff session cookie. Presented credentials that
 * do not verify are refused with 401 at once rather than silently ignored.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class Authentication implements ContainerRequestFilter {

    /** Request properties: the caller's staff session ({@link StaffSessions.Session}) and its id, when signed in by cookie. */
    static final String SESSION = "org.parley.staff-session";

    static final String SESSION_ID = "org.parley.staff-session-id";
    private static final Duration BASIC_CACHE = Duration.ofMinutes(5);

    /** Verified Basic credentials (SHA-256 of user:password) so scripts do not pay PBKDF2 per request. */
    private static final Map<String, CachedStaff> BASIC = new ConcurrentHashMap<>();

    private record CachedStaff(StaffMember member, Instant until) {}

    @Context
    HttpServletRequest servletRequest;

    @Inject
    ParleyRuntime runtime;

    @Inject
    Settings settings;

    @Inject
    StaffLogin login;

    @Override
    public void filter(ContainerRequestContext request) {
        String address = clientAddress(servletRequest, settings.trustedProxies());
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Caller caller;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ReaderIdentity reader = runtime.tokens()
                    .verify(authorization.substring(7).strip(), runtime.clock().instant())
                    .orElseThrow(() -> ProblemException.unauthenticated(
                            "The reader token is invalid or expired; sign in again or continue without it."));
            caller = new Caller(reader, null, false, address);
        } else if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            caller = new Caller(null, basic(authorization.substring(6).strip(), address), false, address);
        } else {
            StaffMember staff = null;
            Cookie cookie = request.getCookies().get(StaffSessions.COOKIE);
            if (cookie != null && !cookie.getValue().isEmpty()) {
                StaffSessions sessions = runtime.staffSessions();
                StaffSessions.Session session = sessions.find(cookie.getValue()).orElse(null);
                StaffMember now =
                        session == null ? null : login.current(session.member()).orElse(null);
                if (session != null && now == null) {
                    sessions.remove(cookie.getValue());
                } else if (session != null) {
                    if (!now.equals(session.member())) {
                        session = new StaffSessions.Session(now, session.csrf());
                        sessions.replace(cookie.getValue(), session);
                    }
                    request.setProperty(SESSION, session);
                    request.setProperty(SESSION_ID, cookie.getValue());
                }
                staff = now;
            }
            caller = new Caller(null, staff, staff != null, address);
        }
        request.setProperty(Caller.ATTRIBUTE, caller);
    }

    /**
     * The staff member these Basic credentials name. Credentials verified within the last few
     * minutes are answered from a cache; every other attempt goes through {@link StaffLogin}, under
     * the same limits as the login form.
     */
    private StaffMember basic(String encoded, String address) {
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
            Optional<StaffMember> current = login.current(cached.member());
            if (current.isPresent()) {
                return current.get();
            }
            BASIC.remove(key);
        }
        StaffMember member = login.verify(decoded.substring(0, colon), decoded.substring(colon + 1), address);
        if (BASIC.size() > 1000) {
            BASIC.clear();
        }
        BASIC.put(key, new CachedStaff(member, now.plus(BASIC_CACHE)));
        return member;
    }

    /**
     * The client's address. With no trusted proxies, the socket peer. Behind {@code trustedProxies}
     * proxies that each append the address they received from to {@code X-Forwarded-For}, the
     * address the outermost trusted proxy appended: counting the socket peer as the last hop, the
     * {@code trustedProxies}-th hop from the right. Everything left of it was written by the client
     * and is ignored; with fewer hops than proxies, the leftmost one (all of them came from proxies).
     */
    public static String clientAddress(HttpServletRequest request, int trustedProxies) {
        return network(clientAddress(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"), trustedProxies));
    }

    private static final Pattern IPV6 = Pattern.compile("\\[?([0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)(%[^\\]]*)?\\]?(:\\d+)?");
    private static final Pattern IPV4_PORT = Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3}):\\d+");

    /**
     * What per-address limits count by: an IPv4 address as it is, an IPv6 address as its /64
     * network (one subscriber gets a whole /64 and could otherwise take a fresh address per
     * request); a port some proxies append is dropped. Anything else is kept as written.
     */
    static String network(String address) {
        Matcher v4 = IPV4_PORT.matcher(address);
        if (v4.matches()) {
            return v4.group(1);
        }
        Matcher v6 = IPV6.matcher(address);
        if (!v6.matches()) {
            return address;
        }
        try {
            // A literal containing ':' is parsed, never looked up in DNS.
            byte[] bytes = InetAddress.getByName(v6.group(1)).getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    static String clientAddress(String peer, Enumeration<String> forwardedHeaders, int trustedProxies) {
        if (trustedProxies <= 0 || forwardedHeaders == null) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        while (forwardedHeaders.hasMoreElements()) {
            for (String hop : forwardedHeaders.nextElement().split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        hops.add(peer);
        return hops.get(Math.max(0, hops.size() - 1 - trustedProxies));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
