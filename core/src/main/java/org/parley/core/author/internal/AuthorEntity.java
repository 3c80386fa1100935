package org.parley.core.author.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.parley.core.ForbiddenException;
import org.parley.core.author.Author;
import org.parley.core.author.AuthorId;
import org.parley.core.author.AuthorKind;
import org.parley.core.author.Standing;
import org.parley.core.author.Trust;
import org.parley.core.site.internal.SiteEntity;
import org.parley.core.unitofwork.Repositories;

/**
 * Persistent state of an author. Not part of the API: use {@code AuthorService}. Trust counts are
 * maintained by atomic updates only ({@code AuthorRepository.adjustTrust}).
 */
@Entity
@Table(name = "author")
@DynamicUpdate
public class AuthorEntity {
    @Id
    private UUID id;

    @Column(nullable = false, length = 20)
    private String kind;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Column(length = 320)
    private String email;

    @Column(name = "site_id")
    private Long siteId;

    @Column(name = "external_id", length = 200)
    private String externalId;

    @Column(nullable = false, length = 20)
    private String standing;

    @Column(name = "suspended_until")
    private Instant suspendedUntil;

    @Column(name = "approved_count", nullable = false, updatable = false)
    private long approvedCount;

    @Column(name = "rejected_count", nullable = false, updatable = false)
    private long rejectedCount;

    @Column(nullable = false, length = 20)
    private String trust;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected AuthorEntity() {}

    public AuthorEntity(
            AuthorId id,
            AuthorKind kind,
            String displayName,
            String email,
            Long siteId,
            String externalId,
            Instant now) {
        this.id = id.value();
        this.kind = kind.name();
        this.displayName = displayName;
        this.email = email;
        this.siteId = siteId;
        this.externalId = externalId;
        this.standing = Standing.ACTIVE.name();
        this.trust = Trust.NORMAL.name();
        this.createdAt = now;
    }

    public void rename(String newName, String newEmail) {
        this.displayName = newName;
        this.email = newEmail;
    }

    public void changeStanding(Standing newStanding, Instant until) {
        this.standing = newStanding.name();
        this.suspendedUntil = until;
    }

    public void changeTrust(Trust newTrust) {
        this.trust = newTrust.name();
    }

    /** Removes personal data (erasure on request); the row stays for the audit log's references. */
    public void anonymise() {
        this.displayName = "[erased]";
        this.email = null;
        this.externalId = externalId == null ? null : "erased-" + id;
    }

    public AuthorId id() {
        return new AuthorId(id);
    }

    public AuthorKind kind() {
        return AuthorKind.valueOf(kind);
    }

    public String displayName() {
        return displayName;
    }

    public Long siteId() {
        return siteId;
    }

    public Standing standing() {
        return Standing.valueOf(standing);
    }

    public Trust trust() {
        return Trust.valueOf(trust);
    }

    /** The API view, resolving the site key of an external author. */
    public Author toAuthor(Repositories r) {
        return toAuthor(
                siteId == null
                        ? null
                        : r.sites().byId(siteId).map(SiteEntity::key).orElse(null));
    }

    /**
     * Refuses authors of another site, banned and suspended authors, and guests where the site does
     * not allow them. A guest that belongs to no site yet is bound to {@code site} first: an author
     * takes part on one site only, so that only that site's moderators can judge them.
     */
    public void requireMayParticipate(Repositories r, SiteEntity site) {
        Long own = siteId != null ? siteId : r.authors().bindToSite(id, site.id());
        if (own == null || !own.equals(site.id())) {
            throw new ForbiddenException(ForbiddenException.OTHER_SITE, "this author belongs to another site");
        }
        Standing effective = toAuthor((String) null).standingAt(r.now());
        if (effective == Standing.BANNED) {
            throw new ForbiddenException(ForbiddenException.AUTHOR_BANNED, "this author is banned");
        }
        if (effective == Standing.SUSPENDED) {
            throw new ForbiddenException(ForbiddenException.AUTHOR_SUSPENDED, "this author is suspended");
        }
        if (kind() == AuthorKind.GUEST && !site.settings().allowGuests()) {
            throw new ForbiddenException(ForbiddenException.GUESTS_NOT_ALLOWED, "sign in to comment on this site");
        }
    }

    public Author toAuthor(String siteKey) {
        return new Author(
                id(),
                kind(),
                displayName,
                email,
                siteKey,
                externalId,
                standing(),
                suspendedUntil,
                approvedCount,
                rejectedCount,
                trust(),
                createdAt);
    }
}
