package org.parley.web.admin;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.core.Page;
import org.parley.core.account.Account;
import org.parley.core.account.AccountRole;
import org.parley.core.article.Article;
import org.parley.core.article.ArticleDraft;
import org.parley.core.article.ArticleRef;
import org.parley.core.article.DiscussionState;
import org.parley.core.review.Actor;
import org.parley.core.site.ArticleRegistration;
import org.parley.core.site.ModerationMode;
import org.parley.core.site.Site;
import org.parley.core.site.SiteChange;
import org.parley.core.site.SiteDraft;
import org.parley.core.site.SiteSettings;
import org.parley.web.cache.ReadCache;
import org.parley.web.moderator.ModeratorViews;
import org.parley.web.moderator.PolicyEdit;
import org.parley.web.moderator.PolicyTrials;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.platform.Passwords;
import org.parley.web.platform.Settings;
import org.parley.web.platform.SitePolicies;
import org.parley.web.problem.Fields;
import org.parley.web.problem.Params;
import org.parley.web.problem.ProblemException;
import org.parley.web.reader.HostedArticles;
import org.parley.web.reader.ReaderViews.ArticleView;
import org.parley.web.security.Caller;
import org.parley.web.security.StaffMember;
import org.parley.web.security.StaffOnly;

/**
 * Administrators: sites (settings, origins, screening policy with dry run and apply), articles
 * (registration, state, pre-moderation), staff accounts (create, disable, role and site, password).
 * Changes of a site's settings and policy, of an article and of an account are recorded in the audit
 * log with the administrator's name (a new password never is).
 */
@Path("admin")
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
@StaffOnly(AccountRole.ADMINISTRATOR)
public class AdminResource {

    /**
     * A site as administrators see it. {@code articleRegistration} is the mode in force (the site's
     * own, else the installation's configuration); {@code unscoredLanguage} comes from its screening policy.
     */
    public record SiteView(
            String key,
            String name,
            List<String> origins,
            String moderationMode,
            boolean guestsAllowed,
            long editWindowSeconds,
            int maxDepth,
            int maxLength,
            boolean imagesAllowed,
            String articleRegistration,
            String unscoredLanguage,
            Instant createdAt) {}

    private SiteView view(Site s) {
        return new SiteView(
                s.key(),
                s.name(),
                s.allowedOrigins().stream().sorted().toList(),
                s.moderationMode() == ModerationMode.PRE_MODERATION ? "pre" : "post",
                s.settings().allowGuests(),
                s.settings().editWindow().toSeconds(),
                s.settings().maxDepth(),
                s.settings().maxBodyLength(),
                s.settings().allowImages(),
                settings.articleRegistration(s).apiName(),
                runtime.policyFor(s).unscoredLanguage().name().toLowerCase(Locale.ROOT),
                s.createdAt());
    }

    /** {@code POST /admin/sites}. Absent settings take the defaults. */
    public record NewSite(
            String key,
            String name,
            List<String> origins,
            String moderationMode,
            Boolean guestsAllowed,
            Integer editWindowSeconds,
            Integer maxDepth,
            Integer maxLength,
            Boolean imagesAllowed) {}

    /** {@code PATCH /admin/sites/{site}}: the members given are changed, the others stay. */
    public record SiteUpdate(
            String name,
            String moderationMode,
            Boolean guestsAllowed,
            Integer editWindowSeconds,
            Integer maxDepth,
            Integer maxLength,
            Boolean imagesAllowed,
            String articleRegistration,
            String unscoredLanguage) {}

    /** A site's screening policy: the values in force, the installation's, and which keys the site sets itself. */
    public record PolicyView(
            String site, PolicyEdit.Values current, PolicyEdit.Values installation, List<String> siteOverrides) {}

    /** The result of applying a policy change: the policy now, and what changed (as the audit log records it). */
    public record PolicyChangeView(PolicyView policy, List<String> changes) {}

    /** {@code POST /admin/sites/{site}/origins}. */
    public record NewOrigin(String origin) {}

    /** {@code POST /admin/sites/{site}/articles}. */
    public record NewArticle(
            String key, String url, String title, String author, String publishedAt, String moderationMode) {}

    /**
     * {@code PATCH /admin/sites/{site}/articles/{key}}: {@code state} open, closed or archived;
     * {@code moderationMode} pre (every comment held first), post, or site (follow the site's mode).
     */
    public record ArticleChange(String state, String moderationMode) {}

    /** {@code POST /admin/accounts}. */
    public record NewAccount(String username, String password, String role, String site) {}

