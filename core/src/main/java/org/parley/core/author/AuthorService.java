package org.parley.core.author;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.parley.core.ConflictException;
import org.parley.core.ValidationException;
import org.parley.core.author.internal.AuthorEntity;
import org.parley.core.author.internal.AuthorRoleEntity;
import org.parley.core.author.internal.Authors;
import org.parley.core.review.Actor;
import org.parley.core.review.DecisionAction;
import org.parley.core.review.internal.AuditLog;
import org.parley.core.site.internal.SiteEntity;
import org.parley.core.support.Require;
import org.parley.core.unitofwork.Repositories;
import org.parley.core.unitofwork.UnitOfWork;

/**
 * Creates and finds authors, assigns roles, and changes standing (each change written to the audit
 * log). Thread-safe; every method is one transaction. Obtain it from {@code ParleyCore.authors()}.
 */
public final class AuthorService {
    private static final int MAX_NAME = 100;

    private final UnitOfWork work;

    public AuthorService(UnitOfWork work) {
        this.work = work;
    }

    /** A new guest author with a fresh random id; the web layer hands that id to the guest. */
    public Author createGuest(String displayName, String email) {
        String name = Require.text("displayName", displayName, MAX_NAME);
        String mail = email(email);
        return work.write(r -> {
            AuthorEntity author =
                    new AuthorEntity(AuthorId.random(), AuthorKind.GUEST, name, mail, null, null, r.now());
            r.authors().add(author);
            return author.toAuthor((String) null);
        });
    }

    /**
     * The author for a host site's account, created on first sight; name and e-mail are refreshed
     * from the latest token. Safe under concurrent first sign-ins.
     */
    public Author upsertExternal(String siteKey, String externalId, String displayName, String email) {
        return upsertExternal(siteKey, externalId, displayName, email, null);
    }

    /**
     * As {@link #upsertExternal(String, String, String, String)}, with the host's picture of the
     * reader, refreshed likewise; kept only if {@link AvatarUrl#sanitise} accepts it.
     */
    public Author upsertExternal(String siteKey, String externalId, String displayName, String email, String avatar) {
        String id = Require.text("externalId", externalId, 200);
        String name = Require.text("displayName", displayName, MAX_NAME);
        String mail = email(email);
        String picture = AvatarUrl.sanitise(avatar);
        try {
            return work.write(r -> upsert(r, siteKey, id, name, mail, picture));
        } catch (ConflictException lostRace) {
            return work.write(r -> upsert(r, siteKey, id, name, mail, picture));
        }
    }

    private static Author upsert(
            Repositories r, String siteKey, String externalId, String name, String mail, String picture) {
        SiteEntity site = r.sites().require(siteKey);
        Optional<AuthorEntity> existing = r.authors().byExternalId(site.id(), externalId);
        AuthorEntity author;
        if (existing.isPresent()) {
            author = existing.get();
            author.rename(name, mail);
        } else {
            author = new AuthorEntity(
                    AuthorId.random(), AuthorKind.EXTERNAL, name, mail, site.id(), externalId, r.now());
            r.authors().add(author);
        }
        author.picture(picture);
        r.flush();
        return author.toAuthor(site.key());
    }

    /** The author, or {@link org.parley.core.NotFoundException}. */
    public Author get(AuthorId id) {
        return work.read(r -> view(r, r.authors().require(id)));
    }

    public Optional<Author> find(AuthorId id) {
        return work.read(r -> r.authors().byId(id.value()).map(a -> view(r, a)));
    }

    /** Changes display name and e-mail. */
    public Author rename(AuthorId id, String displayName, String email) {
        String name = Require.text("displayName", displayName, MAX_NAME);
        String mail = email(email);
        return work.write(r -> {
            AuthorEntity author = r.authors().require(id);
            author.rename(name, mail);
            return view(r, author);
        });
    }

    /** The author's role on the site; {@link Role#READER} unless assigned. */
    public Role role(AuthorId id, String siteKey) {
        return work.read(r -> {
            SiteEntity site = r.sites().require(siteKey);
            r.authors().require(id);
            return r.authors()
                    .role(id.value(), site.id())
                    .map(AuthorRoleEntity::role)
                    .orElse(Role.READER);
        });
    }

