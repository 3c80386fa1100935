package org.parley.core.porting;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.parley.core.ValidationException;
import org.parley.core.article.ArticleDraft;
import org.parley.core.article.ArticleRef;
import org.parley.core.article.CanonicalUrl;
import org.parley.core.article.DiscussionState;
import org.parley.core.article.internal.ArticleEntity;
import org.parley.core.article.internal.ImportedArticles;
import org.parley.core.author.internal.ImportedAuthors;
import org.parley.core.comment.CommentStatus;
import org.parley.core.comment.internal.CommentEntity;
import org.parley.core.comment.internal.ImportedComments;
import org.parley.core.porting.internal.ImportSourceEntity;
import org.parley.core.review.Actor;
import org.parley.core.site.internal.SiteEntity;
import org.parley.core.support.Require;
import org.parley.core.unitofwork.Repositories;

/**
 * The import rules, applied to one file inside one transaction.
 *
 * <ul>
 *   <li>Idempotent: every stored article, author and comment is mapped from its source key; a
 *       record already mapped in the site is counted as already imported and left alone.</li>
 *   <li>A deleted, spam or trashed post is remembered without its body and stored as an empty
 *       placeholder only when a reply to it is stored; otherwise it is skipped and reported.</li>
 *   <li>A post whose thread is missing from the file is an orphan and is skipped; a reply that comes
 *       before its parent waits for it; a reply whose parent never comes becomes top-level.</li>
 *   <li>Bodies go through the caller's sanitiser (HTML as HTML, Parley bodies as Markdown); the raw
 *       body is stored beside the safe HTML. No civility screening; the status is the source's.</li>
 * </ul>
 *
 * <p>Memory: the pending flush window (then the persistence context is cleared), the threads of
 * the file without their bodies, placeholder candidates without bodies, replies waiting for a
 * parent, and bounded caches of recent source-key mappings. Message bodies of stored posts are not
 * kept, so a file of any size imports in a small heap.
 */
