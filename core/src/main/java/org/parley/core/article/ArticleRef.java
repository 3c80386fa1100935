package org.parley.core.article;

import org.parley.core.support.Require;

/** Names an article: its site's key and the article's stable key within that site. */
public record ArticleRef(String siteKey, String articleKey) {
    public ArticleRef {
        Require.key("siteKey", siteKey);
        Require.key("articleKey", articleKey);
    }

    public static ArticleRef of(String siteKey, String articleKey) {
        return new ArticleRef(siteKey, articleKey);
    }

    @Override
    public String toString() {
        return siteKey + "/" + articleKey;
    }
}
