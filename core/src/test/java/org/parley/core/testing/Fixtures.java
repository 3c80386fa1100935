package org.parley.core.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.parley.core.ParleyCore;
import org.parley.core.article.ArticleRef;
import org.parley.core.author.Author;
import org.parley.core.comment.Comment;
import org.parley.core.comment.CommentId;
import org.parley.core.comment.NewComment;
import org.parley.core.comment.Screening;
import org.parley.core.review.Actor;
import org.parley.core.site.ModerationMode;
import org.parley.core.site.Site;
import org.parley.core.site.SiteDraft;
import org.parley.core.site.SiteSettings;

/** A fresh site with one article, and shortcuts for posting into it. Every instance is isolated by a random site key. */
public final class Fixtures {
    public final ParleyCore core;
    public final Site site;
    public final ArticleRef article;

    public Fixtures(ParleyCore core) {
        this(core, SiteSettings.defaults(), ModerationMode.POST_MODERATION);
    }

    public Fixtures(ParleyCore core, SiteSettings settings, ModerationMode mode) {
        this.core = core;
        String key = "site-" + UUID.randomUUID().toString().substring(0, 8);
        this.site =
                core.sites().create(new SiteDraft(key, "Test site", Set.of("https://news.example"), mode, settings));
        this.article = newArticle("story");
    }

    public ArticleRef newArticle(String key) {
        ArticleRef ref = ArticleRef.of(site.key(), key);
        core.articles().ensure(ref, "https://news.example/" + site.key() + "/" + key, "Story " + key);
        return ref;
    }

    public Author guest(String name) {
        return core.authors().createGuest(name, null);
    }

    public static Screening publish(String text) {
        return Screening.publish("<p>" + text + "</p>");
    }

    public static Screening hold(String text, double uncivil) {
        return Screening.hold("<p>" + text + "</p>", List.of("civility.dismissive"), Map.of("uncivil", uncivil));
    }

    public Comment post(Author author, String text) {
        return core.comments().post(NewComment.topLevel(article, author.id(), text), publish(text));
    }

    public Comment reply(Author author, CommentId parent, String text) {
        return core.comments().post(NewComment.reply(article, author.id(), parent, text), publish(text));
    }

    public Comment postHeld(Author author, String text, double uncivil) {
        return core.comments().post(NewComment.topLevel(article, author.id(), text), hold(text, uncivil));
    }

    public static Actor moderator() {
        return Actor.moderator("mod-1", "Maria Moderator");
    }
}
