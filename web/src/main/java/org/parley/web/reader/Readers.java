package org.parley.web.reader;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.parley.core.author.Author;
import org.parley.core.site.Site;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.platform.Settings;
import org.parley.web.problem.Fields;
import org.parley.web.problem.ProblemException;
import org.parley.web.reader.ReaderViews.AuthorView;
import org.parley.web.reader.ReaderViews.ReaderSession;
import org.parley.web.security.HostSignIn;
import org.parley.web.security.RateLimiter;
import org.parley.web.security.SignInKeys;

/**
 * Turns guests and host-site readers into Parley authors with a reader token: a guest by display
 * name (when the site allows guests), a host-site reader by a JWT the site signed.
 */
@ApplicationScoped
public class Readers {

    static final int MAX_NAME = 80;

    @Inject
    ParleyRuntime runtime;

    @Inject
    SignInKeys keys;

    @Inject
    Settings settings;

    /**
     * A new guest author of {@code site} with a token. Guest identities cost nothing to make, so one
     * client address may make only {@link Settings#addressGuestsPerHour} of them per hour on a site:
     * likes, reports and per-author limits then cannot be multiplied by minting identities.
     */
    public ReaderSession guest(Site site, String name, String address) {
        if (!site.settings().allowGuests()) {
            throw ProblemException.of(
                    403,
                    "guests-not-allowed",
                    "Sign-in required",
                    "This site does not allow guest comments; sign in first.");
        }
        Fields.check()
                .require("author.name", name)
                .maxLength("author.name", name, MAX_NAME)
                .orThrow();
        runtime.limiter()
                .acquire(
                        new RateLimiter.Rule(
                                "address-guests", settings.addressGuestsPerHour(site.key()), Duration.ofHours(1)),
                        site.key() + "|" + address);
        Author author = runtime.core().authors().createGuest(name.strip(), null);
        return session(site.key(), author);
    }

    /** The author the host site's JWT names (created on first sign-in) with a token. */
    public ReaderSession signIn(Site site, String jwt) {
        var key = keys.forSite(site.key())
                .orElseThrow(() -> ProblemException.of(
                        400,
                        "sign-in-not-configured",
                        "Sign-in not configured",
                        "This site has no host sign-in key configured."));
        HostSignIn.HostReader reader = HostSignIn.verify(
                        jwt, key, runtime.clock().instant())
                .orElseThrow(() -> ProblemException.unauthenticated("The host site's token is invalid or expired."));
        String name = reader.name().length() > MAX_NAME ? reader.name().substring(0, MAX_NAME) : reader.name();
        Author author = runtime.core()
                .authors()
                .upsertExternal(site.key(), reader.subject(), name, reader.email(), reader.picture());
        return session(site.key(), author);
    }

    ReaderSession session(String site, Author author) {
        String kind = author.kind().name().toLowerCase(Locale.ROOT);
        var now = runtime.clock().instant();
        String token = runtime.tokens().issue(author.id().toString(), site, author.displayName(), kind, now);
        var identity = runtime.tokens().verify(token, now).orElseThrow();
        return new ReaderSession(
                token, identity.expiresAt(), new AuthorView(author.id().toString(), author.displayName(), kind, null));
    }
}
