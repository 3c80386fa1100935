package org.parley.moderation.screening;

import java.util.Objects;
import java.util.Optional;
import org.parley.moderation.hygiene.TextHygiene;

/**
 * A comment as submitted, with what screening needs to know about its author and article.
 *
 * @param text what the author typed (Markdown), before any cleaning
 * @param author the author
 * @param article the article and its site policy
 * @param nudgeConfirmation the {@link Nudge#textHash()} of the nudge the author saw and chose to
 *     post anyway, or empty when the author has not been nudged
 */
public record Submission(
        String text, AuthorContext author, ArticleContext article, Optional<String> nudgeConfirmation) {

    public Submission {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(nudgeConfirmation, "nudgeConfirmation");
    }

    /** A first submission: the author has not been nudged. */
    public static Submission of(String text, AuthorContext author, ArticleContext article) {
        return new Submission(text, author, article, Optional.empty());
    }

    /**
     * A submission the author confirmed after a nudge, when the caller kept only the fact of the
     * confirmation rather than the nudge's hash: it counts as confirming whatever nudge this exact
     * text gets, so it is held rather than nudged again. (Confirming without having been nudged
     * gains nothing: uncivil text is held either way.)
     */
    public static Submission confirmed(String text, AuthorContext author, ArticleContext article) {
        SitePolicy p = article.policy();
        String clean = TextHygiene.withLimits(p.maxLength(), p.maxLines(), p.maxCombiningMarks())
                .clean(text)
                .text();
        return new Submission(text, author, article, Optional.of(Nudge.hash(clean)));
    }

    /** The same submission, sent again after the author saw {@code nudge} and chose to post anyway. */
    public Submission confirming(Nudge nudge) {
        return new Submission(text, author, article, Optional.of(nudge.textHash()));
    }

    /** The same submission under another site policy. */
    public Submission withPolicy(SitePolicy policy) {
        return new Submission(text, author, article.withPolicy(policy), nudgeConfirmation);
    }

    SitePolicy policy() {
        return article.policy();
    }
}