final class Importer {
    private static final int FLUSH_EVERY = 500;
    private static final int CACHE = 20_000;
    private static final int MAX_RAW = 20_000;
    private static final int MAX_HTML = 100_000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,200}@[^@\\s]{1,200}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}");
    private static final Pattern SEGMENT = Pattern.compile("[^A-Za-z0-9._-]+");

    private final Repositories r;
    private final SiteEntity site;
    private final BodySanitiser sanitiser;
    private final Actor actor;
    private final SourceFormat format;

    private final Map<String, SourceItem.Article> threads = new HashMap<>();
    private final Map<String, Long> articles = new HashMap<>();
    private final Map<String, SourceItem.Post> candidates = new HashMap<>();
    private final Map<String, List<SourceItem.Post>> waiting = new HashMap<>();
    private final Map<String, Long> commentIds = lru();
    /** Post keys this file has already given (the latest {@link #CACHE}); older ones: {@link #startedAt}. */
    private final Map<String, Boolean> postsSeen = lru();
    /** When this import began: a mapping made since then was made by this file. */
    private final Instant startedAt;

    private final Map<String, UUID> authorIds = lru();
    private final Set<Long> touched = new TreeSet<>();
    private final Map<String, Long> skipped = new TreeMap<>();
    private final List<ImportReport.SkippedPost> listed = new ArrayList<>();
    private long articlesCreated;
    private long articlesExisting;
    private long authorsCreated;
    private long comments;
    private long tombstones;
    private long alreadyImported;
    private long reattached;
    private long undated;
    private int unflushed;

    Importer(Repositories r, SiteEntity site, SourceFormat format, BodySanitiser sanitiser, Actor actor) {
        this.r = r;
        this.site = site;
        this.format = format;
        this.sanitiser = sanitiser;
        this.actor = actor;
        this.startedAt = r.now();
    }

    ImportReport run(SourceReader reader) {
        r.porting().flushOnlyOnCommitOrRequest();
        for (SourceItem item = reader.next(); item != null; item = reader.next()) {
            switch (item) {
                case SourceItem.Article a -> thread(a);
                case SourceItem.Author a -> author(a);
                case SourceItem.Post p -> post(p);
                case SourceItem.Skipped s -> skip(s.sourceKey(), s.reason());
            }
        }
        finish();
        return new ImportReport(
                format,
                articlesCreated,
                articlesExisting,
                authorsCreated,
                comments,
                tombstones,
                alreadyImported,
                reattached,
                undated,
                skipped,
                listed);
    }

    private void thread(SourceItem.Article a) {
        threads.put(a.sourceKey(), a);
        if (format == SourceFormat.PARLEY) {
            articleOf(a.sourceKey());
        }
    }

    private void author(SourceItem.Author a) {
        if (!authorIds.containsKey(a.sourceKey()) && mapped(a.sourceKey()).isEmpty()) {
            createAuthor(a);
        }
    }

    private void post(SourceItem.Post p) {
        if (postsSeen.put(p.sourceKey(), Boolean.TRUE) != null) {
            // The file gives this id twice (WordPress ids are per installation, so merged exports can):
            // the first post with it stands, the others are reported.
            skip(p.sourceKey(), "duplicate-id");
            return;
        }
        if (commentIds.containsKey(p.sourceKey()) || candidates.containsKey(p.sourceKey())) {
            alreadyImported++;
            return;
        }
        Optional<ImportSourceEntity> earlier = mapped(p.sourceKey());
        if (earlier.isPresent() && !earlier.get().createdAt().isBefore(startedAt)) {
            skip(p.sourceKey(), "duplicate-id"); // stored by this file, longer ago than postsSeen remembers
            return;
        }
        if (earlier.isPresent()) {
            alreadyImported++;
            commentIds.put(p.sourceKey(), earlier.get().commentId());
            return;
        }
        String problem = articleProblem(p.articleSourceKey());
        if (problem != null) {
            skip(p.sourceKey(), problem);
            return;
        }
        if (p.status().onlyAsPlaceholder()) {
            SourceItem.Post placeholder = new SourceItem.Post(
                    p.sourceKey(),
                    p.articleSourceKey(),
                    p.parentSourceKey(),
                    p.author(),
                    p.authorSourceKey(),
                    p.createdAt(),
                    "",
                    p.markup(),
                    p.status(),
                    false);
            if (waiting.containsKey(p.sourceKey())) {
                offer(placeholder);
            } else {
                candidates.put(p.sourceKey(), placeholder);
            }
            return;
        }
        offer(p);
    }

    /** Stores the post once its parent is stored, then every reply that was waiting for it. */
    private void offer(SourceItem.Post first) {
        Deque<SourceItem.Post> work = new ArrayDeque<>();
        work.push(first);
        while (!work.isEmpty()) {
            SourceItem.Post p = work.pop();
            Long parent = null;
            if (p.parentSourceKey() != null) {
                parent = commentId(p.parentSourceKey());
                if (parent == null) {
                    waiting.computeIfAbsent(p.parentSourceKey(), k -> new ArrayList<>())
                            .add(p);
                    SourceItem.Post placeholder = candidates.remove(p.parentSourceKey());
                    if (placeholder != null) {
                        work.push(placeholder);
                    }
                    continue;
                }
            }
            if (store(p, parent)) {
                List<SourceItem.Post> replies = waiting.remove(p.sourceKey());
                if (replies != null) {
                    replies.forEach(work::push);
                }
            }
        }
    }

    private boolean store(SourceItem.Post p, Long parentId) {
        long articleId = articleOf(p.articleSourceKey());
        CommentEntity parent =
                parentId == null ? null : r.comments().byId(parentId).orElse(null);
        if (parent != null && parent.articleId() != articleId) {
            parent = null;
            reattached++;
        }
        while (parent != null && parent.depth() >= CommentEntity.MAX_STORED_DEPTH) {
            parent = r.comments().byId(parent.parentId()).orElseThrow();
        }
        CommentStatus status = status(p.status());
        String raw = p.status().onlyAsPlaceholder() ? "" : p.body().strip();
        boolean placeholder = raw.isEmpty() && status.isTombstone();
        String html = "";
        List<String> removed = List.of();
        if (!placeholder) {
            if (raw.isEmpty()) {
                return skip(p.sourceKey(), "empty");
            }
            if (raw.length() > MAX_RAW) {
                return skip(p.sourceKey(), "too-long");
            }
            try {
                Require.storable("body", raw);
            } catch (ValidationException e) {
                return skip(p.sourceKey(), "invalid-text");
            }
            BodySanitiser.Clean clean = switch (p.markup()) {
                case HTML -> sanitiser.html(raw);
                case WORDPRESS -> sanitiser.html(paragraphs(raw));
                case MARKDOWN -> sanitiser.markdown(raw);
            };
            if (clean.safeHtml().length() > MAX_HTML) {
                return skip(p.sourceKey(), "too-long");
            }
            html = clean.safeHtml();
            removed = clean.removed();
        }
        Instant created = p.createdAt();
        if (created == null) {
            created = r.now();
            undated++;
        }
        UUID author = authorOf(p);
        CommentEntity c = ImportedComments.add(
                r,
                site.id(),
                articleId,
                parent,
                author,
                raw,
                html,
                removed,
                status,
                p.featured(),
                created,
                actor,
                p.sourceKey());
        r.porting().add(ImportSourceEntity.comment(site.id(), p.sourceKey(), c.id(), r.now()));
        commentIds.put(p.sourceKey(), c.id());
        touched.add(articleId);
        if (placeholder) {
            tombstones++;
        } else {
            comments++;
        }
        if (++unflushed >= FLUSH_EVERY) {
            r.porting().flushAndClear();
            unflushed = 0;
        }
        return true;
    }

    /** WordPress's display rule: blank lines make paragraphs, single newlines line breaks (unless it has paragraphs already). */
    static String paragraphs(String text) {
        if (text.contains("<p>") || text.contains("<p ")) {
            return text;
        }
        StringBuilder b = new StringBuilder();
        for (String paragraph : text.split("\\R\\s*\\R")) {
            b.append("<p>")
                    .append(paragraph.strip().replaceAll("\\R", "<br>\n"))
                    .append("</p>\n");
        }
        return b.toString().strip();
    }

    private static CommentStatus status(SourceItem.Status s) {
        return switch (s) {
            case PUBLISHED -> CommentStatus.PUBLISHED;
            case HELD -> CommentStatus.HELD;
            case REJECTED -> CommentStatus.REJECTED;
            case DELETED_BY_AUTHOR, DELETED -> CommentStatus.DELETED_BY_AUTHOR;
            case REMOVED_BY_MODERATOR, SPAM, TRASH -> CommentStatus.REMOVED_BY_MODERATOR;
        };
    }

    private void finish() {
        // Replies whose parent never came: keep them, at top level, with whatever waited on them.
        while (!waiting.isEmpty()) {
            String missing = waiting.keySet().iterator().next();
            for (SourceItem.Post orphanReply : waiting.remove(missing)) {
                reattached++;
                offer(new SourceItem.Post(
                        orphanReply.sourceKey(),
                        orphanReply.articleSourceKey(),
                        null,
                        orphanReply.author(),
                        orphanReply.authorSourceKey(),
                        orphanReply.createdAt(),
                        orphanReply.body(),
                        orphanReply.markup(),
                        orphanReply.status(),
                        orphanReply.featured()));
            }
        }
        for (SourceItem.Post unused : candidates.values()) {
            skip(unused.sourceKey(), unused.status().name().toLowerCase(Locale.ROOT));
        }
        candidates.clear();
        r.porting().flushAndClear();
        touched.forEach(r.porting()::recount);
    }

    /** Why posts of this thread cannot be stored, or {@code null} if they can. */
    private String articleProblem(String sourceKey) {
        if (articles.containsKey(sourceKey)) {
            return null;
        }
        SourceItem.Article a = threads.get(sourceKey);
        if (a == null) {
            Optional<ImportSourceEntity> earlier = mapped(sourceKey);
            if (earlier.isPresent()) {
                articles.put(sourceKey, earlier.get().articleId());
                return null;
            }
            return "orphan";
        }
        if (a.deleted()) {
            return "thread-deleted";
        }
        if (a.url() == null || !usableUrl(a.url())) {
            return "thread-without-url";
        }
        return null;
    }

    private static boolean usableUrl(String url) {
        try {
            CanonicalUrl.of(url);
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }

    /** The article for a thread whose {@link #articleProblem} is {@code null}, registered on first use. */
    private long articleOf(String sourceKey) {
        Long known = articles.get(sourceKey);
        if (known != null) {
            return known;
        }
        String problem = articleProblem(sourceKey);
        if (problem != null) {
            throw new ValidationException("file", "article " + sourceKey + ": " + problem);
        }
        known = articles.get(sourceKey);
        if (known != null) {
            return known;
        }
        SourceItem.Article a = threads.get(sourceKey);
        Optional<ImportSourceEntity> earlier = mapped(sourceKey);
        long id;
        if (earlier.isPresent()) {
            id = earlier.get().articleId();
            articlesExisting++;
        } else {
            Optional<ArticleEntity> same =
                    a.key() != null && KEY.matcher(a.key()).matches()
                            ? r.articles().byKey(site.id(), a.key())
                            : Optional.empty();
            if (same.isEmpty()) {
                same = ImportedArticles.byUrl(r, site, a.url());
            }
            if (same.isPresent()) {
                id = same.get().id();
                articlesExisting++;
            } else {
                id = createArticle(a);
                articlesCreated++;
            }
            r.porting().add(ImportSourceEntity.article(site.id(), sourceKey, id, r.now()));
        }
        articles.put(sourceKey, id);
        return id;
    }

    private long createArticle(SourceItem.Article a) {
        String key = articleKey(a);
        if (r.articles().byKey(site.id(), key).isPresent()) {
            key = clip(key, 190) + "-"
                    + SourceKeys.anonymous("", a.sourceKey(), "").substring(0, 8);
        }
        String title = a.title() != null && !a.title().isBlank() ? a.title() : a.url();
        DiscussionState state;
        try {
            state = a.state() == null ? DiscussionState.OPEN : DiscussionState.valueOf(a.state());
        } catch (IllegalArgumentException e) {
            throw new ValidationException("file", "article " + a.sourceKey() + ": unknown state " + a.state());
        }
        ArticleDraft draft = new ArticleDraft(
                ArticleRef.of(site.key(), key),
                a.url(),
                clip(clean(title), 300),
                a.byline() == null ? null : clip(clean(a.byline()), 200),
                a.publishedAt(),
                null);
        return ImportedArticles.add(r, site, draft, state, a.urls()).id();
    }

    /**
     * A Parley export's key as it was. Otherwise the source's identifier, or else the URL, made
     * into a key that also fits one URL path segment (the reader API's {@code /articles/{key}}):
     * scheme, query and fragment dropped, every run of other characters than letters, digits and
     * {@code . _ -} turned into {@code -} ({@code news.example/2011/budget?x=1} becomes
     * {@code news.example-2011-budget}).
     */
    private String articleKey(SourceItem.Article a) {
        if (format == SourceFormat.PARLEY
                && a.key() != null
                && KEY.matcher(a.key()).matches()) {
            return a.key();
        }
        String source = a.key() != null ? a.key() : a.url();
        String key = SEGMENT.matcher(
                        source.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "").replaceFirst("[?#].*$", ""))
                .replaceAll("-")
                .replaceAll("^[^A-Za-z0-9]+", "")
                .replaceAll("-+$", "");
        return key.isEmpty()
                ? "imported-" + SourceKeys.anonymous("", a.sourceKey(), "").substring(0, 12)
                : clip(key, 200);
    }

    private UUID authorOf(SourceItem.Post p) {
        UUID known = authorIds.get(p.authorSourceKey());
        if (known != null) {
            return known;
        }
        Optional<ImportSourceEntity> earlier = mapped(p.authorSourceKey());
        if (earlier.isPresent()) {
            authorIds.put(p.authorSourceKey(), earlier.get().authorId());
            return earlier.get().authorId();
        }
        if (p.author() == null) {
            throw new ValidationException(
                    "file",
                    "comment " + p.sourceKey() + " names author " + p.authorSourceKey()
                            + ", which the file does not declare before it");
        }
        return createAuthor(p.author());
    }

    private UUID createAuthor(SourceItem.Author a) {
        String name = a.name() == null || a.name().isBlank() ? "Anonymous" : clip(clean(a.name()), 100);
        String email = a.email() != null
                        && a.email().length() <= 320
                        && EMAIL.matcher(a.email().strip()).matches()
                ? clean(a.email().strip())
                : null;
        UUID id = a.externalId() != null && !a.externalId().isBlank()
                ? ImportedAuthors.external(r, site, clip(clean(a.externalId()), 200), name, email)
                : ImportedAuthors.guest(r, site, name, email);
        // Nothing maps the author's relations for Hibernate to order inserts by: write it before anything refers to it.
        r.porting().flushAndClear();
        unflushed = 0;
        r.porting().add(ImportSourceEntity.author(site.id(), a.sourceKey(), id, r.now()));
        authorIds.put(a.sourceKey(), id);
        authorsCreated++;
        return id;
    }

    private Long commentId(String sourceKey) {
        Long known = commentIds.get(sourceKey);
        if (known != null) {
            return known;
        }
        Optional<ImportSourceEntity> earlier = mapped(sourceKey);
        if (earlier.isPresent() && earlier.get().commentId() != null) {
            commentIds.put(sourceKey, earlier.get().commentId());
            return earlier.get().commentId();
        }
        return null;
    }

    /**
     * The mapping an earlier import (or this one, once flushed) wrote. Entries this import wrote
     * since the last flush are always in the caches, which hold far more than one flush window.
     */
    private Optional<ImportSourceEntity> mapped(String sourceKey) {
        return sourceKey.length() > 300 ? Optional.empty() : r.porting().bySourceKey(site.id(), sourceKey);
    }

    private boolean skip(String sourceKey, String reason) {
        skipped.merge(reason, 1L, Long::sum);
        if (listed.size() < ImportReport.LISTED) {
            listed.add(new ImportReport.SkippedPost(sourceKey, reason));
        }
        return false;
    }

    /** Text as the database stores it exactly: no NUL, no unpaired surrogate. */
    private static String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                b.append(c).append(text.charAt(++i));
            } else if (c != '\0' && !Character.isSurrogate(c)) {
                b.append(c);
            }
        }
        return b.toString().strip();
    }

    private static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end).strip();
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > CACHE;
            }
        };
    }
}
