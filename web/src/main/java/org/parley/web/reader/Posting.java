package org.parley.web.reader;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.parley.core.ParleyCore;
import org.parley.core.article.Article;
import org.parley.core.article.ArticleRef;
import org.parley.core.author.Author;
import org.parley.core.author.AuthorId;
import org.parley.core.author.AuthorService;
import org.parley.core.author.RecentRecord;
import org.parley.core.comment.Comment;
import org.parley.core.comment.CommentEdit;
import org.parley.core.comment.CommentId;
import org.parley.core.comment.CommentStatus;
import org.parley.core.comment.NewComment;
import org.parley.core.comment.Screening;
import org.parley.core.site.ModerationMode;
import org.parley.core.site.Site;
import org.parley.moderation.screening.ArticleContext;
import org.parley.moderation.screening.AuthorContext;
import org.parley.moderation.screening.AuthorFlag;
import org.parley.moderation.screening.AuthorStanding;
import org.parley.moderation.screening.Decision;
import org.parley.moderation.screening.Reasons;
import org.parley.moderation.screening.SitePolicy;
import org.parley.moderation.screening.Submission;
import org.parley.moderation.screening.Verdict;
import org.parley.web.cache.ReadCache;
import org.parley.web.cluster.Signals;
import org.parley.web.live.Events;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.problem.Problem;
import org.parley.web.problem.ProblemException;
import org.parley.web.reader.ReaderViews.CommentView;
import org.parley.web.reader.ReaderViews.NudgeView;

/**
 * The path of a comment from a reader to storage: build the submission from the author's standing
 * and the article's state, run the screening pipeline, and either answer with a nudge (nothing
 * stored), refuse (nothing stored), or store it published or held together with the system's
 * decision, then announce it live. Used by the reader API and by the demo content alike.
 */
@ApplicationScoped
public class Posting {

    /** What happened to a submission. Exactly one of {@code comment} and {@code nudge} is set. */
    public record Outcome(Comment comment, NudgeView nudge, String message) {
        public boolean stored() {
            return comment != null;
        }
    }

    static final String PUBLISHED_MESSAGE = "Your comment is published.";
    static final String HELD_MESSAGE = "Thanks! Your comment will appear after a moderator has reviewed it.";
    static final String EDITED_MESSAGE = "Your changes are saved.";
    static final String EDIT_HELD_MESSAGE =
            "Your changes are saved and will appear after a moderator has reviewed them.";
    private static final Set<String> TEXT_REASONS =
            Set.of(Reasons.TEXT_EMPTY, Reasons.TEXT_TOO_LONG, Reasons.TEXT_TOO_MANY_LINES, Reasons.MARKUP_EMPTY);

    @Inject
    ParleyRuntime runtime;

    @Inject
    Events events;

    @Inject
    ReadCache cache;

    @Inject
    Signals signals;

    /**
     * Screens and, unless nudged or rejected, stores a new comment or reply.
     *
     * @param confirm    the author saw the nudge and posts anyway (the comment is then held)
     * @param requestKey the client's idempotency key, so a retry never stores a second copy
     */
    public Outcome post(
            ArticleRef ref, AuthorId authorId, CommentId parent, String body, boolean confirm, String requestKey) {
        return post(runtime.core().articles().get(ref), authorId, parent, body, confirm, requestKey);
    }

    /** {@link #post(ArticleRef, AuthorId, CommentId, String, boolean, String)} of an article the caller just read. */
    public Outcome post(
            Article article, AuthorId authorId, CommentId parent, String body, boolean confirm, String requestKey) {
        ParleyCore core = runtime.core();
        ArticleRef ref = article.ref();
        AuthorService.WithRecord author = core.authors().withRecentRecord(authorId);
        SitePolicy policy = runtime.policyFor(core.sites().get(ref.siteKey()));
        Verdict verdict = screen(body, author.author(), author.recent(), article, policy, confirm);
        if (verdict.needsNudge() && !confirm) {
            return new Outcome(
                    null,
                    NudgeView.of(verdict.nudge().orElseThrow()),
                    verdict.nudge().get().message());
        }
        refuseIfRejected(verdict, policy.rateLimit().refillEvery().toSeconds());
        Comment comment =
                core.comments().post(new NewComment(ref, authorId, parent, body, requestKey), screening(verdict));
        runtime.recentTexts().remember(authorId.toString(), body);
        announce(comment, null);
        return new Outcome(comment, null, message(comment.status()));
    }

