package org.parley.core.review;

import java.util.List;
import org.parley.core.author.Author;
import org.parley.core.comment.Comment;
import org.parley.core.report.Report;

/**
 * Everything a moderator's card shows for one comment in a queue.
 *
 * @param parent  the comment replied to, {@code null} at top level
 * @param reports the open reports, oldest first
 */
public record QueueItem(Comment comment, String articleTitle, String articleUrl, Comment parent, Author author,
                        List<Report> reports) {
    public QueueItem {
        reports = List.copyOf(reports);
    }

    /** The summed weight of the open reports: what {@link QueueSort#REPORTS} orders by. */
    public double reportWeight() {
        return reports.stream().mapToDouble(Report::weight).sum();
    }
}
