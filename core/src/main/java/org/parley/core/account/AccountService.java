package org.parley.core.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.parley.core.ConflictException;
import org.parley.core.NotFoundException;
import org.parley.core.account.internal.AccountEntity;
import org.parley.core.review.Actor;
import org.parley.core.review.DecisionAction;
import org.parley.core.review.internal.AuditLog;
import org.parley.core.site.internal.SiteEntity;
import org.parley.core.support.Require;
import org.parley.core.unitofwork.Repositories;
import org.parley.core.unitofwork.UnitOfWork;

/**
 * Stores staff accounts for the web layer. Usernames are unique (case as given, compared exactly).
 * Thread-safe; every method is one transaction. Obtain it from {@code ParleyCore.accounts()}.
 */
public final class AccountService {
    private final UnitOfWork work;

    public AccountService(UnitOfWork work) {
        this.work = work;
    }

    /** Creates an enabled account, recorded as created by the system (the first administrator, the demo's moderator). */
    public Account create(String username, String passwordHash, AccountRole role, String siteKey) {
        return create(username, passwordHash, role, siteKey, Actor.system());
    }

    /**
     * Creates an enabled account and records it in the audit log ({@link DecisionAction#CREATE_ACCOUNT},
     * under its site) as done {@code by}.
     *
     * @param siteKey {@code null} for an account of every site
     * @throws ConflictException {@code conflict.duplicate-key} if the username is taken
     */
    public Account create(String username, String passwordHash, AccountRole role, String siteKey, Actor by) {
        String name = Require.text("username", username, 100);
        String hash = Require.text("passwordHash", passwordHash, 500);
        Require.present("role", role);
        Require.present("by", by);
        return work.write(r -> {
            if (r.accounts().byUsername(name).isPresent()) {
                throw new ConflictException(ConflictException.DUPLICATE_KEY, "username " + name + " is taken");
            }
            Long siteId = siteKey == null ? null : r.sites().require(siteKey).id();
            AccountEntity account = new AccountEntity(name, hash, role, siteId, r.now());
            r.accounts().add(account);
            r.flush();
            Account created = account.toAccount(siteKey);
            audit(
                    r,
                    created,
                    DecisionAction.CREATE_ACCOUNT,
                    null,
                    role.name(),
                    by,
                    "account " + name + ": " + words(role) + " of "
                            + (siteKey == null ? "every site" : "site " + siteKey));
            return created;
        });
    }