    /** Screens an edit again (an edit can be held) and stores it as a new revision. */
    public Outcome edit(CommentId id, AuthorId authorId, int expectedRevision, String body, boolean confirm) {
        ParleyCore core = runtime.core();
        Comment before = core.comments().get(id);
        if (!before.author().id().equals(authorId)) {
            throw ProblemException.forbidden("Only its author may edit a comment.");
        }
        Article article = core.articles().get(before.article());
        Author author = core.authors().get(authorId);
        SitePolicy policy = runtime.policyFor(core.sites().get(before.article().siteKey()));
        Verdict verdict =
                screen(body, author, runtime.core().authors().recentRecord(author.id()), article, policy, confirm);
        if (verdict.needsNudge() && !confirm) {
            return new Outcome(
                    null,
                    NudgeView.of(verdict.nudge().orElseThrow()),
                    verdict.nudge().get().message());
        }
        refuseIfRejected(verdict, policy.rateLimit().refillEvery().toSeconds());
        Comment comment =
                core.comments().edit(new CommentEdit(id, authorId, expectedRevision, body), screening(verdict));
        announce(comment, before.status());
        return new Outcome(
                comment, null, comment.status() == CommentStatus.PUBLISHED ? EDITED_MESSAGE : EDIT_HELD_MESSAGE);
    }

    /**
     * Tells readers everywhere that {@code comment} (whose status may have changed from
     * {@code before}) changed: cached pages of its article go stale, live subscribers hear of it
     * (a held comment turned down is announced without its id: only its author's widget, which
     * knows it, asks what became of it).
     */
    public void announce(Comment comment, CommentStatus before) {
        // one grid message for the three signals (Signals.batched)
        signals.batched(() -> {
            cache.changed(comment.article());
            if (comment.status() == CommentStatus.PUBLISHED && before != CommentStatus.PUBLISHED) {
                events.commentVisible(comment);
            } else if (before == CommentStatus.HELD && comment.status() != CommentStatus.HELD) {
                events.heldDecided(comment);
            }
            events.queuesChanged(comment.article().siteKey());
            return null;
        });
    }

    private Verdict screen(
            String body, Author author, RecentRecord recent, Article article, SitePolicy policy, boolean confirm) {
        ArticleContext context = new ArticleContext(
                article.ref().articleKey(),
                article.discussionState().acceptsComments(),
                article.effectiveModeration() == ModerationMode.PRE_MODERATION,
                policy);
        AuthorContext who = authorContext(author, recent, runtime.clock().instant());
        Submission submission = confirm ? Submission.confirmed(body, who, context) : Submission.of(body, who, context);
        return runtime.screener().screen(submission);
    }

    /**
     * What screening needs to know about an author: standing, lifetime counts, the outcome of their
     * latest decided comments ({@code recent}, a sliding window, so old rejections stop counting)
     * and the trust a moderator set.
     */
    public static AuthorContext authorContext(Author author, RecentRecord recent, Instant now) {
        AuthorStanding standing = switch (author.standingAt(now)) {
            case ACTIVE -> AuthorStanding.ACTIVE;
            case SUSPENDED -> AuthorStanding.SUSPENDED;
            case BANNED -> AuthorStanding.BANNED;
        };
        Set<AuthorFlag> flags = switch (author.trust()) {
            case NORMAL -> Set.of();
            case TRUSTED -> Set.of(AuthorFlag.TRUSTED);
            case PREMODERATED -> Set.of(AuthorFlag.ALWAYS_PREMODERATE);
        };
        return new AuthorContext(
                author.id().toString(),
                standing,
                author.approvedCount(),
                author.rejectedCount(),
                recent.decided(),
                recent.rejected(),
                flags);
    }

