package org.parley.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.parley.core.ConflictException;
import org.parley.core.ForbiddenException;
import org.parley.core.InvalidStateException;
import org.parley.core.ValidationException;
import org.parley.core.author.Author;
import org.parley.core.author.AuthorId;
import org.parley.core.author.AuthorKind;
import org.parley.core.author.internal.AuthorEntity;
import org.parley.core.author.internal.Authors;
import org.parley.core.comment.CommentId;
import org.parley.core.comment.CommentStatus;
import org.parley.core.comment.internal.CommentEntity;
import org.parley.core.report.internal.ReportEntity;
import org.parley.core.support.Require;
import org.parley.core.unitofwork.UnitOfWork;

/**
 * Readers report comments. One report per reader per comment, even under concurrent requests. A
 * report by a brand-new guest identity weighs {@link #NEW_IDENTITY_WEIGHT} in the reported queue.
 * Thread-safe; every method is one transaction. Obtain it from {@code ParleyCore.reports()}.
 */
public final class ReportService {
    /** A guest identity younger than this, with no comment a moderator approved, counts as brand new. */
    public static final Duration NEW_IDENTITY_AGE = Duration.ofHours(24);
    /** What a brand-new identity's report weighs: identities cost nothing to make, so four of them count as one. */
    public static final double NEW_IDENTITY_WEIGHT = 0.25;

    private final UnitOfWork work;

    public ReportService(UnitOfWork work) {
        this.work = work;
    }

    /**
     * Files a report on a published comment of someone else.
     *
     * @param text required for {@link ReportReason#OTHER}, at most 2000 characters
     * @throws ConflictException      {@code conflict.duplicate-report} if this reader reported it already
     * @throws InvalidStateException  the comment is not published
     * @throws ForbiddenException     own comment; reader of another site, banned or suspended
     */
    public Report report(CommentId comment, AuthorId reporter, ReportReason reason, String text) {
        Require.present("comment", comment);
        Require.present("reporter", reporter);
        Require.present("reason", reason);
        String note = Require.optionalText("text", text, 2000);
        if (reason == ReportReason.OTHER && note == null) {
            throw new ValidationException("text", "say what is wrong when the reason is 'other'");
        }
        try {
            return work.write(r -> {
                CommentEntity c = r.comments().require(comment);
                if (c.status() != CommentStatus.PUBLISHED) {
                    throw new InvalidStateException(
                            InvalidStateException.NOT_PUBLISHED, "only published comments can be reported");
                }
                if (c.authorId().equals(reporter.value())) {
                    throw new ForbiddenException(
                            ForbiddenException.OWN_COMMENT, "authors cannot report their own comments");
                }
                AuthorEntity author = r.authors().require(reporter);
                Authors.requireMayParticipate(
                        r, author, r.sites().byId(c.siteId()).orElseThrow());
                if (r.reports().exists(c.id(), reporter.value())) {
                    throw duplicate();
                }
                ReportEntity report = new ReportEntity(
                        c.id(),
                        reporter.value(),
                        reason,
                        note,
                        weightOf(Authors.toAuthor(r, author), r.now()),
                        r.now());
                r.reports().add(report);
                r.flush();
                return report.toReport();
            });
        } catch (ConflictException e) {
            throw ConflictException.DUPLICATE_KEY.equals(e.code()) ? duplicate() : e;
        }
    }

    /** The weight of a report by {@code reporter} filed at {@code now}. */
    static double weightOf(Author reporter, Instant now) {
        boolean brandNew = reporter.kind() == AuthorKind.GUEST
                && reporter.approvedCount() == 0
                && reporter.createdAt().plus(NEW_IDENTITY_AGE).isAfter(now);
        return brandNew ? NEW_IDENTITY_WEIGHT : 1.0;
    }

    private static ConflictException duplicate() {
        return new ConflictException(ConflictException.DUPLICATE_REPORT, "you have already reported this comment");
    }

    /** Every report on the comment, oldest first. */
    public List<Report> reportsFor(CommentId comment) {
        return work.read(r -> {
            r.comments().require(comment);
            return r.reports().forComment(comment.value()).stream()
                    .map(ReportEntity::toReport)
                    .toList();
        });
    }
}
