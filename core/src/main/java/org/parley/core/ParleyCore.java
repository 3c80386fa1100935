package org.parley.core;

import org.parley.core.account.AccountService;
import org.parley.core.article.ArticleService;
import org.parley.core.author.AuthorService;
import org.parley.core.comment.CommentService;
import org.parley.core.infrastructure.persistence.Store;
import org.parley.core.insight.InsightService;
import org.parley.core.notification.NotificationService;
import org.parley.core.porting.PortingService;
import org.parley.core.privacy.PrivacyService;
import org.parley.core.report.ReportService;
import org.parley.core.review.ReviewService;
import org.parley.core.site.SiteService;
import org.parley.core.thread.ThreadService;

/**
 * The core library: one open database and the services that speak the discussion domain.
 *
 * <pre>{@code
 * try (ParleyCore core = ParleyCore.open(CoreConfig.h2File(Path.of("data/parley")))) {
 *     core.sites().create(SiteDraft.of("demo", "Demo", "https://example.org"));
 *     ArticleRef ref = ArticleRef.of("demo", "first");
 *     core.articles().ensure(ref, "https://example.org/first", "First article");
 *     Author guest = core.authors().createGuest("Ann", null);
 *     core.comments().post(NewComment.topLevel(ref, guest.id(), "Hello"), Screening.publish("<p>Hello</p>"));
 *     ThreadPage page = core.threads().read(ThreadQuery.firstPage(ref));
 * }
 * }</pre>
 *
 * <p>{@link #open} migrates the schema (Flyway) before Hibernate validates it. Services are
 * thread-safe and each method is one transaction; a method that throws a {@link ParleyException}
 * has written nothing. Close the core to release the connection pool.
 */
public final class ParleyCore implements AutoCloseable {
    private final Store store;
    private final SiteService sites;
    private final ArticleService articles;
    private final AuthorService authors;
    private final CommentService comments;
    private final ThreadService threads;
    private final ReviewService review;
    private final ReportService reports;
    private final AccountService accounts;
    private final InsightService insights;
    private final PrivacyService privacy;
    private final PortingService porting;
    private final NotificationService notifications;

    private ParleyCore(Store store) {
        this.store = store;
        this.sites = new SiteService(store);
        this.articles = new ArticleService(store);
        this.authors = new AuthorService(store);
        this.comments = new CommentService(store);
        this.threads = new ThreadService(store);
        this.review = new ReviewService(store);
        this.reports = new ReportService(store);
        this.accounts = new AccountService(store);
        this.insights = new InsightService(store);
        this.privacy = new PrivacyService(store);
        this.porting = new PortingService(store);
        this.notifications = new NotificationService(store);
    }

    /** Connects, migrates the schema, validates the mapping and returns a ready core. */
    public static ParleyCore open(CoreConfig config) {
        return new ParleyCore(
                new Store(config.jdbcUrl(), config.user(), config.password(), config.maxPoolSize(), config.clock()));
    }

    /** Sites, their origins and settings. */
    public SiteService sites() {
        return sites;
    }

    /** Articles, URLs, discussion state. */
    public ArticleService articles() {
        return articles;
    }

    /** Guests and external authors, roles, standing. */
    public AuthorService authors() {
        return authors;
    }

    /** Posting, editing, deleting, reacting. */
    public CommentService comments() {
        return comments;
    }

    /** Thread pages, counts, live-update figures. */
    public ThreadService threads() {
        return threads;
    }

    /** Decisions, queues, audit log, authors' histories. */
    public ReviewService review() {
        return review;
    }

    /** Readers' reports. */
    public ReportService reports() {
        return reports;
    }

    /** Staff accounts for the web layer. */
    public AccountService accounts() {
        return accounts;
    }

    /** Dashboard figures and recent comments. */
    public InsightService insights() {
        return insights;
    }

    /** Exports and erasure. */
    public PrivacyService privacy() {
        return privacy;
    }

    /** Imports from Disqus, WordPress and Parley exports; the site export. */
    public PortingService porting() {
        return porting;
    }

    /** Webhooks, readers' mail consent and subscriptions, digests, and the outbox. */
    public NotificationService notifications() {
        return notifications;
    }

    /** Releases the connection pool. */
    @Override
    public void close() {
        store.close();
    }
}
