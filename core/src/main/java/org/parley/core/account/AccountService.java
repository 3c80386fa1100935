package org.parley.core.account;

import java.util.List;
import java.util.Optional;
import org.parley.core.ConflictException;
import org.parley.core.NotFoundException;
import org.parley.core.infrastructure.Require;
import org.parley.core.infrastructure.persistence.Repositories;
import org.parley.core.infrastructure.persistence.Store;
import org.parley.core.site.SiteEntity;

/**
 * Stores staff accounts for the web layer. Usernames are unique (case as given, compared exactly).
 * Thread-safe; every method is one transaction. Obtain it from {@code ParleyCore.accounts()}.
 */
public final class AccountService {
    private final Store store;

    public AccountService(Store store) {
        this.store = store;
    }

    /**
     * Creates an enabled account.
     *
     * @param siteKey {@code null} for an account of every site
     * @throws ConflictException {@code conflict.duplicate-key} if the username is taken
     */
    public Account create(String username, String passwordHash, AccountRole role, String siteKey) {
        String name = Require.text("username", username, 100);
        String hash = Require.text("passwordHash", passwordHash, 500);
        Require.present("role", role);
        return store.write(r -> {
            if (r.accounts().byUsername(name).isPresent()) {
                throw new ConflictException(ConflictException.DUPLICATE_KEY, "username " + name + " is taken");
            }
            Long siteId = siteKey == null ? null : r.sites().require(siteKey).id();
            AccountEntity account = new AccountEntity(name, hash, role, siteId, r.now());
            r.accounts().add(account);
            r.flush();
            return account.toAccount(siteKey);
        });
    }

    public Optional<Account> findByUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return store.read(r -> r.accounts().byUsername(username.strip()).map(a -> view(r, a)));
    }

    /** The account, or {@link NotFoundException}. */
    public Account get(long id) {
        return store.read(r -> view(r, require(r, id)));
    }

    public Optional<Account> find(long id) {
        return store.read(r -> r.accounts().byId(id).map(a -> view(r, a)));
    }

    public List<Account> list() {
        return store.read(r -> r.accounts().all().stream().map(a -> view(r, a)).toList());
    }

    public Account changePasswordHash(long id, String passwordHash) {
        String hash = Require.text("passwordHash", passwordHash, 500);
        return store.write(r -> {
            AccountEntity account = require(r, id);
            account.changePasswordHash(hash);
            return view(r, account);
        });
    }

    /** Enables or disables the account; {@link ConflictException} if it is the last enabled administrator. */
    public Account setEnabled(long id, boolean enabled) {
        return store.write(r -> {
            AccountEntity account = require(r, id);
            if (!enabled) {
                keepAnAdministrator(r, account);
            }
            account.setEnabled(enabled);
            return view(r, account);
        });
    }

    /**
     * Gives the account another role and site ({@code null}: every site); {@link ConflictException}
     * if it would take the role from the last enabled administrator.
     */
    public Account changeRole(long id, AccountRole role, String siteKey) {
        Require.present("role", role);
        return store.write(r -> {
            AccountEntity account = require(r, id);
            if (role != AccountRole.ADMINISTRATOR) {
                keepAnAdministrator(r, account);
            }
            account.changeRole(
                    role, siteKey == null ? null : r.sites().require(siteKey).id());
            return view(r, account);
        });
    }

    /** How many accounts exist (zero on a fresh installation: time to create the first administrator). */
    public long count() {
        return store.read(r -> r.accounts().count());
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