    /** Sets the author's role on the site. */
    public void assignRole(AuthorId id, String siteKey, Role role) {
        Require.present("role", role);
        work.write(r -> {
            SiteEntity site = r.sites().require(siteKey);
            r.authors().require(id);
            r.authors()
                    .role(id.value(), site.id())
                    .ifPresentOrElse(
                            existing -> existing.change(role),
                            () -> r.authors().addRole(new AuthorRoleEntity(id.value(), site.id(), role)));
            return null;
        });
    }

    /** Suspends the author until {@code until} (in the future); needs a reason code. */
    public Author suspend(AuthorId id, Instant until, Actor actor, String reasonCode, String note) {
        Require.present("until", until);
        return changeStanding(id, Standing.SUSPENDED, until, DecisionAction.SUSPEND_AUTHOR, actor, reasonCode, note);
    }

    /** Bans the author permanently; needs a reason code. */
    public Author ban(AuthorId id, Actor actor, String reasonCode, String note) {
        return changeStanding(id, Standing.BANNED, null, DecisionAction.BAN_AUTHOR, actor, reasonCode, note);
    }

    /** Lifts a suspension or ban. */
    public Author reinstate(AuthorId id, Actor actor, String note) {
        return changeStanding(id, Standing.ACTIVE, null, DecisionAction.REINSTATE_AUTHOR, actor, null, note);
    }

    /** Sets how screening treats the author's comments on their site; the change is audited. */
    public Author setTrust(AuthorId id, Trust trust, Actor actor, String note) {
        Require.present("trust", trust);
        Require.present("actor", actor);
        String text = Require.optionalText("note", note, 2000);
        return work.write(r -> {
            AuthorEntity author = r.authors().require(id);
            Trust from = author.trust();
            author.changeTrust(trust);
            AuditLog.author(r, author, from, trust, actor, text);
            return view(r, author);
        });
    }

    /**
     * The outcome of the author's latest decided comments: a sliding window, so that an author's
     * old rejections stop counting as they post acceptable comments (see {@link RecentRecord}).
     */
    /** The author and their {@link #recentRecord}, read in one transaction (what screening a post needs). */
    public WithRecord withRecentRecord(AuthorId id) {
        return work.read(r -> {
            AuthorEntity author = r.authors().require(id);
            return new WithRecord(
                    view(r, author),
                    r.authors().recentRecord(id.value(), r.now().minus(Duration.ofDays(RecentRecord.MAX_AGE_DAYS))));
        });
    }

    /** An author and their {@link RecentRecord}. */
    public record WithRecord(Author author, RecentRecord recent) {}

    public RecentRecord recentRecord(AuthorId id) {
        return work.read(r -> {
            r.authors().require(id);
            return r.authors().recentRecord(id.value(), r.now().minus(Duration.ofDays(RecentRecord.MAX_AGE_DAYS)));
        });
    }

    private Author changeStanding(
            AuthorId id,
            Standing standing,
            Instant until,
            DecisionAction action,
            Actor actor,
            String reasonCode,
            String note) {
        Require.present("actor", actor);
        String reason = action.needsReason()
                ? Require.code("reason", reasonCode)
                : reasonCode == null || reasonCode.isBlank() ? null : Require.code("reason", reasonCode);
        String text = Require.optionalText("note", note, 2000);
        return work.write(r -> {
            if (until != null && !until.isAfter(r.now())) {
                throw new ValidationException("until", "must be in the future");
            }
            AuthorEntity author = r.authors().require(id);
            Standing from = author.standing();
            author.changeStanding(standing, until);
            AuditLog.author(r, author, from, standing, action, actor, reason, text);
            return view(r, author);
        });
    }

    private static String email(String email) {
        return Require.optionalEmail("email", email);
    }

    private static Author view(Repositories r, AuthorEntity author) {
        return Authors.toAuthor(r, author);
    }
}
