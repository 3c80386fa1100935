package org.parley.web.notify;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.core.account.AccountRole;
import org.parley.web.platform.Settings;
import org.parley.web.security.StaffOnly;

/**
 * Administrators: how e-mail is configured, as the console's E-mail screen shows it. Never the
 * SMTP password: only whether one is set.
 */
@Path("admin/mail")
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
@StaffOnly(AccountRole.ADMINISTRATOR)
public class MailSettingsResource {

    /**
     * E-mail as configured: {@code enabled} is false without a host (then the other mail members
     * are null). {@code digestAt} is the daily digest's time of day (UTC), {@code digestInterval}
     * the period that replaces it when set; {@code retryBase} the wait after a first failure
     * (doubling), {@code maxAttempts} the attempts before a mail is given up.
     */
    public record MailSettingsView(
            boolean enabled,
            String host,
            Integer port,
            Boolean startTls,
            String from,
            String user,
            boolean passwordSet,
            String digestAt,
            String digestInterval,
            String retryBase,
            int maxAttempts,
            String retention) {}

    @Inject
    NotifySettings notify;

    @Inject
    Settings settings;

    @GET
    @Operation(
            summary =
                    "Whether e-mail is on, the SMTP host, port, sender and user (never the password), digest and retries")
    public MailSettingsView get() {
        boolean on = notify.mailEnabled();
        return new MailSettingsView(
                on,
                notify.mailHost().orElse(null),
                on ? notify.mailPort() : null,
                on ? notify.mailStartTls() : null,
                on ? notify.senderAddress(settings.publicUrl()) : null,
                notify.mailUser().orElse(null),
                !notify.mailPassword().isEmpty(),
                notify.digestAt().toString(),
                notify.digestInterval().map(Object::toString).orElse(null),
                notify.retryBase().toString(),
                notify.maxAttempts(),
                notify.retention().toString());
    }
}
