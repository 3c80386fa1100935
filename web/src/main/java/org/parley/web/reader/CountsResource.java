package org.parley.web.reader;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.core.site.Site;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.problem.ProblemException;
import org.parley.web.reader.ReaderViews.CountsView;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Published comment counts for many articles at once (article lists, "17 comments" links). */
@Path("counts")
@Tag(name = "reader")
@Produces(MediaType.APPLICATION_JSON)
public class CountsResource {

    static final int MAX_KEYS = 100;

    @Inject
    ParleyRuntime runtime;

    @GET
    @Operation(summary = "Published comment counts for up to 100 article keys; unknown keys count 0")
    public CountsView counts(@QueryParam("site") String site, @QueryParam("keys") String keys) {
        Site s = Sites.require(runtime, site);
        if (keys == null || keys.isBlank()) {
            throw ProblemException.badParameter("keys", "name one or more article keys, comma-separated");
        }
        List<String> list = Arrays.stream(keys.split(",")).map(String::strip).filter(k -> !k.isEmpty()).distinct().toList();
        if (list.size() > MAX_KEYS) {
            throw ProblemException.badParameter("keys", "at most " + MAX_KEYS + " keys");
        }
        Map<String, Long> found = runtime.core().threads().count(s.key(), list);
        Map<String, Long> counts = new LinkedHashMap<>();
        list.forEach(k -> counts.put(k, found.getOrDefault(k, 0L)));
        return new CountsView(counts);
    }
}
