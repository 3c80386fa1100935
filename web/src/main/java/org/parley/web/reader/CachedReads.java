package org.parley.web.reader;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.parley.web.cache.HttpCaching;
import org.parley.web.cache.ReadCache;

/**
 * Answers anonymous reads of thread pages and counts from the {@link ReadCache} before any
 * resource, database or serialiser is involved: {@code 304} when {@code If-None-Match} names the
 * current entry, else the stored bytes. Runs after CORS's request filter; the response filters
 * (CORS headers, security headers) still apply. A request with any {@code Authorization} header
 * is never answered from here: its answer may be personal. Misses fall through to the resources,
 * which fill the cache.
 */
@Provider
@PreMatching
@Priority(150)
public class CachedReads implements ContainerRequestFilter {

    @Inject
    ReadCache cache;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!"GET".equals(request.getMethod()) || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return;
        }
        String key =
                key(request.getUriInfo().getPathSegments(), request.getUriInfo().getQueryParameters());
        if (key == null) {
            return;
        }
        ReadCache.Entry entry = cache.get(key);
        if (entry != null) {
            request.abortWith(HttpCaching.answer(entry, request.getHeaderString(HttpHeaders.IF_NONE_MATCH)));
        }
    }

    /** The cache key of a cacheable read, or null. */
    static String key(List<PathSegment> path, MultivaluedMap<String, String> query) {
        int n = path.size();
        if (n > 0 && path.get(n - 1).getPath().isEmpty()) {
            n--;
        }
        if (n == 3
                && "articles".equals(path.get(0).getPath())
                && "comments".equals(path.get(2).getPath())) {
            return threadKey(
                    query.getFirst("site"),
                    path.get(1).getPath(),
                    query.getFirst("sort"),
                    query.getFirst("limit"),
                    query.getFirst("cursor"));
        }
        if (n == 1 && "counts".equals(path.get(0).getPath())) {
            return countsKey(query.getFirst("site"), query.getFirst("keys"));
        }
        return null;
    }

    /** The key of a thread page as the resource sees its parameters (absent ones at their defaults). */
    static String threadKey(String site, String article, String sort, String limit, String cursor) {
        return "t\u0000" + site + '\u0000' + article + '\u0000' + (sort == null ? ArticleResource.DEFAULT_SORT : sort)
                + '\u0000' + (limit == null ? ArticleResource.DEFAULT_LIMIT : limit) + '\u0000' + cursor;
    }

    /** The key of a counts answer. */
    static String countsKey(String site, String keys) {
        return "c\u0000" + site + '\u0000' + keys;
    }
}
