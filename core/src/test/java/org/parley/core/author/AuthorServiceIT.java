package org.parley.core.author;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.NotFoundException;
import org.parley.core.ValidationException;
import org.parley.core.testing.Database;
import org.parley.core.testing.DatabaseIT;
import org.parley.core.testing.Fixtures;

@ParameterizedClass
@EnumSource(Database.class)
class AuthorServiceIT extends DatabaseIT {

    @Test
    void guestsGetDistinctRandomIds() {
        Author a = core.authors().createGuest("Guest", "g@news.example");
        Author b = core.authors().createGuest("Guest", null);
        assertNotEquals(a.id(), b.id());
        assertEquals(AuthorKind.GUEST, a.kind());
        assertEquals("g@news.example", core.authors().get(a.id()).email());
        assertEquals(Standing.ACTIVE, a.standing());
    }

    @Test
    void externalAuthorIsCreatedOnceAndRefreshedFromLaterTokens() {
        Author first = core.authors().upsertExternal(f.site.key(), "u-1", "Old Name", null);
        Author again = core.authors().upsertExternal(f.site.key(), "u-1", "New Name", "new@news.example");
        assertEquals(first.id(), again.id());
        assertEquals("New Name", core.authors().get(first.id()).displayName());
        assertEquals(f.site.key(), again.siteKey());
        assertEquals("u-1", again.externalId());
        assertEquals(AuthorKind.EXTERNAL, again.kind());
    }

    @Test
    void rolesArePerSiteAndReaderByDefault() {
        Fixtures other = new Fixtures(core);
        assertEquals(Role.READER, core.authors().role(ann.id(), f.site.key()));
        core.authors().assignRole(ann.id(), f.site.key(), Role.MODERATOR);
        assertEquals(Role.MODERATOR, core.authors().role(ann.id(), f.site.key()));
        assertTrue(core.authors().role(ann.id(), f.site.key()).canModerate());
        assertEquals(Role.READER, core.authors().role(ann.id(), other.site.key()));
        core.authors().assignRole(ann.id(), f.site.key(), Role.ADMINISTRATOR);
        assertEquals(Role.ADMINISTRATOR, core.authors().role(ann.id(), f.site.key()));
    }

    @Test
    void suspensionEndsByItself() {
        Author suspended = core.authors()
                .suspend(
                        ann.id(),
                        database.clock().instant().plus(Duration.ofMinutes(30)),
                        Fixtures.moderator(),
                        "abusive",
                        null);
        assertEquals(Standing.SUSPENDED, suspended.standingAt(database.clock().instant()));
        assertEquals(
                Standing.ACTIVE, suspended.standingAt(database.clock().instant().plus(Duration.ofHours(1))));
    }

    @Test
    void badInputIsRefused() {
        assertEquals(
                "displayName",
                assertThrows(ValidationException.class, () -> core.authors().createGuest(" ", null))
                        .field());
        assertEquals(
                "displayName",
                assertThrows(ValidationException.class, () -> core.authors().createGuest("x".repeat(101), null))
                        .field());
        assertEquals(
                "email",
                assertThrows(ValidationException.class, () -> core.authors().createGuest("A", "not-mail"))
                        .field());
        assertEquals(
                "until",
                assertThrows(
                                ValidationException.class,
                                () -> core.authors()
                                        .suspend(
                                                ann.id(),
                                                database.clock().instant().minusSeconds(5),
                                                Fixtures.moderator(),
                                                "spam",
                                                null))
                        .field());
        assertEquals(
                "reason",
                assertThrows(
                                ValidationException.class,
                                () -> core.authors().ban(ann.id(), Fixtures.moderator(), null, null))
                        .field());
        assertThrows(NotFoundException.class, () -> core.authors().get(AuthorId.random()));
        assertThrows(NotFoundException.class, () -> core.authors().upsertExternal("missing-site", "u", "U", null));
        assertEquals(Standing.ACTIVE, core.authors().get(ann.id()).standing());
    }

    @Test
    void renameChangesNameAndEmail() {
        Author renamed = core.authors().rename(ann.id(), "Annie", "annie@news.example");
        assertEquals("Annie", renamed.displayName());
        assertEquals("annie@news.example", renamed.email());
    }
}
