package org.parley.moderation.cli;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.moderation.civility.Attribute;
import org.parley.moderation.civility.CivilityScores;
import org.parley.moderation.civility.Span;
import org.parley.moderation.hygiene.TextHygiene;
import org.parley.moderation.sanitize.Sanitized;
import org.parley.moderation.sanitize.Sanitizer;
import org.parley.moderation.screening.ArticleContext;
import org.parley.moderation.screening.AuthorContext;
import org.parley.moderation.screening.Decision;
import org.parley.moderation.screening.PolicyDryRun;
import org.parley.moderation.screening.Screener;
import org.parley.moderation.screening.SitePolicy;
import org.parley.moderation.screening.Submission;
import org.parley.moderation.screening.Verdict;

/** The handlers of the line-oriented commands: one JSON object in, one out. */
final class Commands {

    /** Authors in batch scoring: established, so that only the text decides. */
    private static final AuthorContext BATCH_AUTHOR = AuthorContext.withApprovals("batch", Long.MAX_VALUE / 2);

    private Commands() {}

    /** {@code score}: civility scores, the verdict under {@code policy}, reasons and spans. */
    static JsonObject score(JsonObject line, Screener screener, SitePolicy policy) {
        String text = JsonLines.string(line, "text");
        Verdict verdict = screener.screen(Submission.of(text, BATCH_AUTHOR, ArticleContext.open("batch", policy)));
        JsonObjectBuilder out = Json.createObjectBuilder().add("id", line.getOrDefault("id", JsonValue.NULL));
        JsonObjectBuilder attributes = Json.createObjectBuilder();
        JsonArrayBuilder spans = Json.createArrayBuilder();
        verdict.scores()
                .ifPresentOrElse(
                        scores -> {
                            out.add("uncivil", round(scores.uncivil()));
                            out.add("semantic", scores.semantic().name().toLowerCase(Locale.ROOT));
                            for (Attribute a : Attribute.values()) {
                                if (a != Attribute.UNCIVIL) {
                                    attributes.add(a.key(), round(scores.get(a)));
                                }
                            }
                            spans(scores).forEach(spans::add);
                        },
                        () -> out.add("uncivil", JsonValue.NULL));
        out.add("attributes", attributes)
                .add("verdict", verdict.decision().name())
                .add("reasons", strings(verdict.reasons()))
                .add("flags", strings(verdict.flags()))
                .add("spans", spans);
        verdict.nudge().ifPresent(n -> out.add("nudge", n.message()));
        return out.build();
    }

    /** {@code sanitize}: what a reader's text becomes, as the web layer would store it. */
    static JsonObject sanitize(JsonObject line, Sanitizer sanitizer) {
        Sanitized result = sanitizer.sanitize(
                TextHygiene.defaults().clean(JsonLines.string(line, "text")).text());
        JsonObjectBuilder out = Json.createObjectBuilder()
                .add("id", line.getOrDefault("id", JsonValue.NULL))
                .add("html", result.html().html());
        if (!result.removed().isEmpty()) {
            out.add(
                    "removed",
                    Json.createObjectBuilder()
                            .add("elements", strings(result.removed().elements()))
                            .add("attributes", strings(result.removed().attributes()))
                            .add("injection", result.removed().looksLikeInjection()));
        }
        return out.build();
    }

    /** {@code harness-adapter}: the XSS harness's adapter contract, {@code payload} in, {@code output} out. */
    static JsonObject harness(JsonObject line, Sanitizer sanitizer) {
        String payload = JsonLines.string(line, "payload");
        String output = sanitizer
                .sanitize(TextHygiene.defaults().clean(payload).text())
                .html()
                .html();
        return Json.createObjectBuilder()
                .add("id", line.getOrDefault("id", JsonValue.NULL))
                .add("output", output)
                .build();
    }

    /** {@code dry-run}: one past comment of the input; collected, then reported at the end. */
    static PolicyDryRun.PastComment pastComment(JsonObject line) {
        JsonValue idValue = line.getOrDefault("id", JsonValue.NULL);
        String id = idValue instanceof JsonString s ? s.getString() : idValue.toString();
        long approved =
                line.containsKey("approved") ? line.getJsonNumber("approved").longValueExact() : 1_000;
        return new PolicyDryRun.PastComment(
                id, JsonLines.string(line, "text"), AuthorContext.withApprovals("author-" + id, approved));
    }

    /** The dry-run report as one JSON object. */
    static JsonObject report(PolicyDryRun.Report report) {
        JsonArrayBuilder changes = Json.createArrayBuilder();
        for (PolicyDryRun.Change c : report.changes()) {
            changes.add(Json.createObjectBuilder()
                    .add("id", c.id())
                    .add("from", c.before().name())
                    .add("to", c.after().name())
                    .add("reasonsBefore", strings(c.reasonsBefore()))
                    .add("reasonsAfter", strings(c.reasonsAfter())));
        }
        return Json.createObjectBuilder()
                .add("total", report.total())
                .add("changed", report.changed())
                .add("before", counts(report.before()))
                .add("after", counts(report.after()))
                .add("changes", changes)
                .build();
    }

    private static JsonObjectBuilder counts(Map<Decision, Integer> counts) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        for (Decision d : Decision.values()) {
            o.add(d.name(), counts.getOrDefault(d, 0));
        }
        return o;
    }

    /** Every attribute's spans, one entry per attribute and stretch, strongest first within an attribute. */
    private static List<JsonObject> spans(CivilityScores scores) {
        List<JsonObject> out = new ArrayList<>();
        for (Attribute a : Attribute.values()) {
            for (Span s : scores.spans(a)) {
                out.add(Json.createObjectBuilder()
                        .add("attribute", a.key())
                        .add("start", s.start())
                        .add("end", s.end())
                        .add("text", s.text())
                        .add("contribution", round(s.contribution()))
                        .build());
            }
        }
        return out;
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
