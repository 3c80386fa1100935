package org.parley.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.parley.core.account.AccountRole;
import org.parley.web.demo.DemoContent;
import org.parley.web.security.SignInKeys;

/**
 * Runs once at deployment: opens the runtime, creates the first administrator when there is no
 * account yet (password from {@code parley.admin.password}, or generated), ensures the demo content
 * when {@code parley.demo} is on, and prints where Parley listens and any generated credentials
 * (also written once to {@code first-start-credentials.txt} in the data folder, owner-readable).
 * A failure here fails the deployment rather than serving a half-started application.
 */
@ApplicationScoped
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @Inject
    ParleyRuntime runtime;

    @Inject
    Settings settings;

    @Inject
    Passwords passwords;

    @Inject
    DemoContent demo;

    @Inject
    SignInKeys keys;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        long started = System.nanoTime();
        keys.checkAll();
        runtime.open();
        List<String> credentials = new ArrayList<>();
        if (runtime.core().accounts().count() == 0) {
            String password = settings.adminPassword().orElseGet(Passwords::generate);
            runtime.core()
                    .accounts()
                    .create(settings.adminUser(), passwords.hash(password), AccountRole.ADMINISTRATOR, null);
            credentials.add("administrator  " + settings.adminUser() + " / "
                    + (settings.adminPassword().isPresent() ? "(the configured parley.admin.password)" : password));
        }
        if (settings.demo()) {
            demo.ensure().ifPresent(credentials::add);
        }
        announce(credentials, (System.nanoTime() - started) / 1_000_000);
    }

    private void announce(List<String> credentials, long millis) {
        StringBuilder banner = new StringBuilder(
                        "\n\n================ Parley is ready (" + millis + " ms) ================\n")
                .append("  ")
                .append(settings.publicUrl())
                .append("/            demo article with comments\n")
                .append("  ")
                .append(settings.publicUrl())
                .append("/moderate/   moderator console\n")
                .append("  ")
                .append(settings.publicUrl())
                .append("/openapi     API description; /health, /metrics\n")
                .append("  data folder: ")
                .append(settings.dataDir())
                .append('\n');
        if (!credentials.isEmpty()) {
            banner.append("  Generated at first start (shown once; also in first-start-credentials.txt):\n");
            credentials.forEach(c -> banner.append("    ").append(c).append('\n'));
            writeCredentials(credentials);
        }
        banner.append("===================================================================\n");
        LOG.info(banner::toString);
    }

    private void writeCredentials(List<String> credentials) {
        Path file = settings.dataDir().resolve("first-start-credentials.txt");
        try {
            DataFolder.append(file, credentials);
        } catch (IOException e) {
            LOG.warning(() -> "could not write " + file + ": " + e.getMessage());
        }
    }
}
