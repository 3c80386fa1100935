package org.parley.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.parley.core.account.Account;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.platform.Passwords;
import org.parley.web.platform.Settings;
import org.parley.web.problem.ProblemException;

/**
 * Checks a staff username and password, for the login form and HTTP Basic alike, under the same
 * limits: attempts per client address ({@code parley.rate.logins-per-minute}) and failed attempts
 * per username ({@code parley.rate.login-failures-per-username-per-hour}; a username that has used
 * them up is refused with 429 even with the right password, so guessing cannot go on). Every
 * attempt takes a failure token before the password is checked and a success gives it back, so
 * concurrent guesses cannot slip past the limit together. An unknown,
 * disabled or wrong account costs one full password hash like a known one, so neither the answer
 * nor its time tells which usernames exist.
 */
@ApplicationScoped
public class StaffLogin {

    @Inject
    ParleyRuntime runtime;

    @Inject
    Passwords passwords;

    @Inject
    Settings settings;

    /** The staff member, or 401 for wrong credentials, 429 when a limit is used up. */
    public StaffMember verify(String username, String password, String address) {
        RateLimiter limiter = runtime.limiter();
        limiter.acquire(new RateLimiter.Rule("login", settings.loginsPerMinute(), Duration.ofMinutes(1)), address);
        RateLimiter.Rule failures =
                new RateLimiter.Rule("login-failures", settings.loginFailuresPerUsernamePerHour(), Duration.ofHours(1));
        String user = username.strip().toLowerCase(Locale.ROOT);
        limiter.acquire(failures, user);
        Optional<StaffMember> member = match(username.strip(), password);
        if (member.isEmpty()) {
            throw ProblemException.unauthenticated("Wrong username or password.");
        }
        limiter.refund(failures, user);
        return member.get();
    }

    /** The enabled account with these credentials; always one password hash, whether the account exists or not. */
    private Optional<StaffMember> match(String username, String password) {
        Optional<Account> account = runtime.core().accounts().findByUsername(username);
        boolean matches =
                passwords.matches(password, account.map(Account::passwordHash).orElseGet(passwords::decoy));
        if (account.isEmpty() || !account.get().enabled() || !matches) {
            return Optional.empty();
        }
        return Optional.of(member(account.get()));
    }

    /**
     * {@code member} as their account stands now: with its current role and site, or empty when the
     * account was disabled, removed or given a new password since {@code member} signed in. So an
     * administrator's change reaches open sessions and cached Basic credentials at the next request.
     */
    public Optional<StaffMember> current(StaffMember member) {
        return runtime.core()
                .accounts()
                .find(member.accountId())
                .filter(Account::enabled)
                .map(StaffLogin::member)
                .filter(now -> now.credential().equals(member.credential()));
    }

    private static StaffMember member(Account a) {
        return new StaffMember(a.id(), a.username(), a.role(), a.siteKey(), StaffMember.credentialOf(a.passwordHash()));
    }
}
