package org.parley.core.unitofwork;

import java.time.Instant;
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

/** The repositories of one unit of work (one transaction), and its notion of "now". */
public interface Repositories {
    SiteRepository sites();

    ArticleRepository articles();

    AuthorRepository authors();

    CommentRepository comments();

    ThreadRepository threads();

    ReportRepository reports();

    ReviewRepository review();

    InsightRepository insights();

    AccountRepository accounts();

    PortingRepository porting();

    NotificationRepository notifications();

    /** The instant this unit of work started, from the configured clock. */
    Instant now();

    /** Writes pending changes now, so constraint violations surface inside the unit of work. */
    void flush();
}
