package org.parley.moderation.screening;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.parley.moderation.civility.Attribute;
import org.parley.moderation.civility.CivilityScores;
import org.parley.moderation.sanitize.RemovedMarkup;
import org.parley.moderation.sanitize.SafeHtml;

/**
 * The outcome of screening one submission.
 *
 * <p>How a caller acts on it: on {@link Decision#REJECT} store nothing and tell the author {@link
 * #reasons()}. Otherwise, if {@link #nudge()} is present, store nothing yet and show the nudge; if
 * the author then posts the same text anyway, screen it again with the nudge confirmed (it comes
 * back as {@link Decision#HOLD}). Otherwise store {@link #text()} as the raw body and {@link
 * #html()} as the rendered body, published or held as {@link #decision()} says, recording {@link
 * #reasons()}, {@link #flags()} and {@link #scoreMap()} in the decision log.
 *
 * @param decision publish, hold or reject
 * @param reasons why it is held or rejected: stable codes from {@link Reasons}, empty when published
 * @param flags notes for moderators that did not change the decision (for example {@code markup.removed})
 * @param details human-readable details per reason or flag code (for example the words matched)
 * @param text the cleaned text, which is what should be stored as the comment's raw body
 * @param html the safe HTML, absent when rejected before sanitising
 * @param removedMarkup what the sanitiser removed
 * @param scores civility scores, absent when rejected before scoring
 * @param nudge a suggestion to rephrase, present when the text is uncivil but may be posted after
 *     the author confirms
 * @param decidedBy name of the step that rejected it, or {@code "pipeline"} when every step ran
 */
public record Verdict(
        Decision decision,
        List<String> reasons,
        List<String> flags,
        Map<String, String> details,
        String text,
        Optional<SafeHtml> html,
        RemovedMarkup removedMarkup,
        Optional<CivilityScores> scores,
        Optional<Nudge> nudge,
        String decidedBy) {

    public Verdict {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(removedMarkup, "removedMarkup");
        reasons = List.copyOf(reasons);
        flags = List.copyOf(flags);
        details = Map.copyOf(details);
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(nudge, "nudge");
        Objects.requireNonNull(decidedBy, "decidedBy");
    }

    /** Whether the author should be shown the nudge before anything is stored. */
    public boolean needsNudge() {
        return nudge.isPresent();
    }

    /** The civility scores keyed by attribute key ({@code "toxicity"}, ...), sorted; empty when not scored. */
    public Map<String, Double> scoreMap() {
        Map<String, Double> map = new TreeMap<>();
        scores.ifPresent(s -> {
            for (Attribute a : Attribute.values()) {
                map.put(a.key(), s.get(a));
            }
        });
        return map;
    }
}
