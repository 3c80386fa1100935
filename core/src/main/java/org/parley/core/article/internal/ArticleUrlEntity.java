package org.parley.core.article.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One canonical URL leading to an article (current or earlier). Not part of the API. */
@Entity
@Table(name = "article_url")
public class ArticleUrlEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "article_id", nullable = false)
    private long articleId;

    @Column(name = "site_id", nullable = false)
    private long siteId;

    @Column(name = "canonical_url", nullable = false, length = 2000)
    private String canonicalUrl;

    protected ArticleUrlEntity() {}

    public ArticleUrlEntity(long articleId, long siteId, String canonicalUrl) {
        this.articleId = articleId;
        this.siteId = siteId;
        this.canonicalUrl = canonicalUrl;
    }

    public long articleId() {
        return articleId;
    }
}