    /**
     * {@code PATCH /admin/accounts/{id}}: the members given are changed. {@code site} limits a
     * moderator to one site; {@code ""} means every site.
     */
    public record AccountChange(Boolean enabled, String role, String site) {}

    /** {@code POST /admin/accounts/{id}/password}: the new password, or none to have one generated. */
    public record PasswordReset(String password) {}

    /** A reset password: {@code password} is the generated one (shown only here), or null when the caller chose it. */
    public record PasswordResetView(long id, String username, String password) {}

    /** An account without its password hash. */
    public record AccountView(long id, String username, String role, String site, boolean enabled, Instant createdAt) {
        static AccountView of(Account a) {
            return new AccountView(
                    a.id(),
                    a.username(),
                    a.role().name().toLowerCase(Locale.ROOT),
                    a.siteKey(),
                    a.enabled(),
                    a.createdAt());
        }
    }

    private static final Map<String, ModerationMode> MODES =
            Map.of("post", ModerationMode.POST_MODERATION, "pre", ModerationMode.PRE_MODERATION);
    private static final Map<String, DiscussionState> STATES = Map.of(
            "open", DiscussionState.OPEN, "closed", DiscussionState.CLOSED, "archived", DiscussionState.ARCHIVED);
    private static final Map<String, ModerationMode> ARTICLE_MODES = Map.of(
            "post",
            ModerationMode.POST_MODERATION,
            "pre",
            ModerationMode.PRE_MODERATION,
            "site",
            ModerationMode.POST_MODERATION);
    private static final Set<String> REGISTRATIONS = Set.of("embed", "signed", "admin");
    private static final Set<String> UNSCORED = Set.of("hold", "flag");
    private static final Map<String, AccountRole> ROLES =
            Map.of("moderator", AccountRole.MODERATOR, "administrator", AccountRole.ADMINISTRATOR);

    @Inject
    ParleyRuntime runtime;

    @Inject
    Passwords passwords;

    @Inject
    HostedArticles hosted;

    @Inject
    ReadCache cache;

    @Inject
    Settings settings;

    @Inject
    PolicyTrials trials;

    @Context
    HttpServletRequest request;

    @GET
    @Path("sites")
    @Operation(summary = "Every site")
    public List<SiteView> sites() {
        return runtime.core().sites().list().stream().map(this::view).toList();
    }

    @GET
    @Path("sites/{site}")
    @Operation(summary = "One site")
    public SiteView site(@PathParam("site") String site) {
        return view(runtime.core().sites().get(site));
    }

    @PATCH
    @Path("sites/{site}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a site's settings (members given change, the others stay); recorded in the audit log")
    public SiteView changeSite(@PathParam("site") String site, SiteUpdate body) {
        ProblemException.requireBody(body, "Send {\"moderationMode\": \"pre\", \"maxLength\": 8000, ...}.");
        limits(
                        Fields.check()
                                .oneOf("moderationMode", body.moderationMode(), MODES.keySet())
                                .oneOf("articleRegistration", lower(body.articleRegistration()), REGISTRATIONS)
                                .oneOf("unscoredLanguage", lower(body.unscoredLanguage()), UNSCORED),
                        body.editWindowSeconds(),
                        body.maxDepth(),
                        body.maxLength())
                .orThrow();
        if (body.name() != null && body.name().isBlank()) {
            throw ProblemException.invalid("name", "must not be empty");
        }
        Site current = runtime.core().sites().get(site);
        SiteSettings s = current.settings();
        if (body.guestsAllowed() != null) {
            s = s.withAllowGuests(body.guestsAllowed());
        }
        if (body.editWindowSeconds() != null) {
            s = s.withEditWindow(Duration.ofSeconds(body.editWindowSeconds()));
        }
        if (body.maxDepth() != null) {
            s = s.withMaxDepth(body.maxDepth());
        }
        if (body.maxLength() != null) {
            s = s.withMaxBodyLength(body.maxLength());
        }
        if (body.imagesAllowed() != null) {
            s = s.withAllowImages(body.imagesAllowed());
        }
        String policy = null;
        String policyNote = null;
        if (body.unscoredLanguage() != null) {
            PolicyEdit edit = new PolicyEdit(null, null, null, null, null, body.unscoredLanguage(), null, null, null);
            policy = edit.applyTo(SitePolicies.parse(current.screeningPolicy())).toString();
            policyNote = String.join("; ", runtime.policyFor(current).differences(trials.tried(current, edit)));
        }
        Site changed = runtime.core()
                .sites()
                .change(
                        site,
                        new SiteChange(
                                body.name(),
                                body.moderationMode() == null ? null : MODES.get(body.moderationMode()),
                                s,
                                body.articleRegistration() == null
                                        ? null
                                        : ArticleRegistration.parse(body.articleRegistration()),
                                policy,
                                policyNote),
                        actor());
        cache.changedEverywhere(); // depth, mode and limits shape every cached page of the site
        return view(changed);
    }

