package org.parley.web.reader;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.metrics.annotation.Counted;
import org.eclipse.microprofile.metrics.annotation.Timed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.core.article.Article;
import org.parley.core.article.ArticleRef;
import org.parley.core.author.AuthorId;
import org.parley.core.comment.CommentId;
import org.parley.core.site.ArticleRegistration;
import org.parley.core.site.Site;
import org.parley.core.thread.ThreadPage;
import org.parley.core.thread.ThreadQuery;
import org.parley.core.thread.ThreadSort;
import org.parley.web.cache.HttpCaching;
import org.parley.web.cache.ReadCache;
import org.parley.web.i18n.Language;
import org.parley.web.live.Events;
import org.parley.web.live.LiveUpdates;
import org.parley.web.notify.ReaderNotifications;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.platform.Settings;
import org.parley.web.problem.Fields;
import org.parley.web.problem.Params;
import org.parley.web.problem.ProblemException;
import org.parley.web.reader.ReaderViews.ArticleView;
import org.parley.web.reader.ReaderViews.CommentView;
import org.parley.web.reader.ReaderViews.Nudged;
import org.parley.web.reader.ReaderViews.Posted;
import org.parley.web.reader.ReaderViews.ReaderSession;
import org.parley.web.reader.ReaderViews.ThreadView;
import org.parley.web.security.Caller;
import org.parley.web.security.HostSignIn;
import org.parley.web.security.IdempotencyStore;
import org.parley.web.security.RateLimiter;
import org.parley.web.security.ReaderIdentity;
import org.parley.web.security.SignInKey;
import org.parley.web.security.SignInKeys;

/**
 * The reader API on articles: ensure on embed, thread pages, posting and live updates.
 * Every endpoint names its site with {@code ?site=}.
 */
