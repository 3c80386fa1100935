package org.parley.core.comment;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parley.core.ConflictException;
import org.parley.core.ForbiddenException;
import org.parley.core.InvalidStateException;
import org.parley.core.NotFoundException;
import org.parley.core.ValidationException;
import org.parley.core.article.internal.ArticleEntity;
import org.parley.core.author.AuthorId;
import org.parley.core.author.internal.AuthorEntity;
import org.parley.core.author.internal.Authors;
import org.parley.core.comment.internal.CommentEntity;
import org.parley.core.comment.internal.CommentViews;
import org.parley.core.comment.internal.ReactionEntity;
import org.parley.core.comment.internal.RevisionEntity;
import org.parley.core.comment.internal.Transitions;
import org.parley.core.notification.internal.Notifications;
import org.parley.core.review.Actor;
import org.parley.core.review.DecisionAction;
import org.parley.core.review.internal.AuditLog;
import org.parley.core.site.ModerationMode;
import org.parley.core.site.internal.SiteEntity;
import org.parley.core.support.Require;
import org.parley.core.unitofwork.Repositories;
import org.parley.core.unitofwork.UnitOfWork;

/**
 * Posting, editing, deleting and reacting, for authors. Every method is one transaction: it either
 * completes with every derived figure (reply counts, article count, audit record) updated, or
 * throws a {@link org.parley.core.ParleyException} and writes nothing. Thread-safe. Obtain it from
 * {@code ParleyCore.comments()}.
 */
public final class CommentService {
    private final UnitOfWork work;

    public CommentService(UnitOfWork work) {
        this.work = work;
    }

    /**
     * Stores a new comment or reply with the status the screening verdict and the moderation mode
     * give (see {@link CommentStatus#initial}); a hold or reject also appends a system decision.
     *
     * @throws NotFoundException      unknown article or author
     * @throws ValidationException    empty or oversize body; parent unknown or in another article
     * @throws InvalidStateException  discussion closed; parent not published
     * @throws ForbiddenException     author of another site, banned or suspended; guests not allowed on the site
     */
    public Comment post(NewComment request, Screening screening) {
        Require.present("screening", screening);
        try {
            return work.write(r -> doPost(r, request, screening));
        } catch (ConflictException e) {
            if (request.requestKey() != null && ConflictException.DUPLICATE_KEY.equals(e.code())) {
                Optional<Comment> first = findByRequestKey(request.author(), request.requestKey());
                if (first.isPresent()) {
                    return first.get();
                }
            }
            throw e;
        }
    }

    private Comment doPost(Repositories r, NewComment request, Screening screening) {
        SiteEntity site = r.sites()
                .byKey(request.article().siteKey())
                .orElseThrow(() -> new NotFoundException("article", request.article()));
        ArticleEntity article = r.articles()
                .byKey(site.id(), request.article().articleKey())
                .orElseThrow(() -> new NotFoundException("article", request.article()));
        AuthorEntity author = r.authors().require(request.author());
        if (request.requestKey() != null) {
            Optional<CommentEntity> first =
                    r.comments().byRequestKey(author.id().value(), request.requestKey());
            if (first.isPresent()) {
                return new CommentViews(r).view(first.get());
            }
        }
        requireOpen(article);
        Authors.requireMayParticipate(r, author, site);
        String body = body(request.body(), site);
        CommentEntity parent = null;
        if (request.parent() != null) {
            parent = r.comments()
                    .byId(request.parent().value())
                    .orElseThrow(() ->
                            new ValidationException("parentId", "no comment " + request.parent() + " in this article"));
            if (parent.articleId() != article.id()) {
                throw new ValidationException(
                        "parentId", "comment " + request.parent() + " belongs to another article");
            }
            if (parent.status() != CommentStatus.PUBLISHED) {
                throw new InvalidStateException(
                        InvalidStateException.PARENT_NOT_PUBLISHED,
                        "comment " + request.parent() + " cannot be replied to: it is "
                                + parent.status().name().toLowerCase(Locale.ROOT));
            }
            if (parent.depth() >= CommentEntity.MAX_STORED_DEPTH) {
                throw new ValidationException("parentId", "the thread is nested too deeply to reply here");
            }
            r.comments().lockUnchanged(parent);
        }
        boolean pre = article.effectiveModeration(site) == ModerationMode.PRE_MODERATION;
        CommentStatus status = CommentStatus.initial(screening.verdict(), pre);
        CommentEntity comment = new CommentEntity(
                r.comments().nextId(),
                parent,
                site.id(),
                article.id(),
                author.id().value(),
                body,
                screening,
                status,
                request.requestKey(),
                r.now());
        r.comments().add(comment);
        r.comments().addRevision(new RevisionEntity(comment.id(), 1, body, screening.safeHtml(), r.now()));
        if (status.isVisibleToReaders()) {
            Transitions.adjustVisibleCounts(r, comment, 1);
        }
        if (status == CommentStatus.REJECTED) {
            r.authors().adjustTrust(author.id().value(), 0, 1);
        }
        String reason = status == CommentStatus.PUBLISHED ? null : reason(screening, pre);
        if (status != CommentStatus.PUBLISHED) {
            AuditLog.comment(r, comment, null, status, DecisionAction.SCREEN, Actor.system(), reason, note(screening));
        }
        Notifications.commentMoved(
                r, comment, null, status, DecisionAction.SCREEN, Actor.system(), reason, note(screening));
        r.flush();
        return new CommentViews(r).view(comment);
    }

