package org.parley.moderation.screening;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.parley.moderation.civility.CivilityScorer;
import org.parley.moderation.civility.CivilityScores;

/**
 * Tries a policy change on past comments before it is switched on: screens each comment under the
 * old and the new policy and reports the verdicts that change. Rate limits, repeat posts and
 * nudges play no part (the comments were already posted); each text is scored once.
 */
public final class PolicyDryRun {

    /**
     * A comment that was already posted.
     *
     * @param id the comment's id, echoed in the report
     * @param text its raw text
     * @param author its author as they stand now
     */
    public record PastComment(String id, String text, AuthorContext author) {
        public PastComment {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(author, "author");
        }
    }

    /**
     * One comment whose decision would change.
     *
     * @param id the comment's id
     * @param before the decision under the old policy
     * @param after the decision under the new policy
     * @param reasonsBefore reasons under the old policy
     * @param reasonsAfter reasons under the new policy
     */
    public record Change(
            String id, Decision before, Decision after, List<String> reasonsBefore, List<String> reasonsAfter) {
        public Change {
            reasonsBefore = List.copyOf(reasonsBefore);
            reasonsAfter = List.copyOf(reasonsAfter);
        }
    }

    /**
     * The outcome of a dry run.
     *
     * @param total how many comments were screened
     * @param changed how many decisions would change
     * @param before how many comments each decision got under the old policy
     * @param after how many under the new policy
     * @param changes the comments whose decision would change, in input order
     */
    public record Report(
            int total, int changed, Map<Decision, Integer> before, Map<Decision, Integer> after, List<Change> changes) {
        public Report {
            before = Map.copyOf(before);
            after = Map.copyOf(after);
            changes = List.copyOf(changes);
        }
    }

    private PolicyDryRun() {}

    /**
     * Runs both policies over {@code comments} with the shipped civility model.
     *
     * @throws IllegalStateException if the shipped civility model cannot be loaded
     */
    public static Report run(SitePolicy oldPolicy, SitePolicy newPolicy, List<PastComment> comments) {
        return run(CivilityScorer.loadDefault(), oldPolicy, newPolicy, comments);
    }

    /** Runs both policies over {@code comments} with the given civility model. */
    public static Report run(
            CivilityScorer scorer, SitePolicy oldPolicy, SitePolicy newPolicy, List<PastComment> comments) {
        Objects.requireNonNull(oldPolicy, "oldPolicy");
        Objects.requireNonNull(newPolicy, "newPolicy");
        Map<String, CivilityScores> scored = new HashMap<>();
        Screener screener = Screener.withScoring(text -> scored.computeIfAbsent(text, scorer::score));
        Map<Decision, Integer> before = new EnumMap<>(Decision.class);
        Map<Decision, Integer> after = new EnumMap<>(Decision.class);
        List<Change> changes = new ArrayList<>();
        for (PastComment c : comments) {
            Submission submission = Submission.of(c.text(), c.author(), ArticleContext.open("dry-run", oldPolicy));
            Verdict old = screener.screen(submission);
            Verdict now = screener.screen(submission.withPolicy(newPolicy));
            before.merge(old.decision(), 1, Integer::sum);
            after.merge(now.decision(), 1, Integer::sum);
            if (old.decision() != now.decision()) {
                changes.add(new Change(c.id(), old.decision(), now.decision(), old.reasons(), now.reasons()));
            }
            scored.clear();
        }
        return new Report(comments.size(), changes.size(), before, after, changes);
    }
}
