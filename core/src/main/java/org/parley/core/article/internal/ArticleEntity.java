package org.parley.core.article.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import org.hibernate.annotations.DynamicUpdate;
import org.parley.core.article.Article;
import org.parley.core.article.ArticleDraft;
import org.parley.core.article.ArticleRef;
import org.parley.core.article.DiscussionState;
import org.parley.core.site.ModerationMode;
import org.parley.core.site.internal.SiteEntity;

/**
 * Persistent state of an article. Not part of the API: use {@code ArticleService}.
 * {@code publishedCount} is maintained by atomic updates only ({@code ArticleRepository.adjustPublishedCount}).
 */
@Entity
@Table(name = "article")
@DynamicUpdate
public class ArticleEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "site_id", nullable = false)
    private long siteId;

    @Column(name = "article_key", nullable = false, length = 200)
    private String articleKey;

    @Column(nullable = false, length = 2000)
    private String url;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(name = "author_name", length = 200)
    private String authorName;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "discussion_state", nullable = false, length = 20)
    private String discussionState;

    @Column(name = "moderation_override", length = 20)
    private String moderationOverride;

    @Column(name = "published_count", nullable = false, updatable = false)
    private long publishedCount;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected ArticleEntity() {}

    public ArticleEntity(long siteId, ArticleDraft draft, Instant now) {
        this.siteId = siteId;
        this.articleKey = draft.ref().articleKey();
        this.discussionState = DiscussionState.OPEN.name();
        this.createdAt = now;
        apply(draft);
    }

    public void apply(ArticleDraft draft) {
        this.url = draft.url();
        this.title = draft.title();
        this.authorName = draft.author();
        this.publishedAt = draft.publishedAt();
        this.moderationOverride = draft.moderationOverride() == null
                ? null
                : draft.moderationOverride().name();
    }

    public void changeModeration(ModerationMode override) {
        this.moderationOverride = override == null ? null : override.name();
    }

    public void changeState(DiscussionState state) {
        this.discussionState = state.name();
    }

    public Long id() {
        return id;
    }

    public long siteId() {
        return siteId;
    }

    public String key() {
        return articleKey;
    }

    public String url() {
        return url;
    }

    public String title() {
        return title;
    }

    public DiscussionState discussionState() {
        return DiscussionState.valueOf(discussionState);
    }

    public long publishedCount() {
        return publishedCount;
    }

    /** The article's own moderation mode ({@code null}: it follows its site). */
    public ModerationMode moderationOverride() {
        return moderationOverride == null ? null : ModerationMode.valueOf(moderationOverride);
    }

    /** The override if set, else the site's mode. */
    public ModerationMode effectiveModeration(SiteEntity site) {
        return moderationOverride == null ? site.moderationMode() : ModerationMode.valueOf(moderationOverride);
    }

    public Article toArticle(SiteEntity site, Set<String> canonicalUrls) {
        return new Article(
                new ArticleRef(site.key(), articleKey),
                url,
                canonicalUrls,
                title,
                authorName,
                publishedAt,
                discussionState(),
                moderationOverride == null ? null : ModerationMode.valueOf(moderationOverride),
                effectiveModeration(site),
                publishedCount,
                createdAt);
    }
}
