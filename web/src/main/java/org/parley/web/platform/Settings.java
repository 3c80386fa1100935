package org.parley.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.core.site.ArticleRegistration;
import org.parley.core.site.Site;

/**
 * The installation's configuration, read once through MicroProfile Config: system properties,
 * environment variables ({@code parley.db.url} is also {@code PARLEY_DB_URL}) and
 * {@code META-INF/microprofile-config.properties}, in that order. The README lists every key.
 */
@ApplicationScoped
public class Settings {

    @Inject
    @ConfigProperty(name = "parley.data-dir", defaultValue = "data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "parley.db.url")
    Optional<String> dbUrl;

    @Inject
    @ConfigProperty(name = "parley.db.user")
    Optional<String> dbUser;

    @Inject
    @ConfigProperty(name = "parley.db.password")
    Optional<String> dbPassword;

    @Inject
    @ConfigProperty(name = "parley.db.pool-size", defaultValue = "10")
    int dbPoolSize;

    @Inject
    @ConfigProperty(name = "parley.admin.user", defaultValue = "admin")
    String adminUser;

    @Inject
    @ConfigProperty(name = "parley.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "parley.demo", defaultValue = "true")
    boolean demo;

    @Inject
    @ConfigProperty(name = "parley.demo.origins")
    Optional<String> demoOrigins;

    @Inject
    @ConfigProperty(name = "parley.token-secret")
    Optional<String> tokenSecret;

    @Inject
    @ConfigProperty(name = "parley.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "parley.policy-file")
    Optional<String> policyFile;

    @Inject
    @ConfigProperty(name = "parley.trust-forwarded-for", defaultValue = "false")
    boolean trustForwardedFor;

    @Inject
    @ConfigProperty(name = "parley.trusted-proxies")
    Optional<Integer> trustedProxies;

    @Inject
    @ConfigProperty(name = "parley.rate.address-posts-per-minute", defaultValue = "30")
    int addressPostsPerMinute;

    @Inject
    @ConfigProperty(name = "parley.rate.address-writes-per-minute", defaultValue = "120")
    int addressWritesPerMinute;

    @Inject
    @ConfigProperty(name = "parley.rate.logins-per-minute", defaultValue = "10")
    int loginsPerMinute;

    @Inject
    @ConfigProperty(name = "parley.rate.login-failures-per-username-per-hour", defaultValue = "20")
    int loginFailuresPerUsernamePerHour;

    @Inject
    @ConfigProperty(name = "parley.rate.address-guests-per-hour", defaultValue = "30")
    int addressGuestsPerHour;

    @Inject
    @ConfigProperty(name = "parley.rate.address-articles-per-hour", defaultValue = "30")
    int addressArticlesPerHour;

    @Inject
    @ConfigProperty(name = "parley.rate.address-window", defaultValue = "PT24H")
    String addressWindow;

    @Inject
    @ConfigProperty(name = "parley.max-request-bytes", defaultValue = "262144")
    long maxRequestBytes;

    @Inject
    @ConfigProperty(name = "parley.live.max-streams-per-address", defaultValue = "20")
    int liveStreamsPerAddress;

    @Inject
    @ConfigProperty(name = "parley.live.max-streams", defaultValue = "2000")
    int liveStreams;

    @Inject
    @ConfigProperty(name = "parley.live.keep-alive-seconds", defaultValue = "20")
    int liveKeepAliveSeconds;

    @Inject
    @ConfigProperty(name = "parley.live.idle-timeout-seconds", defaultValue = "900")
    long liveIdleTimeoutSeconds;

    public Path dataDir() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    public Optional<String> dbUrl() {
        return dbUrl.filter(s -> !s.isBlank());
    }

    public String dbUser() {
        return dbUser.orElse("");
    }

    public String dbPassword() {
        return dbPassword.orElse("");
    }

    public int dbPoolSize() {
        return dbPoolSize;
    }

    public String adminUser() {
        return adminUser;
    }

    public Optional<String> adminPassword() {
        return adminPassword.filter(s -> !s.isBlank());
    }

    public boolean demo() {
        return demo;
    }

    /** Extra allowed origins of the demo site, comma-separated in configuration. */
    public List<String> demoOrigins() {
        return demoOrigins
                .map(s -> Arrays.stream(s.split(","))
                        .map(String::strip)
                        .filter(o -> !o.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    public Optional<String> tokenSecret() {
        return tokenSecret.filter(s -> !s.isBlank());
    }

    public String publicUrl() {
        return publicUrl.replaceAll("/+$", "");
    }

    /** A screening policy as JSON (moderation's {@code SitePolicy} format); defaults when absent. */
    public Optional<Path> policyFile() {
        return policyFile.filter(s -> !s.isBlank()).map(Path::of);
    }

    /**
     * How many reverse proxies in front of Parley append to {@code X-Forwarded-For}: the client
     * address is the one the outermost of them appended. {@code parley.trusted-proxies}, or 1 when
     * only the older {@code parley.trust-forwarded-for=true} is set; 0 (the socket peer) by default.
     */
    public int trustedProxies() {
        int hops = trustedProxies.orElse(trustForwardedFor ? 1 : 0);
        if (hops < 0 || hops > 10) {
            throw new IllegalStateException("parley.trusted-proxies must be 0 to 10, not " + hops);
        }
        return hops;
    }

    public int addressPostsPerMinute() {
        return addressPostsPerMinute;
    }

    public int addressWritesPerMinute() {
        return addressWritesPerMinute;
    }

    public int loginsPerMinute() {
        return loginsPerMinute;
    }

    public int loginFailuresPerUsernamePerHour() {
        return loginFailuresPerUsernamePerHour;
    }

    /** Guest identities one address may create on {@code site} per hour ({@code parley.site.<key>.rate.address-guests-per-hour} overrides). */
    public int addressGuestsPerHour(String site) {
        return siteInt(site, "rate.address-guests-per-hour", addressGuestsPerHour);
    }

    /** Articles one address may register on embed on {@code site} per hour (per-site override as above). */
    public int addressArticlesPerHour(String site) {
        return siteInt(site, "rate.address-articles-per-hour", addressArticlesPerHour);
    }

    /** How long one address holds its like, or its report, of one comment. */
    public Duration addressWindow() {
        return Duration.parse(addressWindow);
    }

    /** How articles of {@code site} come into being: the site's stored mode, else {@link #articleRegistration(String)}. */
    public ArticleRegistration articleRegistration(Site site) {
        return site.articleRegistration() != null ? site.articleRegistration() : articleRegistration(site.key());
    }

    /** The installation's mode for {@code site}: {@code parley.site.<key>.article-registration}, else embed. */
    public ArticleRegistration articleRegistration(String site) {
        return ConfigProvider.getConfig()
                .getOptionalValue("parley.site." + site + ".article-registration", String.class)
                .filter(s -> !s.isBlank())
                .map(ArticleRegistration::parse)
                .orElse(ArticleRegistration.EMBED);
    }

    private static int siteInt(String site, String name, int fallback) {
        return ConfigProvider.getConfig()
                .getOptionalValue("parley.site." + site + "." + name, Integer.class)
                .orElse(fallback);
    }

    /** The largest request body accepted (413 beyond it). */
    public long maxRequestBytes() {
        return maxRequestBytes;
    }

    /** Open live-update streams allowed from one client address (429 beyond it). */
    public int liveStreamsPerAddress() {
        return liveStreamsPerAddress;
    }

    /** Open live-update streams allowed in total on this instance (503 beyond it). */
    public int liveStreams() {
        return liveStreams;
    }

    /** Seconds between keep-alive comments on live-update streams; a gone client is noticed at the next one. */
    public int liveKeepAliveSeconds() {
        return liveKeepAliveSeconds;
    }

    /** A live-update stream that carried no event for this long is closed (the client reconnects). */
    public Duration liveIdleTimeout() {
        return Duration.ofSeconds(liveIdleTimeoutSeconds);
    }
}
