package org.parley.core.comment.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.parley.core.article.ArticleRef;
import org.parley.core.comment.Comment;
import org.parley.core.comment.CommentAuthor;
import org.parley.core.comment.CommentId;
import org.parley.core.comment.CommentStatus;
import org.parley.core.comment.Screening;
import org.parley.core.support.Json;

/**
 * Persistent state of a comment. Not part of the API: use {@code CommentService}.
 *
 * <p>{@code path} is the materialised path: the ids of the ancestors and of the comment itself,
 * each as {@value #SEGMENT} zero-padded digits. Counters ({@code replyCount}, {@code reactionCount})
 * are not updatable through the entity: they change only through atomic updates, so concurrent
 * posts and reactions never overwrite each other.
 */
@Entity
@Table(name = "comment")
@DynamicUpdate
public class CommentEntity {
    /** Digits per path segment. */
    public static final int SEGMENT = 12;
    /** Deepest nesting stored; the path column holds 150 segments. */
    public static final int MAX_STORED_DEPTH = 149;

    /** Drawn from {@code comment_seq} before the insert ({@code CommentRepository.nextId()}). */
    @Id
    private Long id;

    @Column(name = "site_id", nullable = false, updatable = false)
    private long siteId;

    @Column(name = "article_id", nullable = false, updatable = false)
    private long articleId;

    @Column(name = "parent_id", updatable = false)
    private Long parentId;

    @Column(name = "root_id", nullable = false)
    private long rootId;

    @Column(nullable = false)
    private int depth;

    @Column(nullable = false, length = 2000)
    private String path;

    @Column(name = "author_id", nullable = false, updatable = false)
    private UUID authorId;

    @Column(nullable = false, length = 30)
    private String status;

    @Column(name = "body_raw", nullable = false, length = 20000)
    private String bodyRaw;

    @Column(name = "body_html", nullable = false, length = 100000)
    private String bodyHtml;

    @Column(nullable = false)
    private int revision;

    @Column(name = "reply_count", nullable = false, updatable = false)
    private long replyCount;

    @Column(name = "reaction_count", nullable = false, updatable = false)
    private long reactionCount;

    @Column(nullable = false)
    private boolean featured;

    @Column(name = "uncivil_score", nullable = false)
    private double uncivilScore;

    @Column(nullable = false, length = 4000)
    private String scores;

    @Column(name = "reason_codes", nullable = false, length = 2000)
    private String reasonCodes;

    @Column(name = "sanitizer_removals", nullable = false, length = 8000)
    private String sanitizerRemovals;

    @Column(name = "request_key", length = 100, updatable = false)
    private String requestKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    @Version
    private long version;

    protected CommentEntity() {}

    public CommentEntity(
            long id,
            CommentEntity parent,
            long siteId,
            long articleId,
            UUID authorId,
            String bodyRaw,
            Screening screening,
            CommentStatus status,
            String requestKey,
            Instant now) {
        this.id = id;
        place(parent);
        this.siteId = siteId;
        this.articleId = articleId;
        this.authorId = authorId;
        this.status = status.name();
        this.revision = 1;
        this.requestKey = requestKey;
        this.createdAt = now;
        this.statusChangedAt = now;
        applyBody(bodyRaw, screening);
    }

    /** Sets root, depth and path; {@code parent} is {@code null} at top level. */
    private void place(CommentEntity parent) {
        String segment = segment(id);
        if (parent == null) {
            this.rootId = id;
            this.depth = 0;
            this.path = segment;
        } else {
            this.parentId = parent.id;
            this.rootId = parent.rootId;
            this.depth = parent.depth + 1;
            this.path = parent.path + segment;
        }
    }

    private void applyBody(String raw, Screening screening) {
        this.bodyRaw = raw;
        this.bodyHtml = screening.safeHtml();
        this.scores = Json.scores(screening.scores());
        this.uncivilScore = screening.sortScore();
        this.reasonCodes = Json.strings(screening.reasonCodes());
        this.sanitizerRemovals = Json.strings(screening.sanitizerRemovals());
    }

    public void revise(String raw, Screening screening, Instant now) {
        applyBody(raw, screening);
        this.revision++;
        this.editedAt = now;
    }

    /** Moves through the state machine; returns the previous status. */
    public CommentStatus moveTo(CommentStatus target, Instant now) {
        CommentStatus previous = status();
        previous.moveTo(target);
        if (previous != target) {
            this.status = target.name();
            this.statusChangedAt = now;
        }
        return previous;
    }

    public void setFeatured(boolean value) {
        this.featured = value;
    }

    /** Blanks the bodies and screening data (erasure on request). */
    public void erase() {
        this.bodyRaw = "";
        this.bodyHtml = "";
        this.reasonCodes = "[]";
        this.sanitizerRemovals = "[]";
    }

    public static String segment(long id) {
        String digits = Long.toString(id);
        return "0".repeat(SEGMENT - digits.length()) + digits;
    }

    /** Ids of the ancestors, root first. */
    public List<Long> ancestorIds() {
        List<Long> ids = new ArrayList<>(depth);
        for (int i = 0; i < depth; i++) {
            ids.add(Long.parseLong(path.substring(i * SEGMENT, (i + 1) * SEGMENT)));
        }
        return ids;
    }

    public Long id() {
        return id;
    }

    public long siteId() {
        return siteId;
    }

    public long articleId() {
        return articleId;
    }

    public Long parentId() {
        return parentId;
    }

    public long rootId() {
        return rootId;
    }

    public int depth() {
        return depth;
    }

    public String path() {
        return path;
    }

    public UUID authorId() {
        return authorId;
    }

    public CommentStatus status() {
        return CommentStatus.valueOf(status);
    }

    public int revision() {
        return revision;
    }

    public boolean featured() {
        return featured;
    }

    public long replyCount() {
        return replyCount;
    }

    public long reactionCount() {
        return reactionCount;
    }

    public String bodyRaw() {
        return bodyRaw;
    }

    public String bodyHtml() {
        return bodyHtml;
    }

    /** The screening score queues sort by (see {@link Screening#sortScore()}). */
    public double uncivilScore() {
        return uncivilScore;
    }

    public String scoresJson() {
        return scores;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /**
     * The API view. With {@code placeholder} the bodies and screening details are left out (a
     * deleted or removed comment shown only to hold its replies in place).
     */
    public Comment toComment(ArticleRef article, CommentAuthor author, boolean placeholder) {
        return new Comment(
                new CommentId(id),
                article,
                parentId == null ? null : new CommentId(parentId),
                new CommentId(rootId),
                depth,
                author,
                placeholder ? null : bodyRaw,
                placeholder ? null : bodyHtml,
                status(),
                revision,
                replyCount,
                reactionCount,
                featured,
                createdAt,
                editedAt,
                placeholder ? Map.of() : Json.readScores(scores),
                placeholder ? List.of() : Json.readStrings(reasonCodes),
                placeholder ? List.of() : Json.readStrings(sanitizerRemovals));
    }
}
