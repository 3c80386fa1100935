package org.parley.core.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.ConflictException;
import org.parley.core.NotFoundException;
import org.parley.core.Page;
import org.parley.core.ValidationException;
import org.parley.core.review.Actor;
import org.parley.core.review.AuditQuery;
import org.parley.core.review.DecisionAction;
import org.parley.core.review.ModerationDecision;
import org.parley.core.site.ModerationMode;
import org.parley.core.site.Site;
import org.parley.core.site.SiteDraft;
import org.parley.core.site.SiteSettings;
import org.parley.core.testing.Database;
import org.parley.core.testing.DatabaseIT;

@ParameterizedClass
@EnumSource(Database.class)
class SiteAndArticleIT extends DatabaseIT {

    @Test
    void siteIsCreatedUpdatedAndListed() {
        Site site = f.site;
        assertEquals(Set.of("https://news.example"), site.allowedOrigins());
        Site updated = core.sites()
                .update(new SiteDraft(
                        site.key(),
                        "Renamed",
                        Set.of("https://other.example"),
                        ModerationMode.PRE_MODERATION,
                        SiteSettings.defaults().withEditWindow(Duration.ofMinutes(5))));
        assertEquals("Renamed", updated.name());
        assertEquals(ModerationMode.PRE_MODERATION, core.sites().get(site.key()).moderationMode());
        assertEquals(
                Duration.ofMinutes(5), core.sites().get(site.key()).settings().editWindow());
        assertTrue(core.sites().list().stream().anyMatch(s -> s.key().equals(site.key())));
    }

    @Test
    void duplicateSiteKeyIsAConflict() {
        assertEquals(
                ConflictException.DUPLICATE_KEY,
                assertThrows(ConflictException.class, () -> core.sites().create(SiteDraft.of(f.site.key(), "Again")))
                        .code());
    }

    @Test
    void originsCanBeAllowedAtRunTime() {
        assertFalse(core.sites().allowsOrigin(f.site.key(), "http://127.0.0.1:41234"));
        core.sites().allowOrigin(f.site.key(), "http://127.0.0.1:41234");
        assertTrue(core.sites().allowsOrigin(f.site.key(), "http://127.0.0.1:41234"));
        core.sites().disallowOrigin(f.site.key(), "http://127.0.0.1:41234/");
        assertFalse(core.sites().allowsOrigin(f.site.key(), "http://127.0.0.1:41234"));
        assertFalse(core.sites().allowsOrigin("no-such-site", "https://news.example"));
        assertThrows(ValidationException.class, () -> core.sites().allowOrigin(f.site.key(), "not an origin"));
    }

    @Test
    void unknownSiteIsNotFound() {
        assertEquals(
                "site",
                assertThrows(NotFoundException.class, () -> core.sites().get("missing-site"))
                        .kind());
        assertTrue(core.sites().find("missing-site").isEmpty());
    }

    @Test
    void ensureRegistersOnceAndThenReturnsTheArticle() {
        ArticleRef ref = ArticleRef.of(f.site.key(), "embed-1");
        Article first = core.articles().ensure(ref, "https://news.example/embed-1", "Embedded");
        Article again = core.articles().ensure(ref, "https://news.example/ignored", "Ignored title");
        assertEquals(first, again);
        assertEquals(DiscussionState.OPEN, first.discussionState());
        assertEquals(ModerationMode.POST_MODERATION, first.effectiveModeration());
        assertNull(first.moderationOverride());
    }

    @Test
    void articleIsFoundByAnyOfItsUrlsWithoutTrackingTails() {
        ArticleRef ref = ArticleRef.of(f.site.key(), "moved");
        core.articles()
                .register(new ArticleDraft(
                        ref,
                        "https://news.example/old-path",
                        "Moved",
                        "Jo Writer",
                        Instant.parse("2026-11-01T10:00:00Z"),
                        null));
        core.articles()
                .update(new ArticleDraft(
                        ref,
                        "https://news.example/new-path",
                        "Moved",
                        "Jo Writer",
                        Instant.parse("2026-11-01T10:00:00Z"),
                        null));
        core.articles().addAlias(ref, "https://amp.news.example/moved");
        assertEquals(
                ref,
                core.articles()
                        .findByUrl(f.site.key(), "https://news.example/old-path?utm_source=tw#c")
                        .orElseThrow()
                        .ref());
        assertEquals(
                ref,
                core.articles()
                        .findByUrl(f.site.key(), "https://NEWS.example/new-path/?fbclid=1")
                        .orElseThrow()
                        .ref());
        assertEquals(
                ref,
                core.articles()
                        .findByUrl(f.site.key(), "https://amp.news.example/moved")
                        .orElseThrow()
                        .ref());
        Article a = core.articles().get(ref);
        assertEquals("https://news.example/new-path", a.url());
        assertEquals(3, a.canonicalUrls().size());
        assertEquals("Jo Writer", a.author());
        assertTrue(core.articles()
                .findByUrl(f.site.key(), "https://news.example/unknown")
                .isEmpty());
    }

