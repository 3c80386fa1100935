package org.parley.web.reader;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.core.article.ArticleRef;
import org.parley.core.site.Site;
import org.parley.web.notify.NotifySettings;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.problem.ProblemException;
import org.parley.web.reader.ReaderViews.ArticleView;
import org.parley.web.reader.ReaderViews.SiteView;
import org.parley.web.security.Caller;
import org.parley.web.security.SignInKeys;

/** A site's settings for the widget, reader sign-in, and hosted articles. */
@Path("sites")
@Tag(name = "reader")
@Produces(MediaType.APPLICATION_JSON)
public class SiteResource {

    @Inject
    ParleyRuntime runtime;

    @Inject
    Readers readers;

    @Inject
    SignInKeys keys;

    @Inject
    HostedArticles hosted;

    @Inject
    NotifySettings notify;

    @Context
    HttpServletRequest request;

    @GET
    @Path("{site}")
    @Operation(summary = "The site's settings the widget needs")
    public SiteView site(@PathParam("site") String site) {
        Site s = Sites.require(runtime, site);
        return SiteView.of(s, keys.forSite(s.key()).isPresent(), notify.mailEnabled());
    }

    @POST
    @Path("{site}/readers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A reader token for a guest ({\"name\"}) or a host-site reader ({\"jwt\"})")
    public Response signIn(@PathParam("site") String site, Requests.SignIn body) {
        Site s = Sites.require(runtime, site);
        if (body == null || (body.jwt() == null && body.name() == null)) {
            throw ProblemException.malformedJson(
                    "Send {\"name\": ...} for a guest or {\"jwt\": ...} for a signed-in reader.");
        }
        var session = body.jwt() != null
                ? readers.signIn(s, body.jwt())
                : readers.guest(s, body.name(), Caller.of(request).address());
        return Response.status(201).entity(session).build();
    }

    @GET
    @Path("{site}/articles/{key}")
    @Operation(summary = "An article, with its text when Parley hosts it (the demo)")
    public ArticleView article(@PathParam("site") String site, @PathParam("key") String key) {
        Site s = Sites.require(runtime, site);
        return Sites.view(hosted, runtime.core().articles().get(ArticleRef.of(s.key(), key)));
    }
}
