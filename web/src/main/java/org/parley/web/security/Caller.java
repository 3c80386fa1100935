package org.parley.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.parley.core.account.AccountRole;
import org.parley.web.problem.ProblemException;

/**
 * Who sent the current request, as the authentication filter established it: nobody, a reader (by
 * reader token), or a staff member (by session cookie or HTTP Basic). Resources read it with
 * {@link #of(HttpServletRequest)} and demand what they need. {@code address} is what per-address
 * limits count by: the client address behind the trusted proxies, an IPv6 one as its /64 network.
 */
public record Caller(ReaderIdentity reader, StaffMember staff, boolean viaCookie, String address) {

    static final String ATTRIBUTE = "org.parley.caller";

    public static Caller of(HttpServletRequest request) {
        Object caller = request.getAttribute(ATTRIBUTE);
        if (caller instanceof Caller c) {
            return c;
        }
        return new Caller(null, null, false, request.getRemoteAddr());
    }

    public boolean isReader() {
        return reader != null;
    }

    /** The reader on {@code site}; 401 without a token, 403 with a token of another site. */
    public ReaderIdentity requireReader(String site) {
        if (reader == null) {
            throw ProblemException.unauthenticated("Send the reader token as Authorization: Bearer <token>.");
        }
        if (!reader.site().equals(site)) {
            throw ProblemException.forbidden("This reader token belongs to another site.");
        }
        return reader;
    }

    /** The staff member with at least {@code role}; 401 without credentials, 403 otherwise. */
    public StaffMember requireStaff(AccountRole role) {
        if (staff == null) {
            if (reader != null) {
                throw ProblemException.forbidden("Readers may not use moderation endpoints.");
            }
            throw ProblemException.unauthenticated("Sign in as a moderator (POST /api/v1/auth/login).");
        }
        if (!staff.has(role)) {
            throw ProblemException.forbidden("This needs the " + role.name().toLowerCase(Locale.ROOT) + " role.");
        }
        return staff;
    }

    /** The staff member, allowed to act on {@code site}. */
    public StaffMember requireStaff(AccountRole role, String site) {
        StaffMember member = requireStaff(role);
        if (site != null && !member.covers(site)) {
            throw ProblemException.forbidden("You do not moderate the site " + site + ".");
        }
        return member;
    }
}
