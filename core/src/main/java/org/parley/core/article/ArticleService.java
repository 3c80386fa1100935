package org.parley.core.article;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.parley.core.ConflictException;
import org.parley.core.NotFoundException;
import org.parley.core.Page;
import org.parley.core.article.internal.ArticleEntity;
import org.parley.core.article.internal.ArticleUrlEntity;
import org.parley.core.review.Actor;
import org.parley.core.review.DecisionAction;
import org.parley.core.review.internal.AuditLog;
import org.parley.core.site.ModerationMode;
import org.parley.core.site.internal.SiteEntity;
import org.parley.core.support.Cursors;
import org.parley.core.support.Require;
import org.parley.core.unitofwork.Repositories;
import org.parley.core.unitofwork.UnitOfWork;

/**
 * Registers and reads articles, finds them by any of their URLs, opens and closes discussions.
 * Thread-safe; every method is one transaction. Obtain it from {@code ParleyCore.articles()}.
 */
public final class ArticleService {
    private final UnitOfWork work;

    public ArticleService(UnitOfWork work) {
        this.work = work;
    }

    /** Registers a new article; {@code conflict.duplicate-key} if the key or the URL is taken in the site. */
    public Article register(ArticleDraft draft) {
        return work.write(r -> {
            SiteEntity site = r.sites().require(draft.ref().siteKey());
            if (r.articles().byKey(site.id(), draft.ref().articleKey()).isPresent()) {
                throw new ConflictException(
                        ConflictException.DUPLICATE_KEY, "article " + draft.ref() + " already exists");
            }
            return create(r, site, draft);
        });
    }

