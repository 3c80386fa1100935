package org.parley.core.porting.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One record of an imported file and what it became in a site (an article, an author or a comment).
 * Written once, never changed. Not part of the API.
 */
@Entity
@Table(name = "import_source")
public class ImportSourceEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_source_ids")
    @SequenceGenerator(name = "import_source_ids", sequenceName = "import_source_seq", allocationSize = 50)
    private Long id;

    @Column(name = "site_id", nullable = false, updatable = false)
    private long siteId;

    @Column(name = "source_key", nullable = false, length = 300, updatable = false)
    private String sourceKey;

    @Column(name = "article_id", updatable = false)
    private Long articleId;

    @Column(name = "author_id", updatable = false)
    private UUID authorId;

    @Column(name = "comment_id", updatable = false)
    private Long commentId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ImportSourceEntity() {}

    private ImportSourceEntity(
            long siteId, String sourceKey, Long articleId, UUID authorId, Long commentId, Instant now) {
        this.siteId = siteId;
        this.sourceKey = sourceKey;
        this.articleId = articleId;
        this.authorId = authorId;
        this.commentId = commentId;
        this.createdAt = now;
    }

    public static ImportSourceEntity article(long siteId, String sourceKey, long articleId, Instant now) {
        return new ImportSourceEntity(siteId, sourceKey, articleId, null, null, now);
    }

    public static ImportSourceEntity author(long siteId, String sourceKey, UUID authorId, Instant now) {
        return new ImportSourceEntity(siteId, sourceKey, null, authorId, null, now);
    }

    public static ImportSourceEntity comment(long siteId, String sourceKey, long commentId, Instant now) {
        return new ImportSourceEntity(siteId, sourceKey, null, null, commentId, now);
    }

    public String sourceKey() {
        return sourceKey;
    }

    public Long articleId() {
        return articleId;
    }

    public UUID authorId() {
        return authorId;
    }

    public Long commentId() {
        return commentId;
    }

    /** When the import that made this mapping ran. */
    public Instant createdAt() {
        return createdAt;
    }
}
