package org.parley.core.review.internal;

import java.util.Map;
import org.parley.core.author.Standing;
import org.parley.core.author.Trust;
import org.parley.core.author.internal.AuthorEntity;
import org.parley.core.comment.CommentStatus;
import org.parley.core.comment.internal.CommentEntity;
import org.parley.core.notification.internal.Notifications;
import org.parley.core.review.Actor;
import org.parley.core.review.DecisionAction;
import org.parley.core.support.Json;
import org.parley.core.unitofwork.Repositories;

/**
 * Appends records to the audit log, and announces each to the webhooks that asked for
 * {@code decision.made}. The only writer of {@link DecisionEntity}; records are never
 * changed afterwards. Not part of the API.
 */
public final class AuditLog {
    private AuditLog() {}

    /** Records a decision on a comment at its current revision, with its current scores. */
    public static void comment(
            Repositories r,
            CommentEntity c,
            CommentStatus from,
            CommentStatus to,
            DecisionAction action,
            Actor actor,
            String reasonCode,
            String note) {
        r.review()
                .add(new DecisionEntity(
                        c.siteId(),
                        c.articleId(),
                        c.id(),
                        c.authorId(),
                        c.revision(),
                        from == null ? null : from.name(),
                        to == null ? null : to.name(),
                        action,
                        actor,
                        reasonCode,
                        note,
                        c.scoresJson(),
                        r.now()));
        Notifications.decisionMade(
                r,
                c.siteId(),
                c,
                c.authorId(),
                from == null ? null : from.name(),
                to == null ? null : to.name(),
                action,
                actor,
                reasonCode,
                note);
    }

    /**
     * Records a change of an author's standing (or an erasure) under the author's site, so that the
     * site's moderators find it in their audit log.
     */
    public static void author(
            Repositories r,
            AuthorEntity a,
            Standing from,
            Standing to,
            DecisionAction action,
            Actor actor,
            String reasonCode,
            String note) {
        author(r, a, from == null ? null : from.name(), to == null ? null : to.name(), action, actor, reasonCode, note);
    }

    /** Records a change of an author's trust under the author's site. */
    public static void author(Repositories r, AuthorEntity a, Trust from, Trust to, Actor actor, String note) {
        author(r, a, from.name(), to.name(), DecisionAction.SET_AUTHOR_TRUST, actor, null, note);
    }

    /** Records a change of a site's settings or policy ({@code note}: what changed) under the site. */
    public static void site(Repositories r, long siteId, DecisionAction action, Actor actor, String note) {
        r.review().add(record(siteId, null, null, null, action, actor, note, r));
        Notifications.decisionMade(r, siteId, null, null, null, null, action, actor, null, note);
    }

    /** Records a change of an article ({@code from}/{@code to}: what it was and is now) under its site. */
    public static void article(
            Repositories r, long siteId, long articleId, DecisionAction action, String from, String to, Actor actor) {
        String note = from + " → " + to;
        r.review().add(record(siteId, articleId, from, to, action, actor, note, r));
        Notifications.decisionMade(r, siteId, null, null, from, to, action, actor, null, note);
    }

    /**
     * Records a change of a staff account under its site ({@code null}: an account of every site).
     * {@code note} says what changed in words; it must never hold a password or its hash.
     */
    public static void account(
            Repositories r,
            Long siteId,
            long accountId,
            DecisionAction action,
            String from,
            String to,
            Actor actor,
            String note) {
        r.review().add(record(siteId, null, from, to, action, actor, note, r).aboutAccount(accountId));
        Notifications.decisionMade(r, siteId, null, null, from, to, action, actor, null, note);
    }

    private static DecisionEntity record(
            Long siteId,
            Long articleId,
            String from,
            String to,
            DecisionAction action,
            Actor actor,
            String note,
            Repositories r) {
        return new DecisionEntity(
                siteId, articleId, null, null, 0, from, to, action, actor, null, note, Json.scores(Map.of()), r.now());
    }

    private static void author(
            Repositories r,
            AuthorEntity a,
            String from,
            String to,
            DecisionAction action,
            Actor actor,
            String reasonCode,
            String note) {
        r.review()
                .add(new DecisionEntity(
                        a.siteId(),
                        null,
                        null,
                        a.id().value(),
                        0,
                        from,
                        to,
                        action,
                        actor,
                        reasonCode,
                        note,
                        Json.scores(Map.of()),
                        r.now()));
        Notifications.decisionMade(r, a.siteId(), null, a.id().value(), from, to, action, actor, reasonCode, note);
    }
}