    public Optional<Account> findByUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return work.read(r -> r.accounts().byUsername(username.strip()).map(a -> view(r, a)));
    }

    /** The account, or {@link NotFoundException}. */
    public Account get(long id) {
        return work.read(r -> view(r, require(r, id)));
    }

    public Optional<Account> find(long id) {
        return work.read(r -> r.accounts().byId(id).map(a -> view(r, a)));
    }

    public List<Account> list() {
        return work.read(r -> r.accounts().all().stream().map(a -> view(r, a)).toList());
    }

    /**
     * Gives the account a new password hash and records that it was reset
     * ({@link DecisionAction#RESET_PASSWORD}; never the password or its hash).
     */
    public Account changePasswordHash(long id, String passwordHash, Actor by) {
        String hash = Require.text("passwordHash", passwordHash, 500);
        Require.present("by", by);
        return work.write(r -> {
            AccountEntity account = require(r, id);
            account.changePasswordHash(hash);
            Account after = view(r, account);
            audit(
                    r,
                    after,
                    DecisionAction.RESET_PASSWORD,
                    null,
                    null,
                    by,
                    "account " + after.username() + ": new password");
            return after;
        });
    }

    /**
     * Enables or disables the account, recorded when it changes ({@link DecisionAction#ENABLE_ACCOUNT},
     * {@link DecisionAction#DISABLE_ACCOUNT}); {@link ConflictException} if it is the last enabled administrator.
     */
    public Account setEnabled(long id, boolean enabled, Actor by) {
        Require.present("by", by);
        return work.write(r -> {
            AccountEntity account = require(r, id);
            if (!enabled) {
                keepAnAdministrator(r, account);
            }
            boolean before = account.toAccount(null).enabled();
            account.setEnabled(enabled);
            Account after = view(r, account);
            if (before != enabled) {
                audit(
                        r,
                        after,
                        enabled ? DecisionAction.ENABLE_ACCOUNT : DecisionAction.DISABLE_ACCOUNT,
                        before ? "ENABLED" : "DISABLED",
                        enabled ? "ENABLED" : "DISABLED",
                        by,
                        "account " + after.username() + (enabled ? ": enabled" : ": disabled"));
            }
            return after;
        });
    }

    /**
     * Gives the account another role and site ({@code null}: every site), recorded when either
     * changes ({@link DecisionAction#CHANGE_ACCOUNT_ROLE}); {@link ConflictException} if it would
     * take the role from the last enabled administrator.
     */
    public Account changeRole(long id, AccountRole role, String siteKey, Actor by) {
        Require.present("role", role);
        Require.present("by", by);
        return work.write(r -> {
            AccountEntity account = require(r, id);
            if (role != AccountRole.ADMINISTRATOR) {
                keepAnAdministrator(r, account);
            }
            Account before = view(r, account);
            account.changeRole(
                    role, siteKey == null ? null : r.sites().require(siteKey).id());
            Account after = view(r, account);
            List<String> changed = new ArrayList<>();
            if (before.role() != after.role()) {
                changed.add("role: " + words(before.role()) + " → " + words(after.role()));
            }
            if (!Objects.equals(before.siteKey(), after.siteKey())) {
                changed.add("site: " + siteWords(before.siteKey()) + " → " + siteWords(after.siteKey()));
            }
            if (!changed.isEmpty()) {
                audit(
                        r,
                        after,
                        DecisionAction.CHANGE_ACCOUNT_ROLE,
                        before.role().name(),
                        after.role().name(),
                        by,
                        "account " + after.username() + ": " + String.join("; ", changed));
            }
            return after;
        });
    }

    /** Records a change of {@code account} under its site (now), naming it; never a password. */
    private static void audit(
            Repositories r, Account account, DecisionAction action, String from, String to, Actor by, String note) {
        Long siteId = account.siteKey() == null
                ? null
                : r.sites().require(account.siteKey()).id();
        AuditLog.account(r, siteId, account.id(), action, from, to, by, note);
    }

    private static String words(AccountRole role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    private static String siteWords(String siteKey) {
        return siteKey == null ? "every site" : siteKey;
    }

    /** How many accounts exist (zero on a fresh installation: time to create the first administrator). */
    public long count() {
        return work.read(r -> r.accounts().count());
    }

    /** Refuses to take the last enabled administrator away (nobody could administer the installation then). */
    private static void keepAnAdministrator(Repositories r, AccountEntity account) {
        Account a = account.toAccount(null);
        if (a.role() != AccountRole.ADMINISTRATOR || !a.enabled()) {
            return;
        }
        boolean another = r.accounts().all().stream()
                .map(x -> x.toAccount(null))
                .anyMatch(x -> x.id() != a.id() && x.enabled() && x.role() == AccountRole.ADMINISTRATOR);
        if (!another) {
            throw new ConflictException(
                    ConflictException.LAST_ADMINISTRATOR,
                    "account " + a.username() + " is the last enabled administrator");
        }
    }

    private static AccountEntity require(Repositories r, long id) {
        return r.accounts().byId(id).orElseThrow(() -> new NotFoundException("account", id));
    }

    private static Account view(Repositories r, AccountEntity a) {
        return a.toAccount(
                a.siteId() == null
                        ? null
                        : r.sites().byId(a.siteId()).map(SiteEntity::key).orElse(null));
    }
}
