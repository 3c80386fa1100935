package org.parley.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.core.account.AccountRole;

class StaffSessionsTest {

    private static final StaffMember MODERATOR =
            new StaffMember(7, "mia", AccountRole.MODERATOR, "demo", "00ff00ff00ff00ff");
    private static final StaffMember ADMIN =
            new StaffMember(1, "admin", AccountRole.ADMINISTRATOR, null, "0123456789abcdef");

    /** A clock the test moves. */
    private static final class Hands extends Clock {
        Instant now = Instant.parse("2026-11-29T12:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aSessionIsFoundByItsIdUntilRemoved() {
        StaffSessions sessions = new StaffSessions.Local(Clock.systemUTC());
        String id = sessions.create(new StaffSessions.Session(MODERATOR, "csrf-1"));
        String other = sessions.create(new StaffSessions.Session(MODERATOR, "csrf-2"));
        assertNotEquals(id, other, "every sign-in gets a new id");
        assertTrue(id.length() >= 43, "32 random bytes: " + id);
        assertEquals(Optional.of(new StaffSessions.Session(MODERATOR, "csrf-1")), sessions.find(id));
        sessions.remove(id);
        assertEquals(Optional.empty(), sessions.find(id));
        assertEquals("csrf-2", sessions.find(other).orElseThrow().csrf());
        assertEquals(Optional.empty(), sessions.find("made-up"));
    }

    @Test
    void aSessionEndsAfterEightIdleHoursAndUseKeepsItAlive() {
        Hands clock = new Hands();
        StaffSessions sessions = new StaffSessions.Local(clock);
        String used = sessions.create(new StaffSessions.Session(MODERATOR, "a"));
        String idle = sessions.create(new StaffSessions.Session(ADMIN, "b"));
        clock.now = clock.now.plus(StaffSessions.IDLE.minus(Duration.ofMinutes(1)));
        assertTrue(sessions.find(used).isPresent());
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertTrue(sessions.find(used).isPresent(), "used a minute ago");
        assertEquals(Optional.empty(), sessions.find(idle), "idle for eight hours and a minute");
    }

    @Test
    void replaceKeepsTheIdAndTheToken() {
        StaffSessions sessions = new StaffSessions.Local(Clock.systemUTC());
        String id = sessions.create(new StaffSessions.Session(MODERATOR, "t"));
        StaffMember promoted = new StaffMember(7, "mia", AccountRole.ADMINISTRATOR, null, "00ff00ff00ff00ff");
        sessions.replace(id, new StaffSessions.Session(promoted, "t"));
        assertEquals(promoted, sessions.find(id).orElseThrow().member());
        sessions.remove(id);
        sessions.replace(id, new StaffSessions.Session(MODERATOR, "t"));
        assertEquals(Optional.empty(), sessions.find(id), "a removed session does not come back");
    }

    @Test
    void theSharedFormRoundTripsEveryField() {
        for (StaffSessions.Session s : new StaffSessions.Session[] {
            new StaffSessions.Session(MODERATOR, "x-Y_z"), new StaffSessions.Session(ADMIN, "token")
        }) {
            assertEquals(s, StaffSessions.Session.decode(s.encode()));
        }
    }
}
