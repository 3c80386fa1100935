package org.parley.moderation.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parley.moderation.civility.Attribute;
import org.parley.moderation.civility.CivilityScores;
import org.parley.moderation.civility.Languages;
import org.parley.moderation.civility.Span;

/**
 * Civility: scores the cleaned text and holds it when an attribute, or the overall uncivil
 * probability, reaches the site's threshold. When the only problem is tone (not a threat, severe
 * toxicity or an attack on a group) and the site nudges, the verdict carries a {@link Nudge} so
 * the author can rephrase first; the same text confirmed after the nudge is held with {@code
 * civility.nudge_declined}, never refused.
 *
 * <p>The language is detected first ({@link Languages}): English and German are scored; a
 * comment in another language is not scored and gets {@code language.unscored}, held or flagged
 * as the site decides, instead of passing as civil.
 */
record CivilityStep(BiFunction<String, String, CivilityScores> scorer) implements ScreeningStep {

    /** Attributes too serious for a nudge: straight to a moderator. */
    private static final Set<Attribute> NOT_NUDGEABLE =
            EnumSet.of(Attribute.THREAT, Attribute.SEVERE_TOXICITY, Attribute.IDENTITY_ATTACK);

    private static final Map<Attribute, String> COMES_ACROSS_AS = Map.of(
            Attribute.TOXICITY, "hostile",
            Attribute.SEVERE_TOXICITY, "very hostile",
            Attribute.INSULT, "insulting",
            Attribute.IDENTITY_ATTACK, "an attack on a group",
            Attribute.THREAT, "threatening",
            Attribute.PROFANITY, "profane",
            Attribute.DISMISSIVE, "dismissive",
            Attribute.ATTACK_ON_PERSON, "a personal attack",
            Attribute.UNCIVIL, "uncivil");

    CivilityStep {
        Objects.requireNonNull(scorer, "scorer");
    }

    /** A step whose scorer ignores the language (for scorers that cover one language). */
    static CivilityStep ofEnglish(Function<String, CivilityScores> scorer) {
        Objects.requireNonNull(scorer, "scorer");
        return new CivilityStep((text, language) -> scorer.apply(text));
    }

    @Override
    public String name() {
        return "civility";
    }

    @Override
    public void apply(ScreeningRun run) {
        SitePolicy p = run.policy();
        String language = Languages.detect(run.text());
        if (!Languages.scored(language)) {
            run.detail("language", language);
            if (p.unscoredLanguage() == UnscoredLanguageAction.HOLD) {
                run.hold(Reasons.LANGUAGE_UNSCORED);
            } else {
                run.flag(Reasons.LANGUAGE_UNSCORED);
            }
            return;
        }
        CivilityScores scores = scorer.apply(run.text(), language);
        run.scores(scores);
        List<Attribute> over = new ArrayList<>();
        for (Attribute a : Attribute.values()) {
            if (a != Attribute.UNCIVIL && reaches(scores.get(a), p.threshold(a))) {
                over.add(a);
            }
        }
        boolean uncivil = reaches(scores.uncivil(), p.uncivilThreshold());
        if (over.isEmpty() && !uncivil) {
            return;
        }
        over.sort(Comparator.comparingDouble((Attribute a) -> scores.get(a) - p.threshold(a))
                .reversed());
        over.forEach(a -> run.hold(Reasons.civility(a)));
        if (over.isEmpty()) {
            run.hold(Reasons.CIVILITY_UNCIVIL);
            over.add(Attribute.UNCIVIL);
        }
        run.detail(
                "civility",
                over.stream()
                        .map(a -> String.format(Locale.ROOT, "%s %.2f", a.key(), scores.get(a)))
                        .collect(Collectors.joining(", ")));
        if (!p.nudge() || over.stream().anyMatch(NOT_NUDGEABLE::contains)) {
            return;
        }
        String hash = Nudge.hash(run.text());
        if (run.submission().nudgeConfirmation().filter(hash::equals).isPresent()) {
            run.hold(Reasons.CIVILITY_NUDGE_DECLINED);
        } else {
            run.nudge(new Nudge(message(over), over, spans(scores, over), hash));
        }
    }

    /** At or above the threshold; a threshold of 1 switches the attribute off. */
    private static boolean reaches(double score, double threshold) {
        return threshold < 1.0 && score >= threshold;
    }

    private static String message(List<Attribute> over) {
        List<String> phrases =
                over.stream().map(COMES_ACROSS_AS::get).distinct().limit(2).toList();
        return "This may come across as " + String.join(" and ", phrases)
                + ". Would you like to rephrase it before posting?";
    }

    /**
     * The spans behind the attributes, then behind the overall score, without overlaps (the
     * stronger of two overlapping stretches wins), in text order.
     */
    private static List<Span> spans(CivilityScores scores, List<Attribute> over) {
        List<Span> candidates = new ArrayList<>();
        for (Attribute a : over) {
            candidates.addAll(scores.spans(a));
        }
        if (!over.contains(Attribute.UNCIVIL)) {
            candidates.addAll(scores.spans(Attribute.UNCIVIL));
        }
        candidates.sort(Comparator.comparingDouble(Span::contribution).reversed());
        List<Span> chosen = new ArrayList<>();
        for (Span s : candidates) {
            if (chosen.stream().noneMatch(c -> c.start() < s.end() && s.start() < c.end())) {
                chosen.add(s);
            }
        }
        chosen.sort(Comparator.comparingInt(Span::start));
        return chosen;
    }
}
