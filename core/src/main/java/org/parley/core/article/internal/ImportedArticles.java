package org.parley.core.article.internal;

import java.util.List;
import java.util.Optional;
import org.parley.core.article.ArticleDraft;
import org.parley.core.article.CanonicalUrl;
import org.parley.core.article.DiscussionState;
import org.parley.core.site.internal.SiteEntity;
import org.parley.core.unitofwork.Repositories;

/** Registers an article found in an import file, with its state and earlier URLs. Not part of the API. */
public final class ImportedArticles {
    private ImportedArticles() {}

    /** The site's article that any of these URLs already leads to. */
    public static Optional<ArticleEntity> byUrl(Repositories r, SiteEntity site, String url) {
        return r.articles().byCanonicalUrl(site.id(), CanonicalUrl.canonicalise(url));
    }

    /**
     * Registers the article; earlier URLs that another article of the site already owns are left
     * with that article.
     */
    public static ArticleEntity add(
            Repositories r, SiteEntity site, ArticleDraft draft, DiscussionState state, List<String> earlierUrls) {
        String canonical = CanonicalUrl.canonicalise(draft.url());
        ArticleEntity article = new ArticleEntity(site.id(), draft, r.now());
        if (state != DiscussionState.OPEN) {
            article.changeState(state);
        }
        r.articles().add(article);
        r.articles().addUrl(new ArticleUrlEntity(article.id(), site.id(), canonical));
        for (String url : earlierUrls) {
            String other = CanonicalUrl.canonicalise(url);
            if (!other.equals(canonical)
                    && r.articles().byCanonicalUrl(site.id(), other).isEmpty()) {
                r.articles().addUrl(new ArticleUrlEntity(article.id(), site.id(), other));
            }
        }
        return article;
    }
}
