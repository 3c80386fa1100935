package org.parley.web.cache;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * HTTP caching of reader answers. Public answers (no credentials sent) carry a strong
 * {@code ETag} (a digest of the exact bytes, so every instance gives the same tag for the same
 * page) and a short {@code max-age} with {@code stale-while-revalidate}, so a CDN or reverse proxy
 * absorbs read spikes while live updates keep readers current. Anything answered to a credential
 * is {@code private, no-store}: a reader's own held comments and liked state never reach a shared cache.
 */
public final class HttpCaching {

    /** Anonymous thread pages and counts. */
    public static final String PUBLIC = "public, max-age=10, stale-while-revalidate=60, stale-if-error=600";
    /** Answers that depend on who asks. */
    public static final String PRIVATE = "private, no-store";
    /** Caches must key on these request headers (the Origin decides the CORS headers). */
    static final String VARY = "Authorization";

    private static volatile Jsonb jsonb;

    private HttpCaching() {}

    /** {@code entity} as the JSON the API answers with (JSON-B defaults, as JAX-RS writes it). */
    public static byte[] json(Object entity) {
        Jsonb j = jsonb;
        if (j == null) {
            j = JsonbBuilder.create();
            jsonb = j;
        }
        return j.toJson(entity).getBytes(StandardCharsets.UTF_8);
    }

    /** The strong entity tag of {@code body}. */
    public static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"'
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 27)
                    + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code ifNoneMatch} (the request header, may be null) names {@code etag} (weak comparison, RFC 9110 13.1.2). */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")
                    || tag.equals(etag)
                    || (tag.startsWith("W/") && tag.substring(2).equals(etag))) {
                return true;
            }
        }
        return false;
    }

    /** 304 when the client holds this entry already, else 200 with its bytes; public caching headers either way. */
    public static Response answer(ReadCache.Entry entry, String ifNoneMatch) {
        Response.ResponseBuilder builder = matches(ifNoneMatch, entry.etag())
                ? Response.notModified()
                : Response.ok(entry.body(), MediaType.APPLICATION_JSON_TYPE);
        return builder.header(HttpHeaders.ETAG, entry.etag())
                .header(HttpHeaders.CACHE_CONTROL, PUBLIC)
                .header(HttpHeaders.VARY, VARY)
                .build();
    }

    /** An answer for one viewer only. */
    public static Response personal(Object entity) {
        return Response.ok(entity)
                .header(HttpHeaders.CACHE_CONTROL, PRIVATE)
                .header(HttpHeaders.VARY, VARY)
                .build();
    }
}
