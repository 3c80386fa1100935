package org.parley.core.porting;

import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.parley.core.article.internal.ArticleEntity;
import org.parley.core.author.Author;
import org.parley.core.author.internal.AuthorEntity;
import org.parley.core.comment.internal.CommentEntity;
import org.parley.core.site.internal.SiteEntity;
import org.parley.core.support.Json;
import org.parley.core.unitofwork.Repositories;

/**
 * Writes a site as {@value #FORMAT} NDJSON, one record per line, in an order an import can follow
 * without looking ahead: the site, its articles, the authors of its comments (by first comment),
 * then its comments by id (a parent always has a smaller id than its replies).
 *
 * <pre>
 * {"type":"site","format":"parley-export/1","key":"news","name":"News","exportedAt":"..."}
 * {"type":"article","key":"a1","url":"https://...","title":"...","byline":null,"publishedAt":null,"state":"OPEN","urls":[...]}
 * {"type":"author","id":"0b7c...","kind":"GUEST","name":"Ann","email":null,"externalId":null}
 * {"type":"comment","id":12,"article":"a1","parent":null,"author":"0b7c...","status":"PUBLISHED","featured":false,"createdAt":"...","body":"raw Markdown"}
 * </pre>
 *
 * <p>Bodies are the raw text as typed: never render them as HTML (an import sanitises them again).
 * Authors carry name, e-mail and host-site id, never tokens, passwords or trust figures. Memory
 * holds one page of rows and the map of article ids to keys.
 */
final class SiteExporter {
    /** The format name in the first line. */
    static final String FORMAT = "parley-export/1";

    private static final int PAGE = 500;

    private final Repositories r;
    private final Writer out;
    private final LongConsumer progress;
    private long records;

    SiteExporter(Repositories r, Writer out, LongConsumer progress) {
        this.r = r;
        this.out = out;
        this.progress = progress;
    }

    long run(SiteEntity site) {
        line(Json.object()
                .add("type", "site")
                .add("format", FORMAT)
                .add("key", site.key())
                .add("name", site.toSite().name())
                .add("exportedAt", r.now().toString()));
        Map<Long, String> keys = new HashMap<>();
        for (long after = 0; ; ) {
            List<ArticleEntity> page = r.articles().list(site.id(), after, PAGE);
            for (ArticleEntity a : page) {
                keys.put(a.id(), a.key());
                var view = a.toArticle(site, new TreeSet<>(r.articles().canonicalUrls(a.id())));
                line(Json.object()
                        .add("type", "article")
                        .add("key", a.key())
                        .add("url", a.url())
                        .add("title", a.title())
                        .add("byline", Json.string(view.author()))
                        .add(
                                "publishedAt",
                                Json.string(
                                        view.publishedAt() == null
                                                ? null
                                                : view.publishedAt().toString()))
                        .add("state", view.discussionState().name())
                        .add("urls", Json.stringArray(List.copyOf(new TreeSet<>(view.canonicalUrls())))));
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.getLast().id();
            r.porting().flushAndClear();
        }
        for (long after = 0; ; ) {
            List<Object[]> page = r.porting().authorsByFirstComment(site.id(), after, PAGE);
            List<UUID> ids = new ArrayList<>();
            page.forEach(row -> ids.add((UUID) row[0]));
            Map<UUID, AuthorEntity> authors = r.authors().byIds(ids);
            for (UUID id : ids) {
                Author a = authors.get(id).toAuthor((String) null);
                line(Json.object()
                        .add("type", "author")
                        .add("id", id.toString())
                        .add("kind", a.kind().name())
                        .add("name", a.displayName())
                        .add("email", Json.string(a.email()))
                        .add("externalId", Json.string(a.externalId())));
            }
            if (page.size() < PAGE) {
                break;
            }
            after = ((Number) page.getLast()[1]).longValue();
            r.porting().flushAndClear();
        }
        for (long after = 0; ; ) {
            List<CommentEntity> page = r.porting().comments(site.id(), after, PAGE);
            for (CommentEntity c : page) {
                JsonObjectBuilder o =
                        Json.object().add("type", "comment").add("id", c.id()).add("article", keys.get(c.articleId()));
                if (c.parentId() == null) {
                    o.addNull("parent");
                } else {
                    o.add("parent", c.parentId());
                }
                line(o.add("author", c.authorId().toString())
                        .add("status", c.status().name())
                        .add("featured", c.featured())
                        .add("createdAt", c.createdAt().toString())
                        .add("body", c.bodyRaw()));
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.getLast().id();
            r.porting().flushAndClear();
        }
        flush();
        return records;
    }

    private void line(JsonObjectBuilder record) {
        try {
            out.write(record.build().toString());
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        records++;
        if (progress != null) {
            progress.accept(records);
        }
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