    /**
     * Replaces the body of the author's own comment within the site's edit window, keeping the
     * previous revision. The new verdict applies: hold or reject moves the comment (a system
     * decision); publish keeps its status, except that under pre-moderation it is held again.
     *
     * @throws ForbiddenException     not the author; author of another site, banned or suspended
     * @throws ConflictException      {@code conflict.stale-revision} if edited meanwhile
     * @throws InvalidStateException  window passed, discussion closed, comment not held or published
     */
    public Comment edit(CommentEdit edit, Screening screening) {
        Require.present("screening", screening);
        return work.write(r -> {
            CommentEntity c = r.comments().require(edit.comment());
            if (!c.authorId().equals(edit.editor().value())) {
                throw new ForbiddenException(ForbiddenException.NOT_AUTHOR, "only its author may edit a comment");
            }
            SiteEntity site = r.sites().byId(c.siteId()).orElseThrow();
            ArticleEntity article = r.articles().byId(c.articleId()).orElseThrow();
            AuthorEntity author = r.authors().require(edit.editor());
            Authors.requireMayParticipate(r, author, site);
            requireOpen(article);
            if (!c.status().isEditable()) {
                throw new InvalidStateException(
                        InvalidStateException.NOT_EDITABLE,
                        "a " + c.status().name().toLowerCase(Locale.ROOT) + " comment cannot be edited");
            }
            if (c.revision() != edit.expectedRevision()) {
                throw new ConflictException(
                        ConflictException.STALE_REVISION,
                        "the comment is at revision " + c.revision() + ", not " + edit.expectedRevision());
            }
            Instant deadline = c.createdAt().plus(site.settings().editWindow());
            if (r.now().isAfter(deadline)) {
                throw new InvalidStateException(
                        InvalidStateException.EDIT_WINDOW_PASSED,
                        "comments can be edited for "
                                + site.settings().editWindow().toMinutes() + " minutes after posting");
            }
            String body = body(edit.body(), site);
            c.revise(body, screening, r.now());
            r.comments().addRevision(new RevisionEntity(c.id(), c.revision(), body, screening.safeHtml(), r.now()));
            boolean pre = article.effectiveModeration(site) == ModerationMode.PRE_MODERATION;
            CommentStatus target = switch (screening.verdict()) {
                case REJECT -> CommentStatus.REJECTED;
                case HOLD -> CommentStatus.HELD;
                case PUBLISH -> pre ? CommentStatus.HELD : c.status();
            };
            if (target != c.status()) {
                Transitions.move(
                        r, c, target, DecisionAction.SCREEN, Actor.system(), reason(screening, pre), note(screening));
            }
            r.flush();
            return new CommentViews(r).view(c);
        });
    }

    /**
     * The author withdraws their comment (allowed whatever their standing). It stays as a
     * placeholder while replies below it are visible.
     */
    public Comment deleteOwn(CommentId id, AuthorId author) {
        Require.present("author", author);
        return work.write(r -> {
            CommentEntity c = r.comments().require(id);
            if (!c.authorId().equals(author.value())) {
                throw new ForbiddenException(ForbiddenException.NOT_AUTHOR, "only its author may delete a comment");
            }
            Transitions.move(
                    r,
                    c,
                    CommentStatus.DELETED_BY_AUTHOR,
                    DecisionAction.AUTHOR_DELETE,
                    Actor.author(author),
                    null,
                    null);
            r.flush();
            return new CommentViews(r).view(c);
        });
    }