    @Test
    void urlOfAnotherArticleCannotBeTaken() {
        ArticleRef other = ArticleRef.of(f.site.key(), "other");
        assertEquals(
                ConflictException.DUPLICATE_KEY,
                assertThrows(
                                ConflictException.class,
                                () -> core.articles()
                                        .register(ArticleDraft.of(
                                                other,
                                                "https://news.example/" + f.site.key() + "/story?utm_x=1",
                                                "Copy")))
                        .code());
        assertThrows(
                ConflictException.class,
                () -> core.articles().register(ArticleDraft.of(f.article, "https://x.example/", "Same key")));
    }

    @Test
    void discussionCanBeClosedReopenedAndArchived() {
        assertEquals(
                DiscussionState.CLOSED,
                core.articles().changeState(f.article, DiscussionState.CLOSED).discussionState());
        assertFalse(core.articles().get(f.article).discussionState().acceptsComments());
        core.articles().changeState(f.article, DiscussionState.OPEN);
        assertEquals("ok", f.post(ann, "ok").rawBody());
        assertEquals(
                DiscussionState.ARCHIVED,
                core.articles().changeState(f.article, DiscussionState.ARCHIVED).discussionState());
    }

    @Test
    void closingArchivingAndPreModeratingAnArticleAreAuditedUnderItsSite() {
        Actor chief = Actor.moderator("test:" + f.article.articleKey(), "chief");
        core.articles().changeState(f.article, DiscussionState.CLOSED, chief);
        core.articles().changeState(f.article, DiscussionState.CLOSED, chief);
        core.articles().changeState(f.article, DiscussionState.ARCHIVED, chief);
        core.articles().changeModeration(f.article, ModerationMode.PRE_MODERATION, chief);
        core.articles().changeModeration(f.article, null, chief);
        List<ModerationDecision> records = core.review()
                .audit(new AuditQuery(f.site.key(), null, null, chief.id(), null, null, null, null, null, 50, null))
                .items();
        assertEquals(
                List.of("SITE → PRE_MODERATION", "PRE_MODERATION → SITE", "OPEN → CLOSED", "CLOSED → ARCHIVED").stream()
                        .sorted()
                        .toList(),
                records.stream().map(d -> d.from() + " → " + d.to()).sorted().toList(),
                "one record per change, none when nothing changed");
        assertEquals(DecisionAction.ARTICLE_MODERATION, records.getFirst().action());
        assertEquals(DecisionAction.ARTICLE_STATE, records.getLast().action());
        for (ModerationDecision d : records) {
            assertEquals(f.article, d.article(), d.toString());
            assertEquals("chief", d.actor().name());
        }
        assertEquals(
                core.articles().get(f.article).title(),
                core.review().subjects(records).get(records.getFirst().id()).articleTitle(),
                "the audit log names the article");
    }

    @Test
    void articlesAreListedPageByPage() {
        for (int i = 0; i < 4; i++) {
            f.newArticle("list-" + i);
        }
        List<ArticleRef> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<Article> page = core.articles().list(f.site.key(), 2, cursor);
            page.items().forEach(a -> seen.add(a.ref()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(5, seen.size());
        assertEquals(f.article, seen.getFirst());
    }

    @Test
    void unknownArticleIsNotFound() {
        assertThrows(NotFoundException.class, () -> core.articles().get(ArticleRef.of(f.site.key(), "none")));
        assertThrows(
                NotFoundException.class,
                () -> core.articles().changeState(ArticleRef.of(f.site.key(), "none"), DiscussionState.CLOSED));
    }
}
