package org.parley.web.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.core.account.Account;
import org.parley.core.account.AccountRole;
import org.parley.core.article.Article;
import org.parley.core.article.ArticleDraft;
import org.parley.core.article.ArticleRef;
import org.parley.core.article.DiscussionState;
import org.parley.core.site.ModerationMode;
import org.parley.core.site.Site;
import org.parley.core.site.SiteDraft;
import org.parley.core.site.SiteSettings;
import org.parley.web.cache.ReadCache;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.platform.Passwords;
import org.parley.web.problem.Fields;
import org.parley.web.problem.Params;
import org.parley.web.problem.ProblemException;
import org.parley.web.reader.HostedArticles;
import org.parley.web.reader.ReaderViews.ArticleView;
import org.parley.web.security.StaffOnly;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Administrators: sites and their allowed origins, article registration and state, staff accounts. */
@Path("admin")
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
@StaffOnly(AccountRole.ADMINISTRATOR)
public class AdminResource {

    /** A site as administrators see it. */
    public record SiteView(String key, String name, List<String> origins, String moderationMode, boolean guestsAllowed,
                           long editWindowSeconds, int maxDepth, int maxLength, boolean imagesAllowed, Instant createdAt) {
        static SiteView of(Site s) {
            return new SiteView(s.key(), s.name(), s.allowedOrigins().stream().sorted().toList(),
                    s.moderationMode() == ModerationMode.PRE_MODERATION ? "pre" : "post", s.settings().allowGuests(),
                    s.settings().editWindow().toSeconds(), s.settings().maxDepth(), s.settings().maxBodyLength(),
                    s.settings().allowImages(), s.createdAt());
        }
    }

    /** {@code POST /admin/sites}. Absent settings take the defaults. */
    public record NewSite(String key, String name, List<String> origins, String moderationMode, Boolean guestsAllowed,
                          Integer editWindowSeconds, Integer maxDepth, Integer maxLength, Boolean imagesAllowed) { }

    /** {@code POST /admin/sites/{site}/origins}. */
    public record NewOrigin(String origin) { }

    /** {@code POST /admin/sites/{site}/articles}. */
    public record NewArticle(String key, String url, String title, String author, String publishedAt,
                             String moderationMode) { }

    /** {@code PATCH /admin/sites/{site}/articles/{key}}. */
    public record ArticleChange(String state) { }

    /** {@code POST /admin/accounts}. */
    public record NewAccount(String username, String password, String role, String site) { }

    /** An account without its password hash. */
    public record AccountView(long id, String username, String role, String site, boolean enabled, Instant createdAt) {
        static AccountView of(Account a) {
            return new AccountView(a.id(), a.username(), a.role().name().toLowerCase(Locale.ROOT), a.siteKey(), a.enabled(),
                    a.createdAt());
        }
    }

    private static final Map<String, ModerationMode> MODES = Map.of("post", ModerationMode.POST_MODERATION,
            "pre", ModerationMode.PRE_MODERATION);
    private static final Map<String, DiscussionState> STATES = Map.of("open", DiscussionState.OPEN,
            "closed", DiscussionState.CLOSED, "archived", DiscussionState.ARCHIVED);
    private static final Map<String, AccountRole> ROLES = Map.of("moderator", AccountRole.MODERATOR,
            "administrator", AccountRole.ADMINISTRATOR);

    @Inject
    ParleyRuntime runtime;

    @Inject
    Passwords passwords;

    @Inject
    HostedArticles hosted;

    @Inject
    ReadCache cache;

    @GET
    @Path("sites")
    @Operation(summary = "Every site")
    public List<SiteView> sites() {
        return runtime.core().sites().list().stream().map(SiteView::of).toList();
    }

    @GET
    @Path("sites/{site}")
    @Operation(summary = "One site")
    public SiteView site(@PathParam("site") String site) {
        return SiteView.of(runtime.core().sites().get(site));
    }

    @POST
    @Path("sites")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a site")
    public Response createSite(NewSite body) {
        if (body == null) {
            throw ProblemException.malformedJson("Send {\"key\": ..., \"name\": ..., \"origins\": [...]}.");
        }
        Fields.check().require("key", body.key()).require("name", body.name())
                .oneOf("moderationMode", body.moderationMode(), MODES.keySet()).orThrow();
        SiteSettings defaults = runtime.policies().defaultsForNewSites();
        SiteSettings settings = new SiteSettings(
                body.guestsAllowed() == null ? defaults.allowGuests() : body.guestsAllowed(),
                body.editWindowSeconds() == null ? defaults.editWindow() : Duration.ofSeconds(body.editWindowSeconds()),
                body.maxDepth() == null ? defaults.maxDepth() : body.maxDepth(),
                body.imagesAllowed() == null ? defaults.allowImages() : body.imagesAllowed(),
                body.maxLength() == null ? defaults.maxBodyLength() : body.maxLength());
        Site site = runtime.core().sites().create(new SiteDraft(body.key(), body.name(),
                Set.copyOf(body.origins() == null ? List.of() : body.origins()),
                body.moderationMode() == null ? ModerationMode.POST_MODERATION : MODES.get(body.moderationMode()), settings));
        return Response.status(201).entity(SiteView.of(site)).build();
    }

