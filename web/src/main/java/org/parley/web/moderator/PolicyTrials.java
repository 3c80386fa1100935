package org.parley.web.moderator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parley.core.insight.RecentComment;
import org.parley.core.site.Site;
import org.parley.moderation.screening.AuthorContext;
import org.parley.moderation.screening.PolicyDryRun;
import org.parley.moderation.screening.SitePolicy;
import org.parley.web.moderator.ModeratorViews.DryRunExample;
import org.parley.web.moderator.ModeratorViews.DryRunView;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.platform.SitePolicies;
import org.parley.web.problem.Fields;
import org.parley.web.reader.Posting;

/**
 * Tries a changed screening policy on a site's recent comments: the site's policy as it is against
 * the site's policy with the edit applied, built the same way as an applied edit would be
 * ({@link SitePolicies}), so what the dry run shows is what Apply does.
 */
@ApplicationScoped
public class PolicyTrials {

    /** Examples shown unless the caller asks for another number. */
    public static final int DEFAULT_EXAMPLES = 20;

    public static final int MAX_EXAMPLES = 200;
    private static final int EXCERPT = 160;

    /**
     * A policy to try on the site's latest {@code limit} comments (default 500), showing at most
     * {@code examples} of the changed ones (default 20); the other members are a {@link PolicyEdit}.
     */
    public record DryRun(
            String site,
            Integer limit,
            Integer examples,
            Map<String, Double> thresholds,
            List<String> bannedWords,
            List<String> suspectWords,
            List<String> allowedWords,
            String suspectWordAction,
            String unscoredLanguage,
            Boolean nudge,
            Integer maxLinks,
            Integer newAuthorApprovals) {
        /** The policy change this dry run tries. */
        public PolicyEdit edit() {
            return new PolicyEdit(
                    thresholds,
                    bannedWords,
                    suspectWords,
                    allowedWords,
                    suspectWordAction,
                    unscoredLanguage,
                    nudge,
                    maxLinks,
                    newAuthorApprovals);
        }
    }

    @Inject
    ParleyRuntime runtime;

    /** The dry run of {@code body} on {@code site}; the caller has checked access. */
    public DryRunView run(Site site, DryRun body) {
        Fields.check()
                .range("limit", body.limit(), 1, 5000)
                .range("examples", body.examples(), 0, MAX_EXAMPLES)
                .orThrow();
        return run(
                site,
                body.edit(),
                body.limit() == null ? 500 : body.limit(),
                body.examples() == null ? DEFAULT_EXAMPLES : body.examples());
    }

    /** The site's screening policy with {@code edit} applied (validation problem for bad members). */
    public SitePolicy tried(Site site, PolicyEdit edit) {
        return runtime.policies()
                .forSite(
                        edit.applyTo(SitePolicies.parse(site.screeningPolicy())).toString(), site.settings());
    }

    /** Runs the current and the tried policy over the site's latest {@code limit} comments. */
    public DryRunView run(Site site, PolicyEdit edit, int limit, int maxExamples) {
        SitePolicy current = runtime.policyFor(site);
        SitePolicy tried = tried(site, edit);
        List<RecentComment> recent = runtime.core().insights().recentComments(site.key(), limit);
        Map<String, AuthorContext> authors = new HashMap<>();
        Instant now = runtime.clock().instant();
        List<PolicyDryRun.PastComment> past = new ArrayList<>();
        Map<String, String> texts = new HashMap<>();
        for (RecentComment c : recent) {
            AuthorContext author = authors.computeIfAbsent(
                    c.author().toString(),
                    id -> runtime.core()
                            .authors()
                            .find(c.author())
                            .map(a -> Posting.authorContext(
                                    a, runtime.core().authors().recentRecord(a.id()), now))
                            .orElse(AuthorContext.newcomer(id)));
            past.add(new PolicyDryRun.PastComment(c.id().toString(), c.rawBody(), author));
            texts.put(c.id().toString(), c.rawBody());
        }
        PolicyDryRun.Report report = PolicyDryRun.run(runtime.scorer(), current, tried, past);
        Map<String, Integer> transitions = new TreeMap<>();
        List<DryRunExample> examples = new ArrayList<>();
        for (PolicyDryRun.Change change : report.changes()) {
            transitions.merge(change.before() + "->" + change.after(), 1, Integer::sum);
            if (examples.size() < maxExamples) {
                String text = texts.getOrDefault(change.id(), "");
                examples.add(new DryRunExample(
                        change.id(),
                        excerpt(text),
                        change.before().name(),
                        change.after().name(),
                        change.reasonsBefore(),
                        change.reasonsAfter()));
            }
        }
        return new DryRunView(
                report.total(),
                report.changed(),
                transitions,
                names(report.before()),
                names(report.after()),
                examples,
                maxExamples,
                report.changed() > examples.size(),
                PolicyEdit.Values.of(current),
                PolicyEdit.Values.of(tried),
                current.differences(tried));
    }

    private static String excerpt(String text) {
        if (text.length() <= EXCERPT) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(EXCERPT - 1)) ? EXCERPT - 1 : EXCERPT;
        return text.substring(0, end) + "…";
    }

    private static <E extends Enum<E>> Map<String, Integer> names(Map<E, Integer> counts) {
        Map<String, Integer> result = new TreeMap<>();
        counts.forEach((k, v) -> result.put(k.name(), v));
        return result;
    }
}
