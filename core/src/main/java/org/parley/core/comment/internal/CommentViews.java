package org.parley.core.comment.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.parley.core.article.ArticleRef;
import org.parley.core.article.internal.ArticleEntity;
import org.parley.core.author.internal.AuthorEntity;
import org.parley.core.comment.Comment;
import org.parley.core.comment.CommentAuthor;
import org.parley.core.site.internal.SiteEntity;
import org.parley.core.unitofwork.Repositories;

/**
 * Turns stored comments into API views within one unit of work, loading the authors and
 * articles they need in batches (never one query per comment). Not part of the API.
 */
public final class CommentViews {
    private final Repositories r;
    private final Map<Long, ArticleRef> articles = new HashMap<>();
    private final Map<Long, String> siteKeys = new HashMap<>();
    private final Map<UUID, CommentAuthor> authors = new HashMap<>();

    public CommentViews(Repositories r) {
        this.r = r;
    }

    /** Loads what the views of these comments need. */
    public CommentViews preload(Collection<CommentEntity> comments) {
        Set<Long> articleIds = new HashSet<>();
        Set<UUID> authorIds = new HashSet<>();
        for (CommentEntity c : comments) {
            if (!articles.containsKey(c.articleId())) {
                articleIds.add(c.articleId());
            }
            if (!authors.containsKey(c.authorId())) {
                authorIds.add(c.authorId());
            }
        }
        if (!articleIds.isEmpty()) {
            for (ArticleEntity a : r.articles().byIds(articleIds).values()) {
                articles.put(a.id(), new ArticleRef(siteKey(a.siteId()), a.key()));
            }
        }
        if (!authorIds.isEmpty()) {
            for (AuthorEntity a : r.authors().byIds(authorIds).values()) {
                authors.put(a.id().value(), new CommentAuthor(a.id(), a.displayName(), a.kind(), a.avatarUrl()));
            }
        }
        return this;
    }

    private String siteKey(long siteId) {
        return siteKeys.computeIfAbsent(
                siteId, id -> r.sites().byId(id).map(SiteEntity::key).orElseThrow());
    }

    /** The full view, bodies included. */
    public Comment view(CommentEntity c) {
        return view(c, false);
    }

    /** The view; a placeholder leaves bodies and screening details out. */
    public Comment view(CommentEntity c, boolean placeholder) {
        if (!articles.containsKey(c.articleId()) || !authors.containsKey(c.authorId())) {
            preload(List.of(c));
        }
        return c.toComment(articles.get(c.articleId()), authors.get(c.authorId()), placeholder);
    }

    public List<Comment> viewAll(List<CommentEntity> comments) {
        preload(comments);
        return comments.stream().map(this::view).toList();
    }

    public ArticleRef article(long articleId) {
        if (!articles.containsKey(articleId)) {
            ArticleEntity a = r.articles().byId(articleId).orElseThrow();
            articles.put(articleId, new ArticleRef(siteKey(a.siteId()), a.key()));
        }
        return articles.get(articleId);
    }
}
