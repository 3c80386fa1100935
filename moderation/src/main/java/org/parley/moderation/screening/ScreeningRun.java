package org.parley.moderation.screening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parley.moderation.civility.CivilityScores;
import org.parley.moderation.sanitize.RemovedMarkup;
import org.parley.moderation.sanitize.SafeHtml;

/** The state of screening one submission as it passes through the steps. Confined to one thread. */
final class ScreeningRun {

    private final Submission submission;
    private String text;
    private SafeHtml html;
    private RemovedMarkup removed = RemovedMarkup.NONE;
    private CivilityScores scores;
    private Nudge nudge;
    private final Set<String> holds = new LinkedHashSet<>();
    private final Set<String> flags = new LinkedHashSet<>();
    private final Map<String, String> details = new LinkedHashMap<>();
    private String rejection;
    private String rejectedBy;

    ScreeningRun(Submission submission) {
        this.submission = submission;
        this.text = submission.text();
    }

    Submission submission() {
        return submission;
    }

    SitePolicy policy() {
        return submission.policy();
    }

    /** The text as cleaned so far (the raw text before the hygiene step). */
    String text() {
        return text;
    }

    void text(String cleaned) {
        text = cleaned;
    }

    Optional<SafeHtml> html() {
        return Optional.ofNullable(html);
    }

    void sanitized(SafeHtml safe, RemovedMarkup removedMarkup) {
        html = safe;
        removed = removedMarkup;
    }

    void scores(CivilityScores civilityScores) {
        scores = civilityScores;
    }

    void nudge(Nudge offered) {
        nudge = offered;
    }

    void hold(String reason) {
        holds.add(reason);
    }

    void flag(String code) {
        flags.add(code);
    }

    void detail(String code, String detail) {
        details.put(code, detail);
    }

    void reject(String reason, String step) {
        if (rejection == null) {
            rejection = reason;
            rejectedBy = step;
        }
    }

    boolean rejected() {
        return rejection != null;
    }

    Verdict verdict() {
        if (rejection != null) {
            return new Verdict(
                    Decision.REJECT,
                    List.of(rejection),
                    new ArrayList<>(flags),
                    details,
                    text,
                    html(),
                    removed,
                    Optional.ofNullable(scores),
                    Optional.empty(),
                    rejectedBy);
        }
        Decision decision = holds.isEmpty() ? Decision.PUBLISH : Decision.HOLD;
        return new Verdict(
                decision,
                new ArrayList<>(holds),
                new ArrayList<>(flags),
                details,
                text,
                html(),
                removed,
                Optional.ofNullable(scores),
                Optional.ofNullable(nudge),
                "pipeline");
    }
}