    @POST
    @Path("sites/{site}/origins")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Allow one more origin (effective at once for CORS and embeds)")
    public SiteView allowOrigin(@PathParam("site") String site, NewOrigin body) {
        if (body == null) {
            throw ProblemException.malformedJson("Send {\"origin\": \"https://news.example\"}.");
        }
        Fields.check().require("origin", body.origin()).orThrow();
        return SiteView.of(runtime.core().sites().allowOrigin(site, body.origin()));
    }

    @DELETE
    @Path("sites/{site}/origins")
    @Operation(summary = "Stop allowing an origin")
    public SiteView disallowOrigin(@PathParam("site") String site, @QueryParam("origin") String origin) {
        Fields.check().require("origin", origin).orThrow();
        return SiteView.of(runtime.core().sites().disallowOrigin(site, origin));
    }

    @POST
    @Path("sites/{site}/articles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an article")
    public Response registerArticle(@PathParam("site") String site, NewArticle body) {
        if (body == null) {
            throw ProblemException.malformedJson("Send {\"key\": ..., \"url\": ..., \"title\": ...}.");
        }
        Fields.check().require("key", body.key()).require("url", body.url()).require("title", body.title())
                .oneOf("moderationMode", body.moderationMode(), MODES.keySet()).orThrow();
        runtime.core().sites().get(site);
        Article article = runtime.core().articles().register(new ArticleDraft(ArticleRef.of(site, body.key()), body.url(),
                body.title(), body.author(), Params.instant("publishedAt", body.publishedAt()),
                body.moderationMode() == null ? null : MODES.get(body.moderationMode())));
        return Response.status(201).entity(ArticleView.of(article, hosted.html(article.ref()).orElse(null))).build();
    }

    @PATCH
    @Path("sites/{site}/articles/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open, close or archive an article's discussion")
    public ArticleView changeArticle(@PathParam("site") String site, @PathParam("key") String key, ArticleChange body) {
        if (body == null) {
            throw ProblemException.malformedJson("Send {\"state\": \"open|closed|archived\"}.");
        }
        Fields.check().require("state", body.state()).oneOf("state", body.state(), STATES.keySet()).orThrow();
        Article article = runtime.core().articles().changeState(ArticleRef.of(site, key), STATES.get(body.state()));
        cache.changed(article.ref());
        return ArticleView.of(article, hosted.html(article.ref()).orElse(null));
    }

    @Inject
    SiteTransfers porting;

    @POST
    @Path("sites/{site}/imports")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a Disqus export or WordPress WXR file (application/xml) or a Parley export "
            + "(application/x-ndjson), streamed; importing the same file again adds nothing")
    public SiteTransfers.ImportView importFile(@PathParam("site") String site,
                                                 @jakarta.ws.rs.HeaderParam("Content-Type") String contentType,
                                                 java.io.InputStream body) {
        return porting.importFile(site, contentType, body);
    }

    @GET
    @Path("sites/{site}/export")
    @Produces(SiteTransfers.NDJSON)
    @Operation(summary = "The site's articles, authors and comments as NDJSON (parley-export/1), streamed")
    public Response export(@PathParam("site") String site) {
        return porting.export(site);
    }

    @GET
    @Path("accounts")
    @Operation(summary = "Staff accounts")
    public List<AccountView> accounts() {
        return runtime.core().accounts().list().stream().map(AccountView::of).toList();
    }

    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a moderator or administrator (password stored as a PBKDF2 hash)")
    public Response createAccount(NewAccount body) {
        if (body == null) {
            throw ProblemException.malformedJson("Send {\"username\": ..., \"password\": ..., \"role\": ...}.");
        }
        Fields.check().require("username", body.username()).maxLength("username", body.username(), 100)
                .require("password", body.password()).minLength("password", body.password(), Passwords.MIN_LENGTH)
                .maxLength("password", body.password(), 200)
                .require("role", body.role()).oneOf("role", body.role(), ROLES.keySet()).orThrow();
        if (body.site() != null) {
            runtime.core().sites().get(body.site());
        }
        Account account = runtime.core().accounts().create(body.username().strip(), passwords.hash(body.password()),
                ROLES.get(body.role()), body.site());
        return Response.status(201).entity(AccountView.of(account)).build();
    }
}
