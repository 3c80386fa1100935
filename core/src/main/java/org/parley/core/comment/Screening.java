package org.parley.core.comment;

import java.util.List;
import java.util.Map;
import org.parley.core.support.Require;

/**
 * The screening verdict for one submitted body, computed by the caller (the web layer runs the
 * moderation module) and stored with the comment. Core trusts {@code safeHtml} to be sanitised
 * already and never renders the raw body.
 *
 * <p>A {@link Verdict#REJECT} is recorded, not refused: the comment is stored as
 * {@link CommentStatus#REJECTED} with a system decision in the audit log, so moderators can see
 * and reverse it and the author's trust figures count it. A {@link Verdict#HOLD} writes a system
 * decision too.
 *
 * @param reasonCodes        why the screening decided so, e.g. {@code civility.dismissive}
 * @param scores             attribute scores 0..1; {@code uncivil} (or else the highest) orders the "by score" queues
 * @param safeHtml           the sanitised rendering of the body
 * @param sanitizerRemovals  what the sanitiser removed, for moderators
 */
public record Screening(
        Verdict verdict,
        List<String> reasonCodes,
        Map<String, Double> scores,
        String safeHtml,
        List<String> sanitizerRemovals) {
    /** What the screening says should happen to the comment. */
    public enum Verdict {
        PUBLISH,
        HOLD,
        REJECT
    }

    public Screening {
        Require.present("verdict", verdict);
        reasonCodes = List.copyOf(reasonCodes == null ? List.of() : reasonCodes);
        scores = Map.copyOf(scores == null ? Map.of() : scores);
        Require.storable("safeHtml", Require.present("safeHtml", safeHtml));
        sanitizerRemovals = List.copyOf(sanitizerRemovals == null ? List.of() : sanitizerRemovals);
    }

    /** A clean verdict: publish, no reasons, no scores. */
    public static Screening publish(String safeHtml) {
        return new Screening(Verdict.PUBLISH, List.of(), Map.of(), safeHtml, List.of());
    }

    /** Hold for review with the given reasons. */
    public static Screening hold(String safeHtml, List<String> reasonCodes, Map<String, Double> scores) {
        return new Screening(Verdict.HOLD, reasonCodes, scores, safeHtml, List.of());
    }

    /** Reject with the given reasons. */
    public static Screening reject(String safeHtml, List<String> reasonCodes, Map<String, Double> scores) {
        return new Screening(Verdict.REJECT, reasonCodes, scores, safeHtml, List.of());
    }

    /** The score queues sort by: {@code uncivil} if present, else the highest score, else 0. */
    public double sortScore() {
        Double uncivil = scores.get("uncivil");
        if (uncivil != null) {
            return uncivil;
        }
        return scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0.0);
    }
}
