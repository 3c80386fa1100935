package org.parley.core.site.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hibernate.annotations.DynamicUpdate;
import org.parley.core.site.ArticleRegistration;
import org.parley.core.site.ModerationMode;
import org.parley.core.site.Site;
import org.parley.core.site.SiteDraft;
import org.parley.core.site.SiteSettings;

/** Persistent state of a site. Not part of the API: use {@code SiteService}. */
@Entity
@Table(name = "site")
@DynamicUpdate
public class SiteEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "site_key", nullable = false, length = 200)
    private String siteKey;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "allowed_origins", nullable = false, length = 4000)
    private String allowedOrigins;

    @Column(name = "moderation_mode", nullable = false, length = 20)
    private String moderationMode;

    @Column(name = "allow_guests", nullable = false)
    private boolean allowGuests;

    @Column(name = "edit_window_seconds", nullable = false)
    private long editWindowSeconds;

    @Column(name = "max_depth", nullable = false)
    private int maxDepth;

    @Column(name = "allow_images", nullable = false)
    private boolean allowImages;

    @Column(name = "max_body_length", nullable = false)
    private int maxBodyLength;

    @Column(name = "article_registration", length = 20)
    private String articleRegistration;

    @Column(name = "screening_policy", nullable = false, length = 100_000)
    private String screeningPolicy = "{}";

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected SiteEntity() {}

    public SiteEntity(SiteDraft draft, Instant now) {
        this.siteKey = draft.key();
        this.createdAt = now;
        apply(draft);
    }

    public void apply(SiteDraft draft) {
        this.name = draft.name();
        setOrigins(draft.allowedOrigins());
        setModerationMode(draft.moderationMode());
        setSettings(draft.settings());
    }

    public void setName(String value) {
        this.name = value;
    }

    public void setModerationMode(ModerationMode mode) {
        this.moderationMode = mode.name();
    }

    public void setSettings(SiteSettings s) {
        this.allowGuests = s.allowGuests();
        this.editWindowSeconds = s.editWindow().toSeconds();
        this.maxDepth = s.maxDepth();
        this.allowImages = s.allowImages();
        this.maxBodyLength = s.maxBodyLength();
    }

    public void setArticleRegistration(ArticleRegistration value) {
        this.articleRegistration = value == null ? null : value.name();
    }

    public void setScreeningPolicy(String json) {
        this.screeningPolicy = json;
    }

    public void setOrigins(Set<String> origins) {
        this.allowedOrigins = String.join(" ", new TreeSet<>(origins));
    }

    public Long id() {
        return id;
    }

    public String key() {
        return siteKey;
    }

    public ModerationMode moderationMode() {
        return ModerationMode.valueOf(moderationMode);
    }

    public SiteSettings settings() {
        return new SiteSettings(
                allowGuests, Duration.ofSeconds(editWindowSeconds), maxDepth, allowImages, maxBodyLength);
    }

    public Set<String> origins() {
        return allowedOrigins.isBlank()
                ? Set.of()
                : Arrays.stream(allowedOrigins.split(" ")).collect(Collectors.toUnmodifiableSet());
    }

    public Site toSite() {
        return new Site(
                siteKey,
                name,
                origins(),
                moderationMode(),
                settings(),
                articleRegistration == null ? null : ArticleRegistration.valueOf(articleRegistration),
                screeningPolicy,
                createdAt);
    }
}
