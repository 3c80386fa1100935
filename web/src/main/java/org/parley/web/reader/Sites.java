package org.parley.web.reader;

import org.parley.core.article.Article;
import org.parley.core.site.Site;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.problem.ProblemException;
import org.parley.web.reader.ReaderViews.ArticleView;

/** Looks up the site a reader request names. */
final class Sites {

    private Sites() {}

    /** The site named by {@code ?site=}; 400 when missing, 404 when unknown. */
    static Site require(ParleyRuntime runtime, String site) {
        if (site == null || site.isBlank()) {
            throw ProblemException.badParameter("site", "name the site with ?site=");
        }
        return runtime.core().sites().get(site.strip());
    }

    static ArticleView view(HostedArticles hosted, Article article) {
        return ArticleView.of(article, hosted.html(article.ref()).orElse(null));
    }
}
