package org.parley.core.review;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.parley.core.author.Author;
import org.parley.core.comment.Comment;
import org.parley.core.report.Report;

/**
 * Everything a moderator's card shows for one comment in a queue.
 *
 * @param parent  the comment replied to, {@code null} at top level
 * @param reports the open reports, oldest first
 * @param queues  the queues the comment is in now (a decided comment may have left the one it was shown in)
 */
public record QueueItem(
        Comment comment,
        String articleTitle,
        String articleUrl,
        Comment parent,
        Author author,
        List<Report> reports,
        Set<Queue> queues) {
    public QueueItem {
        reports = List.copyOf(reports);
        EnumSet<Queue> in = EnumSet.noneOf(Queue.class);
        in.addAll(queues);
        queues = Collections.unmodifiableSet(in);
    }

    /** The summed weight of the open reports: what {@link QueueSort#REPORTS} orders by. */
    public double reportWeight() {
        return reports.stream().mapToDouble(Report::weight).sum();
    }

    /** What a moderator may do to the comment now ({@link DecisionAction#offeredFor}). */
    public List<DecisionAction> actions() {
        return DecisionAction.offeredFor(comment.status(), comment.featured());
    }
}