@Path("articles")
@Tag(name = "reader")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    static final String DEFAULT_SORT = "newest";
    static final String DEFAULT_LIMIT = "20";
    private static final Map<String, ThreadSort> SORTS = Map.of(
            "newest",
            ThreadSort.NEWEST,
            "oldest",
            ThreadSort.OLDEST,
            "top",
            ThreadSort.TOP,
            "replies",
            ThreadSort.MOST_REPLIES);

    @Inject
    ParleyRuntime runtime;

    @Inject
    Posting posting;

    @Inject
    Readers readers;

    @Inject
    HostedArticles hosted;

    @Inject
    Events events;

    @Inject
    LiveUpdates live;

    @Inject
    Settings settings;

    @Inject
    ReaderNotifications notifications;

    @Inject
    SignInKeys keys;

    @Inject
    ReadCache cache;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @PUT
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register the article on first embed (the site's article-registration mode decides how)")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "200", description = "already known")
    public Response ensure(@QueryParam("site") String site, @PathParam("key") String key, Requests.Embed embed) {
        Site s = Sites.require(runtime, site);
        ArticleRef ref = ArticleRef.of(s.key(), key);
        var known = runtime.core().articles().find(ref);
        if (known.isPresent()) {
            return Response.ok(view(known.get())).build();
        }
        if (embed == null) {
            throw ProblemException.malformedJson("Send {\"url\": ..., \"title\": ...}.");
        }
        ArticleRegistration mode = settings.articleRegistration(s);
        String url;
        String title;
        switch (mode) {
            case ADMIN ->
                throw ProblemException.of(
                        403,
                        "registration-closed",
                        "Articles are registered by staff",
                        "This site registers its articles through the admin API; this one is not registered yet.");
            case SIGNED -> {
                Fields.check()
                        .require("token", embed.token())
                        .maxLength("token", embed.token(), 8192)
                        .orThrow();
                SignInKey signing = keys.forSite(s.key())
                        .orElseThrow(() -> ProblemException.of(
                                400,
                                "sign-in-not-configured",
                                "Sign-in not configured",
                                "This site has no host sign-in key configured."));
                HostSignIn.HostArticle signed = HostSignIn.verifyEmbed(
                                embed.token(), signing, runtime.clock().instant())
                        .filter(a -> a.key().equals(key))
                        .orElseThrow(() -> ProblemException.of(
                                403,
                                "embed-token-invalid",
                                "Embed token not valid",
                                "The embed token is not signed by this site, has expired or names another article."));
                url = signed.url();
                title = signed.title();
            }
            default -> {
                String origin = request.getHeader("Origin");
                if (origin == null || !s.allowsOrigin(origin)) {
                    throw ProblemException.of(
                            403,
                            "origin-not-allowed",
                            "Origin not allowed",
                            "Articles are registered on embed only from the site's allowed origins.");
                }
                url = embed.url();
                title = embed.title();
                Fields.check()
                        .require("url", url)
                        .require("title", title)
                        .maxLength("url", url, 2000)
                        .maxLength("title", title, 300)
                        .rule(
                                url == null
                                        || originOf(url).map(s::allowsOrigin).orElse(false),
                                "url",
                                "must be an http(s) address on one of the site's allowed origins")
                        .orThrow();
            }
        }
        runtime.limiter()
                .acquire(
                        new RateLimiter.Rule(
                                "address-articles", settings.addressArticlesPerHour(s.key()), Duration.ofHours(1)),
                        s.key() + "|" + Caller.of(request).address());
        Article article = runtime.core().articles().ensure(ref, url, title);
        return Response.status(201).entity(view(article)).build();
    }

    /** {@code scheme://host[:port]} of an absolute http(s) URL without user information; empty otherwise. */
    static Optional<String> originOf(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(scheme + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    @GET
    @Path("{key}/comments")
    @Timed(
            name = "thread_read",
            description = "Reading one page of a thread (not counting answers from the read cache)")
    @Operation(summary = "One page of the thread, replies nested; anonymous pages carry ETag and public Cache-Control")
    @APIResponse(
            responseCode = "200",
            description = "the page",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ThreadView.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match named the current page")
    public Response thread(
            @QueryParam("site") String site,
            @PathParam("key") String key,
            @QueryParam("sort") @DefaultValue(DEFAULT_SORT) String sort,
            @QueryParam("limit") @DefaultValue(DEFAULT_LIMIT) String limit,
            @QueryParam("cursor") String cursor,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Site s = Sites.require(runtime, site);
        ThreadSort order = SORTS.get(sort);
        if (order == null) {
            throw ProblemException.badParameter("sort", "must be one of newest, oldest, top, replies");
        }
        int size = Params.intParam("limit", limit, 1, 100);
        ArticleRef ref = ArticleRef.of(s.key(), key);
        boolean anonymous = request.getHeader(HttpHeaders.AUTHORIZATION) == null;
        String article = ReadCache.article(s.key(), key);
        long generation = cache.generation(article);
        Article found = runtime.core().articles().get(ref);
        AuthorId viewer = viewer(s.key());
        ThreadQuery query = ThreadQuery.firstPage(ref)
                .withSort(order)
                .withLimit(size)
                .withCursor(cursor)
                .withDepth(s.settings().maxDepth())
                .withViewer(viewer);
        ThreadPage page = runtime.core().threads().read(query);
        Instant now = runtime.clock().instant();
        List<CommentView> comments = page.comments().stream()
                .map(n -> CommentView.of(n, c -> Posting.canEdit(c, s, now)))
                .toList();
        ThreadView view = new ThreadView(view(found), sort, comments, page.nextCursor(), page.publishedComments());
        if (!anonymous) {
            return HttpCaching.personal(view);
        }
        ReadCache.Entry entry = cache.put(
                CachedReads.threadKey(site, key, sort, limit, cursor),
                new String[] {article},
                new long[] {generation},
                HttpCaching.json(view));
        return HttpCaching.answer(entry, ifNoneMatch);
    }

    @POST
    @Path("{key}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Counted(name = "comments_posted", description = "Comment submissions")
    @Timed(name = "comment_post", description = "Screening and storing a comment")
    @Operation(summary = "Post a comment or reply; runs the screening pipeline")
    @APIResponse(responseCode = "201", description = "stored, published or held")
    @APIResponse(responseCode = "200", description = "a nudge: nothing stored; resend with confirm=true to post anyway")
    public Response post(
            @QueryParam("site") String site,
            @PathParam("key") String key,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            Requests.NewPost post) {
        Site s = Sites.require(runtime, site);
        if (post == null) {
            throw ProblemException.malformedJson("Send {\"body\": \"...\"}.");
        }
        if (idempotencyKey != null) {
            IdempotencyStore.checkKey(idempotencyKey);
        }
        Caller caller = Caller.of(request);
        Fields.check()
                .require("body", post.body())
                .maxLength("body", post.body(), s.settings().maxBodyLength())
                .maxLength("parentId", post.parentId(), 40)
                .orThrow();
        runtime.limiter()
                .acquire(
                        new RateLimiter.Rule("address-posts", settings.addressPostsPerMinute(), Duration.ofMinutes(1)),
                        caller.address());
        ArticleRef ref = ArticleRef.of(s.key(), key);
        CommentId parent =
                post.parentId() == null || post.parentId().isBlank() ? null : CommentId.parse(post.parentId());
        boolean confirm = Boolean.TRUE.equals(post.confirm());
        if (idempotencyKey == null) {
            return respond(submit(s, ref, caller, parent, post, confirm, null), false);
        }
        String scope = caller.isReader() ? "reader:" + caller.reader().authorId() : "address:" + caller.address();
        String fingerprint = fingerprint(
                s.key(),
                key,
                post.body(),
                post.parentId(),
                post.author() == null ? null : post.author().name(),
                Boolean.toString(confirm));
        IdempotencyStore.Result result = runtime.idempotency()
                .execute(
                        scope,
                        idempotencyKey,
                        fingerprint,
                        () -> submit(s, ref, caller, parent, post, confirm, idempotencyKey));
        return respond(result.outcome(), result.replayed());
    }

    private IdempotencyStore.Outcome submit(
            Site s,
            ArticleRef ref,
            Caller caller,
            CommentId parent,
            Requests.NewPost post,
            boolean confirm,
            String requestKey) {
        Article article = runtime.core().articles().get(ref);
        ReaderSession created = null;
        AuthorId author;
        boolean notify = Boolean.TRUE.equals(post.notifyMe());
        String email = post.author() == null ? null : post.author().email();
        if (caller.isReader()) {
            author = AuthorId.parse(caller.requireReader(s.key()).authorId());
            notifications.validate(author, notify, email);
        } else {
            notifications.validate(null, notify, email);
            created = readers.guest(
                    s, post.author() == null ? null : post.author().name(), caller.address());
            author = AuthorId.parse(created.author().id());
        }
        Posting.Outcome outcome = posting.post(article, author, parent, post.body(), confirm, requestKey);
        if (!outcome.stored()) {
            return new IdempotencyStore.Outcome(200, new Nudged(outcome.nudge(), created), null);
        }
        String subscribed = notifications
                .subscribe(
                        author,
                        outcome.comment().id(),
                        notify,
                        email,
                        Language.of(request.getParameter("lang"), request.getHeader("Accept-Language")))
                .map(ReaderNotifications.State::wireName)
                .orElse(null);
        CommentView view = Posting.view(outcome.comment(), s, runtime.clock().instant());
        Posted posted = new Posted(view, view.status(), outcome.message(), created, subscribed);
        String location = "/api/v1/comments/" + view.id() + "?site=" + s.key();
        return new IdempotencyStore.Outcome(201, posted, location);
    }

    /**
     * The answer to a post. A replay never carries the reader token the first answer created: the
     * replay only proves knowledge of the key and the body, not that it is the same client.
     */
    private Response respond(IdempotencyStore.Outcome outcome, boolean replayed) {
        Object entity = outcome.entity();
        if (replayed) {
            entity = switch (entity) {
                case Posted p -> new Posted(p.comment(), p.status(), p.message(), null, p.notifications());
                case Nudged n -> new Nudged(n.nudge(), null);
                default -> entity;
            };
        }
        Response.ResponseBuilder builder = Response.status(outcome.status()).entity(entity);
        if (outcome.location() != null) {
            builder.location(URI.create(settings.publicUrl() + outcome.location()));
        }
        if (replayed) {
            builder.header("Idempotency-Replayed", "true");
        }
        return builder.build();
    }

    @GET
    @Path("{key}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live updates of the thread (Server-Sent Events): count, then comment events")
    public void events(
            @QueryParam("site") String site,
            @PathParam("key") String key,
            @Context SseEventSink sink,
            @Context Sse sse) {
        Site s = Sites.require(runtime, site);
        ArticleRef ref = ArticleRef.of(s.key(), key);
        runtime.core().articles().get(ref);
        live.subscribe(
                sse,
                sink,
                LiveUpdates.articleTopic(s.key(), key),
                Caller.of(request).address(),
                "count",
                new Events.CountEvent(events.count(ref)));
    }

    private AuthorId viewer(String site) {
        ReaderIdentity reader = Caller.of(request).reader();
        return reader != null && reader.site().equals(site) ? AuthorId.parse(reader.authorId()) : null;
    }

    private ArticleView view(Article article) {
        return Sites.view(hosted, article);
    }

    static String fingerprint(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