    /**
     * The article with this key, registered now (open, following the site's mode) if it does not
     * exist yet. Safe under concurrent first embeds: exactly one article is created. Call it only
     * after checking the request's origin against the site.
     */
    public Article ensure(ArticleRef ref, String url, String title) {
        ArticleDraft draft = ArticleDraft.of(ref, url, title);
        Optional<Article> existing = find(ref);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return register(draft);
        } catch (ConflictException lostRace) {
            return find(ref).orElseThrow(() -> lostRace);
        }
    }

    private Article create(Repositories r, SiteEntity site, ArticleDraft draft) {
        String canonical = CanonicalUrl.canonicalise(draft.url());
        if (r.articles().byCanonicalUrl(site.id(), canonical).isPresent()) {
            throw new ConflictException(
                    ConflictException.DUPLICATE_KEY, "another article already has URL " + canonical);
        }
        ArticleEntity article = new ArticleEntity(site.id(), draft, r.now());
        r.articles().add(article);
        r.articles().addUrl(new ArticleUrlEntity(article.id(), site.id(), canonical));
        return article.toArticle(site, Set.of(canonical));
    }

    /**
     * Updates title, byline, date, override and URL. A changed URL becomes the current one and
     * the old ones keep leading to the article.
     */
    public Article update(ArticleDraft draft) {
        return work.write(r -> {
            SiteEntity site = r.sites().require(draft.ref().siteKey());
            ArticleEntity article = require(r, site, draft.ref());
            attachUrl(r, site, article, CanonicalUrl.canonicalise(draft.url()));
            article.apply(draft);
            return view(r, site, article);
        });
    }

    /** Adds another URL that leads to the article (e.g. an old address). */
    public Article addAlias(ArticleRef ref, String url) {
        String canonical = CanonicalUrl.canonicalise(url);
        return work.write(r -> {
            SiteEntity site = r.sites().require(ref.siteKey());
            ArticleEntity article = require(r, site, ref);
            attachUrl(r, site, article, canonical);
            return view(r, site, article);
        });
    }

    /** Opens, closes or archives the discussion, recorded as done by the system. */
    public Article changeState(ArticleRef ref, DiscussionState state) {
        return changeState(ref, state, Actor.system());
    }

    /**
     * Opens, closes or archives the discussion; a change is recorded in the site's audit log
     * ({@link DecisionAction#ARTICLE_STATE}) under {@code by}.
     */
    public Article changeState(ArticleRef ref, DiscussionState state, Actor by) {
        Require.present("state", state);
        Require.present("by", by);
        return work.write(r -> {
            SiteEntity site = r.sites().require(ref.siteKey());
            ArticleEntity article = require(r, site, ref);
            DiscussionState before = article.discussionState();
            if (before != state) {
                article.changeState(state);
                AuditLog.article(
                        r, site.id(), article.id(), DecisionAction.ARTICLE_STATE, before.name(), state.name(), by);
            }
            return view(r, site, article);
        });
    }

    /** Sets the article's own moderation mode ({@code null}: follow the site's), recorded as done by the system. */
    public Article changeModeration(ArticleRef ref, ModerationMode override) {
        return changeModeration(ref, override, Actor.system());
    }

    /**
     * Sets the article's own moderation mode ({@code null}: follow the site's); a change is recorded
     * in the site's audit log ({@link DecisionAction#ARTICLE_MODERATION}, {@code SITE} for following the site).
     */
    public Article changeModeration(ArticleRef ref, ModerationMode override, Actor by) {
        Require.present("by", by);
        return work.write(r -> {
            SiteEntity site = r.sites().require(ref.siteKey());
            ArticleEntity article = require(r, site, ref);
            ModerationMode before = article.moderationOverride();
            if (before != override) {
                article.changeModeration(override);
                AuditLog.article(
                        r,
                        site.id(),
                        article.id(),
                        DecisionAction.ARTICLE_MODERATION,
                        before == null ? "SITE" : before.name(),
                        override == null ? "SITE" : override.name(),
                        by);
            }
            return view(r, site, article);
        });
    }

    /** The article, or {@link NotFoundException}. */
    public Article get(ArticleRef ref) {
        return find(ref).orElseThrow(() -> new NotFoundException("article", ref));
    }

    public Optional<Article> find(ArticleRef ref) {
        return work.read(r -> r.sites()
                .byKey(ref.siteKey())
                .flatMap(site -> r.articles().byKey(site.id(), ref.articleKey()).map(a -> view(r, site, a))));
    }

    /** The article any of whose URLs has the same canonical form as {@code url}. */
    public Optional<Article> findByUrl(String siteKey, String url) {
        String canonical = CanonicalUrl.canonicalise(url);
        return work.read(r -> r.sites()
                .byKey(siteKey)
                .flatMap(site ->
                        r.articles().byCanonicalUrl(site.id(), canonical).map(a -> view(r, site, a))));
    }

    /** A site's articles in registration order. */
    public Page<Article> list(String siteKey, int limit, String cursor) {
        Require.range("limit", limit, 1, 500);
        long after = cursor == null ? 0 : Cursors.decodeLongs(cursor, "articles", 1)[0];
        return work.read(r -> {
            SiteEntity site = r.sites().require(siteKey);
            List<ArticleEntity> rows = r.articles().list(site.id(), after, limit + 1);
            boolean more = rows.size() > limit;
            List<ArticleEntity> shown = more ? rows.subList(0, limit) : rows;
            String next = more ? Cursors.encode("articles", shown.getLast().id()) : null;
            return new Page<>(shown.stream().map(a -> view(r, site, a)).toList(), next);
        });
    }

    /** Makes {@code canonical} lead to the article, unless another article of the site owns it. */
    private static void attachUrl(Repositories r, SiteEntity site, ArticleEntity article, String canonical) {
        Optional<ArticleEntity> owner = r.articles().byCanonicalUrl(site.id(), canonical);
        if (owner.isPresent() && !owner.get().id().equals(article.id())) {
            throw new ConflictException(
                    ConflictException.DUPLICATE_KEY, "another article already has URL " + canonical);
        }
        if (owner.isEmpty()) {
            r.articles().addUrl(new ArticleUrlEntity(article.id(), site.id(), canonical));
        }
    }

    private static ArticleEntity require(Repositories r, SiteEntity site, ArticleRef ref) {
        return r.articles().byKey(site.id(), ref.articleKey()).orElseThrow(() -> new NotFoundException("article", ref));
    }

    private static Article view(Repositories r, SiteEntity site, ArticleEntity article) {
        return article.toArticle(site, new LinkedHashSet<>(r.articles().canonicalUrls(article.id())));
    }
}
