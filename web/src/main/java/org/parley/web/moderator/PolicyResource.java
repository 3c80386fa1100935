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
import org.parley.web.moderator.ModeratorViews.DryRunView;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.problem.ProblemException;
import org.parley.web.security.Caller;
import org.parley.web.security.StaffOnly;

/** The policy dry run: what a changed screening policy would do to recent comments. */
@Path("moderation/policy")
@Tag(name = "moderation")
@Produces(MediaType.APPLICATION_JSON)
@StaffOnly(AccountRole.MODERATOR)
public class PolicyResource {

    @Inject
    ParleyRuntime runtime;

    @Inject
    PolicyTrials trials;

    @Context
    HttpServletRequest request;

    @POST
    @Path("dry-run")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "How many recent verdicts a changed policy would change, with the current and tried values")
    public DryRunView dryRun(PolicyTrials.DryRun body) {
        ProblemException.requireBody(body, "Send {\"site\": ..., \"thresholds\": {...}}.");
        return trials.run(runtime.core().sites().get(requireSite(body.site())), body);
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
