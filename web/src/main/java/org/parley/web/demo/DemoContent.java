package org.parley.web.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.parley.core.ParleyCore;
import org.parley.core.account.AccountRole;
import org.parley.core.article.ArticleDraft;
import org.parley.core.article.ArticleRef;
import org.parley.core.author.Author;
import org.parley.core.comment.Comment;
import org.parley.core.comment.CommentId;
import org.parley.core.comment.CommentStatus;
import org.parley.core.site.Site;
import org.parley.core.site.SiteDraft;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.platform.Passwords;
import org.parley.web.platform.Settings;
import org.parley.web.reader.HostedArticles;
import org.parley.web.reader.Posting;

/**
 * The demo site: site {@code demo}, one article we wrote on the 2022 Russia–Azerbaijan
 * Declaration on Allied Interaction, and a thread of civil and hostile replies posted through the
 * real screening pipeline (a nudged reply is confirmed, so it lands in the held queue as a
 * persistent author's would). Idempotent: an existing thread is left alone. Also a moderator
 * account {@code moderator} with a generated password.
 */
@ApplicationScoped
public class DemoContent {

    public static final String SITE = "demo";
    public static final String ARTICLE = "declaration-on-allied-interaction";
    static final String MODERATOR = "moderator";
    /** When the demo article was published; its thread reads as posted over the days after. */
    static final Instant PUBLISHED = Instant.parse("2026-11-20T09:00:00Z");

    private static final Logger LOG = Logger.getLogger(DemoContent.class.getName());

    @Inject
    ParleyRuntime runtime;

    @Inject
    Settings settings;

    @Inject
    Passwords passwords;

    @Inject
    Posting posting;

    @Inject
    HostedArticles hosted;

    /** Ensures the demo; answers a credentials line when it created the moderator account. */
    public Optional<String> ensure() {
        ParleyCore core = runtime.core();
        Site site = core.sites()
                .find(SITE)
                .orElseGet(() -> core.sites()
                        .create(SiteDraft.of(SITE, "Parley demo", origins().toArray(String[]::new))));
        for (String origin : origins()) {
            if (!site.allowsOrigin(origin)) {
                site = core.sites().allowOrigin(SITE, origin);
            }
        }
        ArticleRef ref = ArticleRef.of(SITE, ARTICLE);
        hosted.host(ref, DemoArticle.HTML);
        if (core.articles().find(ref).isEmpty()) {
            core.articles()
                    .register(new ArticleDraft(
                            ref, settings.publicUrl() + "/", DemoArticle.TITLE, "Parley newsroom", PUBLISHED, null));
        }
        if (core.threads().count(SITE, List.of(ARTICLE)).getOrDefault(ARTICLE, 0L) == 0
                && core.review().counts(SITE, ref).values().stream()
                                .mapToLong(Long::longValue)
                                .sum()
                        == 0) {
            postThread(ref);
        }
        if (core.accounts().findByUsername(MODERATOR).isEmpty()) {
            String password = Passwords.generate();
            core.accounts().create(MODERATOR, passwords.hash(password), AccountRole.MODERATOR, SITE);
            return Optional.of("demo moderator " + MODERATOR + " / " + password);
        }
        return Optional.empty();
    }

    private Set<String> origins() {
        Set<String> origins = new LinkedHashSet<>(List.of("http://localhost:8080", "http://127.0.0.1:8080"));
        origins.add(settings.publicUrl());
        origins.addAll(settings.demoOrigins());
        return origins;
    }

    /**
     * When the demo's {@code i}-th reply reads as posted: over the six days after the article, as a
     * thread grows (quickly at first, then slower), never later than a few minutes before now.
     */
    private Instant postedAt(int i) {
        Instant planned = PUBLISHED.plus(Duration.ofMinutes(90L + 7L * 60L * i * (i + 4) / 20L));
        Instant latest = runtime.clock().instant().minus(Duration.ofMinutes(2L * (DemoThread.REPLIES.size() - i)));
        return planned.isBefore(latest) ? planned : latest;
    }

    private void postThread(ArticleRef ref) {
        Map<String, Author> authors = new HashMap<>();
        List<CommentId> posted = new ArrayList<>();
        int held = 0;
        for (DemoThread.Reply reply : DemoThread.REPLIES) {
            Author author = authors.computeIfAbsent(
                    reply.author(), name -> runtime.core().authors().createGuest(name, null));
            CommentId parent = reply.parent() < 0 ? null : posted.get(reply.parent());
            Posting.Outcome outcome = posting.post(ref, author.id(), parent, reply.text(), false, null);
            if (!outcome.stored()) {
                outcome = posting.post(ref, author.id(), parent, reply.text(), true, null);
            }
            Comment comment =
                    runtime.core().comments().backdate(outcome.comment().id(), postedAt(posted.size()));
            posted.add(comment.id());
            if (comment.status() != CommentStatus.PUBLISHED) {
                held++;
            }
        }
        int heldCount = held;
        LOG.info(() -> "Parley demo: posted " + posted.size() + " replies through screening, " + heldCount
                + " held for review");
    }
}
