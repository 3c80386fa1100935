package org.parley.moderation.screening;

import java.util.Set;

/** Builds submissions and runs for step tests. */
final class Runs {

    static final AuthorContext REGULAR = AuthorContext.withApprovals("regular", 12);

    private Runs() {}

    static Submission submission(String text) {
        return Submission.of(text, REGULAR, ArticleContext.open("article-1", SitePolicy.defaults()));
    }

    static Submission submission(String text, SitePolicy policy) {
        return Submission.of(text, REGULAR, ArticleContext.open("article-1", policy));
    }

    static Submission submission(String text, AuthorContext author) {
        return Submission.of(text, author, ArticleContext.open("article-1", SitePolicy.defaults()));
    }

    static AuthorContext author(
            AuthorStanding standing, long approved, int recentDecisions, int recentRejections, AuthorFlag... flags) {
        return new AuthorContext("author-x", standing, approved, 0, recentDecisions, recentRejections, Set.of(flags));
    }

    /** A run with the text already cleaned and sanitised, as later steps see it. */
    static ScreeningRun prepared(Submission submission) {
        ScreeningRun run = new ScreeningRun(submission);
        new HygieneStep().apply(run);
        new SanitizeStep().apply(run);
        return run;
    }
}
