package org.parley.web.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.core.account.AccountRole;

/**
 * Signed-in staff sessions: an unguessable id in the {@code PARLEY_SESSION} cookie names a staff
 * member and the session's CSRF token. Parley keeps them itself rather than in the servlet
 * container's session, so that a cluster shares them through the same data grid as its other
 * state ({@code cluster.GridStaffSessions}) and a sign-out ends the session on every instance at
 * once. (Payara's replicated web sessions also send a session-version cookie that Payara itself
 * cannot read back for an application at the root context: every later request failed with 500.)
 * A session ends {@link #IDLE} after its last use, or on sign-out.
 */
public interface StaffSessions {

    /** The cookie that carries the session id. */
    String COOKIE = "PARLEY_SESSION";

    /** Idle time after which a session ends (8 hours, a moderator's shift). */
    Duration IDLE = Duration.ofHours(8);

    /** One session: who signed in, and the token their writes must echo. */
    record Session(StaffMember member, String csrf) {

        /** The session as one string for a shared store: no application class ever crosses the grid. */
        public String encode() {
            return String.join(
                    "\u0000",
                    Long.toString(member.accountId()),
                    member.username(),
                    member.role().name(),
                    member.siteKey() == null ? "" : member.siteKey(),
                    member.credential(),
                    csrf);
        }

        public static Session decode(String value) {
            List<String> p = List.of(value.split("\u0000", -1));
            return new Session(
                    new StaffMember(
                            Long.parseLong(p.get(0)),
                            p.get(1),
                            AccountRole.valueOf(p.get(2)),
                            p.get(3).isEmpty() ? null : p.get(3),
                            p.get(4)),
                    p.get(5));
        }
    }

    /** Stores {@code session} under a new id, which it answers. */
    String create(Session session);

    /** The live session {@code id} names (its idle time starts again), or empty. */
    Optional<Session> find(String id);

    /** Replaces the session {@code id} names (e.g. the member's role changed), if it still exists. */
    void replace(String id, Session session);

    /** Ends the session {@code id} names, everywhere. */
    void remove(String id);

    /** A new session id: 32 random bytes, base64url. */
    static String newId() {
        byte[] bytes = new byte[32];
        Holder.RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Sessions in this instance's memory (one instance, no data grid). */
    final class Local implements StaffSessions {

        private record Entry(Session session, Instant lastUsed) {}

        private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
        private final Clock clock;

        public Local(Clock clock) {
            this.clock = clock;
        }

        @Override
        public String create(Session session) {
            Instant now = clock.instant();
            sessions.values().removeIf(e -> e.lastUsed().plus(IDLE).isBefore(now));
            String id = newId();
            sessions.put(id, new Entry(session, now));
            return id;
        }

        @Override
        public Optional<Session> find(String id) {
            Instant now = clock.instant();
            Entry entry = sessions.computeIfPresent(
                    id, (k, e) -> e.lastUsed().plus(IDLE).isBefore(now) ? null : new Entry(e.session(), now));
            return Optional.ofNullable(entry).map(Entry::session);
        }

        @Override
        public void replace(String id, Session session) {
            sessions.computeIfPresent(id, (k, e) -> new Entry(session, e.lastUsed()));
        }

        @Override
        public void remove(String id) {
            sessions.remove(id);
        }
    }

    /** The random source of session ids, made once. */
    final class Holder {
        static final SecureRandom RANDOM = new SecureRandom();

        private Holder() {}
    }
}
