package org.parley.web.reader;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.core.site.Site;
import org.parley.moderation.sanitize.Sanitizer;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.problem.Fields;
import org.parley.web.problem.ProblemException;
import org.parley.web.reader.ReaderViews.PreviewView;

/** Markdown preview through the same sanitiser as posting; nothing is stored or screened. */
@Path("preview")
@Tag(name = "reader")
@Produces(MediaType.APPLICATION_JSON)
public class PreviewResource {

    @Inject
    ParleyRuntime runtime;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Render Markdown to the safe HTML a comment would show")
    public PreviewView preview(@QueryParam("site") String site, Requests.Preview preview) {
        Site s = Sites.require(runtime, site);
        if (preview == null) {
            throw ProblemException.malformedJson("Send {\"body\": \"...\"}.");
        }
        Fields.check()
                .require("body", preview.body())
                .maxLength("body", preview.body(), s.settings().maxBodyLength())
                .orThrow();
        return new PreviewView(Sanitizer.forSite(s.settings().allowImages())
                .sanitize(preview.body())
                .html()
                .html());
    }
}
