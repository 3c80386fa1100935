package org.parley.core.author.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.parley.core.author.Author;
import org.parley.core.author.AuthorId;
import org.parley.core.author.AuthorKind;
import org.parley.core.author.AvatarUrl;
import org.parley.core.author.Standing;
import org.parley.core.author.Trust;

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

    @Column(name = "avatar_url", length = AvatarUrl.MAX_LENGTH)
    private String avatarUrl;

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

    /** The host site's picture of its reader (already {@link org.parley.core.author.AvatarUrl#sanitise sanitised}), or null. */
    public void picture(String url) {
        this.avatarUrl = url;
    }

    public String avatarUrl() {
        return avatarUrl;
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
        this.avatarUrl = null;
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