    private static void refuseIfRejected(Verdict verdict, long retryAfterSeconds) {
        if (verdict.decision() != Decision.REJECT) {
            return;
        }
        List<String> reasons = verdict.reasons();
        if (reasons.contains(Reasons.RATE_LIMITED)) {
            throw ProblemException.rateLimited(Math.max(1, retryAfterSeconds));
        }
        if (reasons.contains(Reasons.AUTHOR_BANNED)) {
            throw ProblemException.of(
                    403, "author-banned", "You cannot post here", "This account is banned from commenting.");
        }
        if (reasons.contains(Reasons.AUTHOR_SUSPENDED)) {
            throw ProblemException.of(
                    403,
                    "author-suspended",
                    "You cannot post right now",
                    "This account is suspended from commenting for now.");
        }
        if (reasons.contains(Reasons.ARTICLE_CLOSED)) {
            throw ProblemException.of(
                    409, "article-closed", "The discussion is closed", "This article no longer accepts comments.");
        }
        List<Problem.FieldError> bodyErrors = new ArrayList<>();
        for (String reason : reasons) {
            if (TEXT_REASONS.contains(reason)) {
                bodyErrors.add(new Problem.FieldError(
                        "body", textProblem(reason, verdict.details().get(reason))));
            }
        }
        if (!bodyErrors.isEmpty()) {
            throw ProblemException.validation(bodyErrors);
        }
        throw ProblemException.rejected(rejectionMessage(reasons), reasons);
    }

    private static String textProblem(String reason, String detail) {
        String base = switch (reason) {
            case Reasons.TEXT_EMPTY, Reasons.MARKUP_EMPTY -> "must contain some visible text";
            case Reasons.TEXT_TOO_LONG -> "is too long";
            case Reasons.TEXT_TOO_MANY_LINES -> "has too many lines";
            default -> "is not acceptable";
        };
        return detail == null ? base : base + " (" + detail + ")";
    }

    private static String rejectionMessage(List<String> reasons) {
        if (reasons.contains(Reasons.WORDS_BANNED)) {
            return "Your comment contains words this site does not allow. Please rephrase it.";
        }
        if (reasons.contains(Reasons.REPEAT_POST)) {
            return "You already posted this comment.";
        }
        if (reasons.contains(Reasons.MARKUP_INJECTION)) {
            return "Your comment contains markup that is not allowed. Please post plain text or Markdown.";
        }
        if (reasons.contains(Reasons.LINKS_TOO_MANY)) {
            return "Your comment contains too many links.";
        }
        return "Your comment cannot be published on this site.";
    }

    static String message(CommentStatus status) {
        return status == CommentStatus.PUBLISHED ? PUBLISHED_MESSAGE : HELD_MESSAGE;
    }

    private static Screening screening(Verdict verdict) {
        Screening.Verdict decision = switch (verdict.decision()) {
            case PUBLISH -> Screening.Verdict.PUBLISH;
            case HOLD -> Screening.Verdict.HOLD;
            case REJECT -> Screening.Verdict.REJECT;
        };
        Map<String, Double> scores = new TreeMap<>(verdict.scoreMap());
        String html = verdict.html().map(h -> h.html()).orElse("");
        List<String> removed = new ArrayList<>();
        verdict.removedMarkup().elements().forEach(e -> removed.add("<" + e + ">"));
        verdict.removedMarkup().attributes().forEach(a -> removed.add(a));
        List<String> reasons = new ArrayList<>(verdict.reasons());
        verdict.flags().stream().filter(f -> !reasons.contains(f)).forEach(reasons::add);
        return new Screening(decision, reasons, scores, html, removed);
    }

    /** Whether {@code comment}'s author may still edit it now under the site's edit window. */
    static boolean canEdit(Comment comment, Site site, Instant now) {
        return comment.status().isEditable()
                && comment.createdAt().plus(site.settings().editWindow()).isAfter(now);
    }

    static CommentView view(Comment comment, Site site, Instant now) {
        return CommentView.of(comment, true, false, canEdit(comment, site, now), List.of(), null);
    }
}
