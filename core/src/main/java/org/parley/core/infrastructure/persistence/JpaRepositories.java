package org.parley.core.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.concurrent.ConcurrentMap;
import org.parley.core.account.AccountRepository;
import org.parley.core.article.ArticleRepository;
import org.parley.core.author.AuthorRepository;
import org.parley.core.comment.CommentRepository;
import org.parley.core.insight.InsightRepository;
import org.parley.core.notification.NotificationRepository;
import org.parley.core.porting.PortingRepository;
import org.parley.core.report.ReportRepository;
import org.parley.core.review.ReviewRepository;
import org.parley.core.site.SiteRepository;
import org.parley.core.thread.ThreadRepository;
import org.parley.core.unitofwork.Repositories;

/** The JPA repositories of one transaction, sharing its {@link EntityManager}. */
final class JpaRepositories implements Repositories {
    private final EntityManager em;
    private final Instant now;
    private final Queries q;

    private final String nextCommentIdSql;
    private final ConcurrentMap<String, Long> siteIds;

    JpaRepositories(EntityManager em, Instant now, String nextCommentIdSql, ConcurrentMap<String, Long> siteIds) {
        this.em = em;
        this.siteIds = siteIds;
        this.nextCommentIdSql = nextCommentIdSql;
        this.now = now;
        this.q = new Queries(em);
    }

    @Override
    public SiteRepository sites() {
        return new JpaSiteRepository(em, q, siteIds);
    }

    @Override
    public ArticleRepository articles() {
        return new JpaArticleRepository(em, q);
    }

    @Override
    public AuthorRepository authors() {
        return new JpaAuthorRepository(em, q);
    }

    @Override
    public CommentRepository comments() {
        return new JpaCommentRepository(em, q, nextCommentIdSql);
    }

    @Override
    public ThreadRepository threads() {
        return new JpaThreadRepository(q);
    }

    @Override
    public ReportRepository reports() {
        return new JpaReportRepository(em, q);
    }

    @Override
    public ReviewRepository review() {
        return new JpaReviewRepository(em, q);
    }

    @Override
    public InsightRepository insights() {
        return new JpaInsightRepository(q);
    }

    @Override
    public AccountRepository accounts() {
        return new JpaAccountRepository(em, q);
    }

    @Override
    public PortingRepository porting() {
        return new JpaPortingRepository(em, q);
    }

    @Override
    public NotificationRepository notifications() {
        return new JpaNotificationRepository(em, q);
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public void flush() {
        em.flush();
    }
}
