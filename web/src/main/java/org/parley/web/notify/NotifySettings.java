package org.parley.web.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mail, webhook and outbox settings (MicroProfile Config, like {@code platform.Settings}; the
 * README lists them). Without {@code parley.mail.host} e-mail is off.
 */
@ApplicationScoped
public class NotifySettings {

    @Inject
    @ConfigProperty(name = "parley.mail.host")
    Optional<String> mailHost;

    @Inject
    @ConfigProperty(name = "parley.mail.port", defaultValue = "587")
    int mailPort;

    @Inject
    @ConfigProperty(name = "parley.mail.from")
    Optional<String> mailFrom;

    @Inject
    @ConfigProperty(name = "parley.mail.user")
    Optional<String> mailUser;

    @Inject
    @ConfigProperty(name = "parley.mail.password")
    Optional<String> mailPassword;

    @Inject
    @ConfigProperty(name = "parley.mail.starttls", defaultValue = "true")
    boolean mailStartTls;

    @Inject
    @ConfigProperty(name = "parley.mail.digest-at", defaultValue = "08:00")
    String digestAt;

    @Inject
    @ConfigProperty(name = "parley.mail.digest-interval")
    Optional<String> digestInterval;

    @Inject
    @ConfigProperty(name = "parley.webhooks.allow-private", defaultValue = "false")
    boolean allowPrivate;

    @Inject
    @ConfigProperty(name = "parley.outbox.poll-interval", defaultValue = "PT1S")
    String pollInterval;

    @Inject
    @ConfigProperty(name = "parley.outbox.retry-base", defaultValue = "PT30S")
    String retryBase;

    @Inject
    @ConfigProperty(name = "parley.outbox.max-attempts", defaultValue = "10")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "parley.outbox.retention", defaultValue = "P30D")
    String retention;

    @Inject
    @ConfigProperty(name = "parley.outbox.purge-interval", defaultValue = "PT1H")
    String purgeInterval;

    public boolean mailEnabled() {
        return mailHost().isPresent();
    }

    public Optional<String> mailHost() {
        return mailHost.filter(s -> !s.isBlank());
    }

    public int mailPort() {
        return mailPort;
    }

    /** The sender address; {@code parley@<host of the public URL>} when not set. */
    public Optional<String> mailFrom() {
        return mailFrom.filter(s -> !s.isBlank());
    }

    /** The sender address in force: {@link #mailFrom()}, else {@code parley@<host of the public URL>}. */
    public String senderAddress(String publicUrl) {
        String host = java.net.URI.create(publicUrl).getHost();
        return mailFrom().orElse("parley@" + (host == null || host.isBlank() ? "localhost" : host));
    }

    public Optional<String> mailUser() {
        return mailUser.filter(s -> !s.isBlank());
    }

    public String mailPassword() {
        return mailPassword.orElse("");
    }

    public boolean mailStartTls() {
        return mailStartTls;
    }

    /** The time of day (UTC) the daily digest goes out. */
    public LocalTime digestAt() {
        return LocalTime.parse(digestAt);
    }

    /** For tests and busy sites: a digest every this often instead of daily. */
    public Optional<Duration> digestInterval() {
        return digestInterval.filter(s -> !s.isBlank()).map(Duration::parse);
    }

    /** Whether webhook URLs may resolve to private, loopback or link-local addresses (and use plain http). */
    public boolean allowPrivateWebhooks() {
        return allowPrivate;
    }

    public Duration pollInterval() {
        return Duration.parse(pollInterval);
    }

    /** The wait after the first failed attempt; it doubles with each further failure, up to six hours. */
    public Duration retryBase() {
        return Duration.parse(retryBase);
    }

    /** Attempts before a message is given up (marked failed). */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** How long finished messages (delivered, failed, dropped) stay in the delivery log. */
    public Duration retention() {
        return Duration.parse(retention);
    }

    /** How often the worker deletes finished messages older than {@link #retention()}. */
    public Duration purgeInterval() {
        return Duration.parse(purgeInterval);
    }
}
