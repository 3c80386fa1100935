package org.parley.web.moderator;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.core.account.AccountRole;
import org.parley.core.insight.RecentComment;
import org.parley.moderation.civility.Attribute;
import org.parley.moderation.screening.AuthorContext;
import org.parley.moderation.screening.PolicyDryRun;
import org.parley.moderation.screening.SitePolicy;
import org.parley.web.moderator.ModeratorViews.DryRunExample;
import org.parley.web.moderator.ModeratorViews.DryRunView;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.problem.Fields;
import org.parley.web.problem.Problem;
import org.parley.web.problem.ProblemException;
import org.parley.web.reader.Posting;
import org.parley.web.security.Caller;
import org.parley.web.security.StaffOnly;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The policy dry run: what a changed screening policy would do to recent comments. */
@Path("moderation/policy")
@Tag(name = "moderation")
@Produces(MediaType.APPLICATION_JSON)
@StaffOnly(AccountRole.MODERATOR)
public class PolicyResource {

    /** A policy to try: thresholds by attribute key ({@code uncivil} for the overall one) and word lists. */
    public record DryRun(String site, Integer limit, Map<String, Double> thresholds, List<String> bannedWords,
                         List<String> suspectWords) { }

    @Inject
    ParleyRuntime runtime;

    @Context
    HttpServletRequest request;

    @POST
    @Path("dry-run")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "How many recent verdicts a changed policy would change")
    public DryRunView dryRun(DryRun body) {
        if (body == null) {
            throw ProblemException.malformedJson("Send {\"site\": ..., \"thresholds\": {...}}.");
        }
        String s = requireSite(body.site());
        Fields.check().range("limit", body.limit(), 1, 5000).orThrow();
        SitePolicy current = runtime.policyFor(runtime.core().sites().get(s));
        SitePolicy tried = tried(current, body);
        List<RecentComment> recent = runtime.core().insights().recentComments(s, body.limit() == null ? 500 : body.limit());
        Map<String, AuthorContext> authors = new HashMap<>();
        Instant now = runtime.clock().instant();
        List<PolicyDryRun.PastComment> past = new ArrayList<>();
        Map<String, String> texts = new HashMap<>();
        for (RecentComment c : recent) {
            AuthorContext author = authors.computeIfAbsent(c.author().toString(), id -> runtime.core().authors().find(c.author())
                    .map(a -> Posting.authorContext(a, runtime.core().authors().recentRecord(a.id()), now))
                    .orElse(AuthorContext.newcomer(id)));
            past.add(new PolicyDryRun.PastComment(c.id().toString(), c.rawBody(), author));
            texts.put(c.id().toString(), c.rawBody());
        }
        PolicyDryRun.Report report = PolicyDryRun.run(runtime.scorer(), current, tried, past);
        Map<String, Integer> transitions = new TreeMap<>();
        List<DryRunExample> examples = new ArrayList<>();
        for (PolicyDryRun.Change change : report.changes()) {
            transitions.merge(change.before() + "->" + change.after(), 1, Integer::sum);
            if (examples.size() < 20) {
                String text = texts.getOrDefault(change.id(), "");
                examples.add(new DryRunExample(change.id(), text.length() > 160 ? text.substring(0, 160) + "…" : text,
                        change.before().name(), change.after().name(), change.reasonsAfter()));
            }
        }
        return new DryRunView(report.total(), report.changed(), transitions, names(report.before()), names(report.after()),
                examples);
    }

    private static SitePolicy tried(SitePolicy current, DryRun body) {
        SitePolicy.Builder builder = current.toBuilder();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body.thresholds() != null) {
            body.thresholds().forEach((key, value) -> {
                if (value == null || value < 0 || value > 1) {
                    errors.add(new Problem.FieldError("thresholds." + key, "must be between 0 and 1"));
                } else if ("uncivil".equals(key)) {
                    builder.uncivilThreshold(value);
                } else {
                    try {
                        builder.attributeThreshold(Attribute.ofKey(key), value);
                    } catch (IllegalArgumentException e) {
                        errors.add(new Problem.FieldError("thresholds." + key, "is not a civility attribute"));
                    }
                }
            });
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        if (body.bannedWords() != null) {
            builder.bannedWords(body.bannedWords());
        }
        if (body.suspectWords() != null) {
            builder.suspectWords(body.suspectWords());
        }
        return builder.build();
    }

    private static <E extends Enum<E>> Map<String, Integer> names(Map<E, Integer> counts) {
        Map<String, Integer> result = new TreeMap<>();
        counts.forEach((k, v) -> result.put(k.name(), v));
        return result;
    }

    private String requireSite(String site) {
        if (site == null || site.isBlank()) {
            throw ProblemException.badParameter("site", "name the site with ?site= (or \"site\" in the body)");
        }
        runtime.core().sites().get(site.strip());
        Caller.of(request).requireStaff(AccountRole.MODERATOR, site.strip());
        return site.strip();
    }
}