    @GET
    @Path("sites/{site}/policy")
    @Operation(summary = "A site's screening policy: the values in force, the installation's, and what the site sets")
    public PolicyView policy(@PathParam("site") String site) {
        return policyView(runtime.core().sites().get(site));
    }

    @POST
    @Path("sites/{site}/policy/dry-run")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "What a policy change would do to the site's recent comments (the same body as the PATCH)")
    public ModeratorViews.DryRunView tryPolicy(@PathParam("site") String site, PolicyTrials.DryRun body) {
        ProblemException.requireBody(body, "Send {\"thresholds\": {\"uncivil\": 0.8}, ...}.");
        return trials.run(runtime.core().sites().get(site), body);
    }

    @PATCH
    @Path("sites/{site}/policy")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Apply a policy change (the members given change, the others stay); recorded in the audit log")
    public PolicyChangeView applyPolicy(@PathParam("site") String site, PolicyEdit body) {
        if (body == null || body.isEmpty()) {
            throw ProblemException.malformedJson(
                    "Send the change, e.g. {\"thresholds\": {\"uncivil\": 0.8}, " + "\"bannedWords\": [...]}.");
        }
        Site current = runtime.core().sites().get(site);
        String overlay =
                body.applyTo(SitePolicies.parse(current.screeningPolicy())).toString();
        return storePolicy(current, overlay, runtime.policyFor(current).differences(trials.tried(current, body)));
    }

    @DELETE
    @Path("sites/{site}/policy")
    @Operation(summary = "Return the site to the installation's screening policy; recorded in the audit log")
    public PolicyChangeView resetPolicy(@PathParam("site") String site) {
        Site current = runtime.core().sites().get(site);
        List<String> changes =
                runtime.policyFor(current).differences(runtime.policies().forSite("{}", current.settings()));
        return storePolicy(current, "{}", changes);
    }

    private PolicyChangeView storePolicy(Site current, String overlay, List<String> changes) {
        Site changed = runtime.core()
                .sites()
                .change(
                        current.key(),
                        SiteChange.policy(
                                overlay,
                                changes.isEmpty()
                                        ? "screening policy: no effective change"
                                        : String.join("; ", changes)),
                        actor());
        return new PolicyChangeView(policyView(changed), changes);
    }

    private PolicyView policyView(Site site) {
        return new PolicyView(
                site.key(),
                PolicyEdit.Values.of(runtime.policyFor(site)),
                PolicyEdit.Values.of(runtime.policy()),
                SitePolicies.parse(site.screeningPolicy()).keySet().stream()
                        .sorted()
                        .toList());
    }

    @POST
    @Path("sites")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a site")
    public Response createSite(NewSite body) {
        ProblemException.requireBody(body, "Send {\"key\": ..., \"name\": ..., \"origins\": [...]}.");
        limits(
                        Fields.check()
                                .require("key", body.key())
                                .require("name", body.name())
                                .oneOf("moderationMode", body.moderationMode(), MODES.keySet()),
                        body.editWindowSeconds(),
                        body.maxDepth(),
                        body.maxLength())
                .orThrow();
        SiteSettings defaults = runtime.policies().defaultsForNewSites();
        SiteSettings settings = new SiteSettings(
                body.guestsAllowed() == null ? defaults.allowGuests() : body.guestsAllowed(),
                body.editWindowSeconds() == null ? defaults.editWindow() : Duration.ofSeconds(body.editWindowSeconds()),
                body.maxDepth() == null ? defaults.maxDepth() : body.maxDepth(),
                body.imagesAllowed() == null ? defaults.allowImages() : body.imagesAllowed(),
                body.maxLength() == null ? defaults.maxBodyLength() : body.maxLength());
        Site site = runtime.core()
                .sites()
                .create(new SiteDraft(
                        body.key(),
                        body.name(),
                        Set.copyOf(body.origins() == null ? List.of() : body.origins()),
                        body.moderationMode() == null
                                ? ModerationMode.POST_MODERATION
                                : MODES.get(body.moderationMode()),
                        settings));
        return Response.status(201).entity(view(site)).build();
    }

    @POST
    @Path("sites/{site}/origins")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Allow one more origin (effective at once for CORS and embeds)")
    public SiteView allowOrigin(@PathParam("site") String site, NewOrigin body) {
        ProblemException.requireBody(body, "Send {\"origin\": \"https://news.example\"}.");
        Fields.check().require("origin", body.origin()).orThrow();
        return view(runtime.core().sites().allowOrigin(site, body.origin()));
    }

    @DELETE
    @Path("sites/{site}/origins")
    @Operation(summary = "Stop allowing an origin")
    public SiteView disallowOrigin(@PathParam("site") String site, @QueryParam("origin") String origin) {
        Fields.check().require("origin", origin).orThrow();
        return view(runtime.core().sites().disallowOrigin(site, origin));
    }

    @POST
    @Path("sites/{site}/articles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an article")
    public Response registerArticle(@PathParam("site") String site, NewArticle body) {
        ProblemException.requireBody(body, "Send {\"key\": ..., \"url\": ..., \"title\": ...}.");
        Fields.check()
                .require("key", body.key())
                .require("url", body.url())
                .require("title", body.title())
                .oneOf("moderationMode", body.moderationMode(), MODES.keySet())
                .orThrow();
        runtime.core().sites().get(site);
        Article article = runtime.core()
                .articles()
                .register(new ArticleDraft(
                        ArticleRef.of(site, body.key()),
                        body.url(),
                        body.title(),
                        body.author(),
                        Params.instant("publishedAt", body.publishedAt()),
                        body.moderationMode() == null ? null : MODES.get(body.moderationMode())));
        return Response.status(201)
                .entity(ArticleView.of(article, hosted.html(article.ref()).orElse(null)))
                .build();
    }

    /**
     * An article as the admin console lists it: {@code moderationMode} is the mode in force,
     * {@code ownModerationMode} the article's own ({@code null}: it follows its site).
     */
    public record ArticleRow(
            String key,
            String title,
            String url,
            String state,
            long commentCount,
            String moderationMode,
            String ownModerationMode,
            Instant createdAt) {
        static ArticleRow of(Article a) {
            return new ArticleRow(
                    a.ref().articleKey(),
                    a.title(),
                    a.url(),
                    a.discussionState().name().toLowerCase(Locale.ROOT),
                    a.publishedComments(),
                    modeName(a.effectiveModeration()),
                    modeName(a.moderationOverride()),
                    a.createdAt());
        }
    }

    private static String modeName(ModerationMode mode) {
        return mode == null ? null : mode == ModerationMode.PRE_MODERATION ? "pre" : "post";
    }

    /** A page of a site's articles, the earliest registered first. */
    public record ArticlePage(List<ArticleRow> items, String nextCursor) {}

    @GET
    @Path("sites/{site}/articles")
    @Operation(summary = "A site's articles, the earliest registered first (limit 1..500, default 100; cursor)")
    public ArticlePage articles(
            @PathParam("site") String site,
            @QueryParam("limit") @DefaultValue("100") String limit,
            @QueryParam("cursor") String cursor) {
        Page<Article> page = runtime.core().articles().list(site, Params.intParam("limit", limit, 1, 500), cursor);
        return new ArticlePage(page.items().stream().map(ArticleRow::of).toList(), page.nextCursor());
    }

    @PATCH
    @Path("sites/{site}/articles/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open, close or archive an article's discussion; pre-moderate it or let it follow its site")
    public ArticleView changeArticle(@PathParam("site") String site, @PathParam("key") String key, ArticleChange body) {
        if (body == null || body.state() == null && body.moderationMode() == null) {
            throw ProblemException.malformedJson(
                    "Send {\"state\": \"open|closed|archived\"} and/or " + "{\"moderationMode\": \"pre|post|site\"}.");
        }
        Fields.check()
                .oneOf("state", body.state(), STATES.keySet())
                .oneOf("moderationMode", body.moderationMode(), ARTICLE_MODES.keySet())
                .orThrow();
        ArticleRef ref = ArticleRef.of(site, key);
        Article article = runtime.core().articles().get(ref);
        if (body.moderationMode() != null) {
            article = runtime.core()
                    .articles()
                    .changeModeration(
                            ref,
                            "site".equals(body.moderationMode()) ? null : ARTICLE_MODES.get(body.moderationMode()),
                            actor());
        }
        if (body.state() != null) {
            article = runtime.core().articles().changeState(ref, STATES.get(body.state()), actor());
        }
        cache.changed(article.ref());
        return ArticleView.of(article, hosted.html(article.ref()).orElse(null));
    }

    @Inject
    SiteTransfers porting;

    @POST
    @Path("sites/{site}/imports")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Import a Disqus export or WordPress WXR file (application/xml) or a Parley export "
                    + "(application/x-ndjson), streamed; importing the same file again adds nothing")
    public SiteTransfers.ImportView importFile(
            @PathParam("site") String site, @HeaderParam("Content-Type") String contentType, InputStream body) {
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
        ProblemException.requireBody(body, "Send {\"username\": ..., \"password\": ..., \"role\": ...}.");
        Fields.check()
                .require("username", body.username())
                .maxLength("username", body.username(), 100)
                .require("password", body.password())
                .minLength("password", body.password(), Passwords.MIN_LENGTH)
                .maxLength("password", body.password(), 200)
                .require("role", body.role())
                .oneOf("role", body.role(), ROLES.keySet())
                .orThrow();
        if (body.site() != null) {
            runtime.core().sites().get(body.site());
        }
        Account account = runtime.core()
                .accounts()
                .create(
                        body.username().strip(),
                        passwords.hash(body.password()),
                        ROLES.get(body.role()),
                        body.site(),
                        actor());
        return Response.status(201).entity(AccountView.of(account)).build();
    }

    @PATCH
    @Path("accounts/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Enable or disable an account, change its role or site; open sessions follow at the next request")
    public AccountView changeAccount(@PathParam("id") String id, AccountChange body) {
        if (body == null || body.enabled() == null && body.role() == null && body.site() == null) {
            throw ProblemException.malformedJson(
                    "Send {\"enabled\": false} or {\"role\": \"moderator\", \"site\": \"demo\"}.");
        }
        Fields.check().oneOf("role", body.role(), ROLES.keySet()).orThrow();
        long accountId = notOwn(accountId(id));
        Account account = runtime.core().accounts().get(accountId);
        if (body.role() != null || body.site() != null) {
            String site = body.site() == null
                    ? account.siteKey()
                    : body.site().isBlank() ? null : body.site().strip();
            if (site != null) {
                runtime.core().sites().get(site);
            }
            account = runtime.core()
                    .accounts()
                    .changeRole(
                            accountId, body.role() == null ? account.role() : ROLES.get(body.role()), site, actor());
        }
        if (body.enabled() != null) {
            account = runtime.core().accounts().setEnabled(accountId, body.enabled(), actor());
        }
        return AccountView.of(account);
    }

    @POST
    @Path("accounts/{id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a new password (or have one generated, shown once); the account's sessions end")
    public PasswordResetView resetPassword(@PathParam("id") String id, PasswordReset body) {
        String chosen = body == null ? null : body.password();
        if (chosen != null) {
            Fields.check()
                    .minLength("password", chosen, Passwords.MIN_LENGTH)
                    .maxLength("password", chosen, 200)
                    .orThrow();
        }
        String password = chosen == null ? Passwords.generate() : chosen;
        Account account =
                runtime.core().accounts().changePasswordHash(notOwn(accountId(id)), passwords.hash(password), actor());
        return new PasswordResetView(account.id(), account.username(), chosen == null ? password : null);
    }

    private static long accountId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("account " + id + ".");
        }
    }

    /**
     * Administrators change other accounts here, never their own: a session cannot lock its owner
     * out (disable, demote, move or reset them), whether by mistake or in a stolen browser.
     */
    private long notOwn(long accountId) {
        if (Caller.of(request).requireStaff(AccountRole.ADMINISTRATOR).accountId() == accountId) {
            throw ProblemException.forbidden(
                    "Administrators cannot change their own account here; ask another administrator.");
        }
        return accountId;
    }

    private Actor actor() {
        StaffMember member = Caller.of(request).requireStaff(AccountRole.ADMINISTRATOR);
        return Actor.moderator("account:" + member.accountId(), member.username());
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    /** The site settings' ranges, named as the API names them. */
    private static Fields limits(Fields fields, Integer editWindowSeconds, Integer maxDepth, Integer maxLength) {
        return fields.range("editWindowSeconds", editWindowSeconds, 0, (int)
                        Duration.ofDays(30).toSeconds())
                .range("maxDepth", maxDepth, 1, 20)
                .range("maxLength", maxLength, 1, SiteSettings.MAX_BODY_LIMIT);
    }
}
