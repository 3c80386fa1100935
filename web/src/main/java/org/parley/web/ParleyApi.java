package org.parley.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The REST API, version 1, under {@code /api/v1}. Resources and providers of this WAR are found by
 * scanning; docs/api.md is the prose reference and {@code /openapi} the generated one.
 */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Parley API",
                        version = "1",
                        description =
                                "Moderated discussion under articles: threads, posting with screening, moderation queues.",
                        license = @License(name = "Apache-2.0")),
        tags = {
            @Tag(name = "reader", description = "What the embeddable widget uses (CORS for the site's origins)."),
            @Tag(name = "auth", description = "Moderator and administrator sessions."),
            @Tag(name = "moderation", description = "Queues, decisions, authors, audit log (moderators)."),
            @Tag(name = "admin", description = "Sites, articles, accounts (administrators).")
        })
@SecuritySchemes({
    @SecurityScheme(
            securitySchemeName = "reader",
            type = SecuritySchemeType.HTTP,
            scheme = "bearer",
            description = "Reader token from POST /sites/{site}/readers or a first guest post."),
    @SecurityScheme(
            securitySchemeName = "session",
            type = SecuritySchemeType.APIKEY,
            in = SecuritySchemeIn.COOKIE,
            apiKeyName = "PARLEY_SESSION",
            description = "Moderator session; writes need X-CSRF-Token."),
    @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
})
public class ParleyApi extends Application {}
