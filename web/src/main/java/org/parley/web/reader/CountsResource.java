package org.parley.web.reader;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.core.site.Site;
import org.parley.web.cache.HttpCaching;
import org.parley.web.cache.ReadCache;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.problem.ProblemException;
import org.parley.web.reader.ReaderViews.CountsView;

/**
 * Published comment counts for many articles at once (article lists, "17 comments" links). Anonymous
 * answers are cached by request until a write changes one of the articles, and carry an ETag.
 */
@Path("counts")
@Tag(name = "reader")
@Produces(MediaType.APPLICATION_JSON)
public class CountsResource {

    static final int MAX_KEYS = 100;

    @Inject
    ParleyRuntime runtime;

    @Inject
    ReadCache cache;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "Published comment counts for up to 100 article keys; unknown keys count 0")
    @APIResponse(
            responseCode = "200",
            description = "the counts",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CountsView.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match named the current counts")
    public Response counts(
            @QueryParam("site") String site,
            @QueryParam("keys") String keys,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Site s = Sites.require(runtime, site);
        if (keys == null || keys.isBlank()) {
            throw ProblemException.badParameter("keys", "name one or more article keys, comma-separated");
        }
        List<String> list = Arrays.stream(keys.split(","))
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .distinct()
                .toList();
        if (list.size() > MAX_KEYS) {
            throw ProblemException.badParameter("keys", "at most " + MAX_KEYS + " keys");
        }
        String[] articles =
                list.stream().map(k -> ReadCache.article(s.key(), k)).toArray(String[]::new);
        long[] generations =
                Arrays.stream(articles).mapToLong(cache::generation).toArray();
        Map<String, Long> found = runtime.core().threads().count(s.key(), list);
        Map<String, Long> counts = new LinkedHashMap<>();
        list.forEach(k -> counts.put(k, found.getOrDefault(k, 0L)));
        CountsView view = new CountsView(counts);
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return HttpCaching.personal(view);
        }
        ReadCache.Entry entry =
                cache.put(CachedReads.countsKey(site, keys), articles, generations, HttpCaching.json(view));
        return HttpCaching.answer(entry, ifNoneMatch);
    }
}