    /** The comment with bodies, whatever its status (for moderators and its author). */
    /**
     * Moves when a comment was posted to {@code at}: its creation time and that of its first
     * revision. For seeding demo or sample content that should read as posted over past days; the
     * audit log keeps the real time of each decision. {@link ValidationException} for a time in
     * the future or before the comment's parent was posted.
     */
    public Comment backdate(CommentId id, Instant at) {
        Require.present("at", at);
        return work.write(r -> {
            CommentEntity c = r.comments().require(id);
            if (at.isAfter(r.now())) {
                throw new ValidationException("at", "must not be in the future");
            }
            if (c.parentId() != null
                    && r.comments()
                            .require(new CommentId(c.parentId()))
                            .createdAt()
                            .isAfter(at)) {
                throw new ValidationException("at", "must not be before the parent comment");
            }
            r.comments().backdate(c, at);
            return new CommentViews(r).view(c);
        });
    }

    public Comment get(CommentId id) {
        return work.read(r -> new CommentViews(r).view(r.comments().require(id)));
    }

    /** The comment an author posted with this idempotency key, if any. */
    public Optional<Comment> findByRequestKey(AuthorId author, String requestKey) {
        return work.read(
                r -> r.comments().byRequestKey(author.value(), requestKey).map(c -> new CommentViews(r).view(c)));
    }

    /** Every revision of the comment, oldest first. */
    public List<Revision> revisions(CommentId id) {
        return work.read(r -> {
            r.comments().require(id);
            return r.comments().revisions(id.value()).stream()
                    .map(RevisionEntity::toRevision)
                    .toList();
        });
    }

    /** The reader reacts to a published comment of someone else; reacting twice changes nothing. */
    public Reaction react(CommentId id, AuthorId reader) {
        Require.present("reader", reader);
        try {
            return work.write(r -> {
                CommentEntity c = reactable(r, id, reader);
                if (!r.comments().hasReaction(c.id(), reader.value())) {
                    r.comments().addReaction(new ReactionEntity(c.id(), reader.value(), r.now()));
                    r.flush();
                    r.comments().adjustReactionCount(c.id(), 1);
                }
                return new Reaction(id, r.comments().reactionCount(c.id()), true);
            });
        } catch (ConflictException sameReaderRacedItself) {
            return work.read(r -> new Reaction(id, r.comments().reactionCount(id.value()), true));
        }
    }

    /** The reader withdraws their reaction; withdrawing twice changes nothing. */
    public Reaction unreact(CommentId id, AuthorId reader) {
        Require.present("reader", reader);
        return work.write(r -> {
            CommentEntity c = r.comments().require(id);
            if (r.comments().removeReaction(c.id(), reader.value())) {
                r.comments().adjustReactionCount(c.id(), -1);
            }
            return new Reaction(id, r.comments().reactionCount(c.id()), false);
        });
    }

    private static CommentEntity reactable(Repositories r, CommentId id, AuthorId reader) {
        CommentEntity c = r.comments().require(id);
        if (c.status() != CommentStatus.PUBLISHED) {
            throw new InvalidStateException(
                    InvalidStateException.NOT_PUBLISHED, "only published comments take reactions");
        }
        if (c.authorId().equals(reader.value())) {
            throw new ForbiddenException(ForbiddenException.OWN_COMMENT, "authors cannot react to their own comments");
        }
        AuthorEntity author = r.authors().require(reader);
        Authors.requireMayParticipate(r, author, r.sites().byId(c.siteId()).orElseThrow());
        return c;
    }

    private static void requireOpen(ArticleEntity article) {
        if (!article.discussionState().acceptsComments()) {
            throw new InvalidStateException(
                    InvalidStateException.DISCUSSION_CLOSED,
                    "the discussion is " + article.discussionState().name().toLowerCase(Locale.ROOT));
        }
    }

    private static String body(String raw, SiteEntity site) {
        if (raw == null || raw.isBlank()) {
            throw new ValidationException("body", "must not be empty");
        }
        int max = site.settings().maxBodyLength();
        if (raw.length() > max) {
            throw new ValidationException("body", "must be at most " + max + " characters");
        }
        return raw;
    }

    private static String reason(Screening screening, boolean pre) {
        for (String code : screening.reasonCodes()) {
            String c = code.toLowerCase(Locale.ROOT);
            if (c.matches("[a-z0-9][a-z0-9_.-]{0,63}")) {
                return c;
            }
        }
        return pre && screening.verdict() == Screening.Verdict.PUBLISH ? "pre-moderation" : "screening";
    }

    private static String note(Screening screening) {
        if (screening.reasonCodes().isEmpty()) {
            return null;
        }
        String joined = String.join(", ", screening.reasonCodes());
        return joined.length() > 2000 ? joined.substring(0, 2000) : joined;
    }
}
