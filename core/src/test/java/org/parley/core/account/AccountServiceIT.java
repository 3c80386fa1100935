package org.parley.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.ConflictException;
import org.parley.core.NotFoundException;
import org.parley.core.ValidationException;
import org.parley.core.review.Actor;
import org.parley.core.review.AuditQuery;
import org.parley.core.review.DecisionAction;
import org.parley.core.review.ModerationDecision;
import org.parley.core.testing.Database;
import org.parley.core.testing.DatabaseIT;

@ParameterizedClass
@EnumSource(Database.class)
class AccountServiceIT extends DatabaseIT {
    private static final Actor BY = Actor.moderator("account:0", "chief");
    private final String name = "mod-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void everyChangeOfAnAccountIsAuditedWithWhoAndWhichAccountButNeverThePassword() {
        Actor chief = Actor.moderator("test:" + name, "chief of " + name);
        Account a = core.accounts().create(name, "secret-hash-1", AccountRole.MODERATOR, f.site.key(), chief);
        core.accounts().setEnabled(a.id(), false, chief);
        core.accounts().setEnabled(a.id(), false, chief);
        core.accounts().setEnabled(a.id(), true, chief);
        core.accounts().changeRole(a.id(), AccountRole.MODERATOR, null, chief);
        core.accounts().changeRole(a.id(), AccountRole.MODERATOR, null, chief);
        core.accounts().changePasswordHash(a.id(), "secret-hash-2", chief);

        List<ModerationDecision> records = core.review()
                .audit(new AuditQuery(null, null, null, chief.id(), null, null, null, null, null, 50, null))
                .items();
        assertEquals(
                List.of(
                        DecisionAction.RESET_PASSWORD,
                        DecisionAction.CHANGE_ACCOUNT_ROLE,
                        DecisionAction.ENABLE_ACCOUNT,
                        DecisionAction.DISABLE_ACCOUNT,
                        DecisionAction.CREATE_ACCOUNT),
                records.stream().map(ModerationDecision::action).toList(),
                "newest first; a change that changes nothing records nothing");
        for (ModerationDecision d : records) {
            assertEquals(a.id(), d.account(), d.toString());
            assertEquals(chief.name(), d.actor().name());
            assertTrue(d.note().startsWith("account " + name + ": "), d.note());
            assertFalse(d.note().contains("secret-hash") || String.valueOf(d).contains("secret-hash"), d.toString());
        }
        assertEquals(f.site.key(), records.getLast().siteKey(), "a site's account is recorded under the site");
        assertEquals(
                "account " + name + ": site: " + f.site.key() + " → every site",
                records.get(1).note());
        assertEquals(
                "account " + name + ": moderator of site " + f.site.key(),
                records.getLast().note());
        assertEquals("DISABLED", records.get(3).to());
        assertEquals(
                name,
                core.review().subjects(records).get(records.getFirst().id()).accountName(),
                "the audit log names the account");
    }

    @Test
    void accountIsStoredWithItsHashAndFoundByUsername() {
        long before = core.accounts().count();
        Account a = core.accounts().create(name, "$pbkdf2$310000$salt$hash", AccountRole.MODERATOR, f.site.key());
        assertEquals(before + 1, core.accounts().count());
        Account found = core.accounts().findByUsername(name).orElseThrow();
        assertEquals(a, found);
        assertEquals(f.site.key(), found.siteKey());
        assertTrue(found.enabled());
        assertFalse(found.toString().contains("hash"), "toString never shows the hash");
    }

    @Test
    void usernameIsUnique() {
        core.accounts().create(name, "h", AccountRole.ADMINISTRATOR, null);
        assertEquals(
                ConflictException.DUPLICATE_KEY,
                assertThrows(
                                ConflictException.class,
                                () -> core.accounts().create(name, "h2", AccountRole.MODERATOR, null))
                        .code());
    }

    @Test
    void accountCanBeDisabledRehashedAndPromoted() {
        Account a = core.accounts().create(name, "h1", AccountRole.MODERATOR, f.site.key());
        assertFalse(core.accounts().setEnabled(a.id(), false, BY).enabled());
        assertEquals("h2", core.accounts().changePasswordHash(a.id(), "h2", BY).passwordHash());
        Account admin = core.accounts().changeRole(a.id(), AccountRole.ADMINISTRATOR, null, BY);
        assertEquals(AccountRole.ADMINISTRATOR, admin.role());
        assertNull(admin.siteKey());
        assertTrue(core.accounts().list().stream().anyMatch(x -> x.username().equals(name)));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(ValidationException.class, () -> core.accounts().create(" ", "h", AccountRole.MODERATOR, null));
        assertThrows(ValidationException.class, () -> core.accounts().create(name, "", AccountRole.MODERATOR, null));
        assertThrows(
                NotFoundException.class, () -> core.accounts().create(name, "h", AccountRole.MODERATOR, "no-site"));
        assertThrows(NotFoundException.class, () -> core.accounts().get(Long.MAX_VALUE));
        assertTrue(core.accounts().findByUsername(name).isEmpty());
        assertTrue(core.accounts().findByUsername(null).isEmpty());
    }

    @Test
    void theLastEnabledAdministratorCannotBeDisabledOrDemoted() {
        Account ours = core.accounts().create(name, "h", AccountRole.ADMINISTRATOR, null);
        core.accounts().list().stream()
                .filter(x -> x.id() != ours.id() && x.role() == AccountRole.ADMINISTRATOR)
                .forEach(x -> core.accounts().setEnabled(x.id(), false, BY));
        assertEquals(
                ConflictException.LAST_ADMINISTRATOR,
                assertThrows(ConflictException.class, () -> core.accounts().setEnabled(ours.id(), false, BY))
                        .code());
        assertEquals(
                ConflictException.LAST_ADMINISTRATOR,
                assertThrows(
                                ConflictException.class,
                                () -> core.accounts().changeRole(ours.id(), AccountRole.MODERATOR, null, BY))
                        .code());
        assertTrue(core.accounts().find(ours.id()).orElseThrow().enabled());
        Account second = core.accounts().create(name + "-2", "h", AccountRole.ADMINISTRATOR, null);
        assertFalse(core.accounts().setEnabled(ours.id(), false, BY).enabled(), "with another administrator it may go");
        assertTrue(core.accounts().find(second.id()).orElseThrow().enabled());
    }
}
