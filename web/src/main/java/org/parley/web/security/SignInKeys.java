package org.parley.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Each site's host sign-in key, from configuration: {@code parley.site.<key>.jwt-secret} (HS256)
 * or {@code parley.site.<key>.jwt-public-key} (RS256, PEM), plus optional
 * {@code parley.site.<key>.jwt-issuer} and {@code .jwt-audience} — as environment variables
 * {@code PARLEY_SITE_DEMO_JWT_SECRET} and so on. Keys stay out of the database and the API.
 */
@ApplicationScoped
public class SignInKeys {

    /** The site's key, or empty when the site does not sign readers in. */
    public Optional<SignInKey> forSite(String site) {
        Config config = ConfigProvider.getConfig();
        String prefix = "parley.site." + site + ".";
        Optional<String> secret = value(config, prefix + "jwt-secret");
        Optional<String> publicKey = value(config, prefix + "jwt-public-key");
        if (secret.isEmpty() && publicKey.isEmpty()) {
            return Optional.empty();
        }
        String issuer = value(config, prefix + "jwt-issuer").orElse(null);
        String audience = value(config, prefix + "jwt-audience").orElse(null);
        return Optional.of(
                secret.isPresent()
                        ? new SignInKey("HS256", secret.get(), issuer, audience)
                        : new SignInKey("RS256", publicKey.get(), issuer, audience));
    }

    /**
     * Checks every configured host sign-in key at start-up, so a secret shorter than 32 characters or
     * an unreadable PEM key stops the deployment with a message naming the setting instead of failing
     * each sign-in later.
     *
     * @throws IllegalStateException naming the first invalid setting
     */
    public void checkAll() {
        Config config = ConfigProvider.getConfig();
        check(config.getPropertyNames(), name -> value(config, name));
    }

    /** {@link #checkAll()} over the given setting names and their values. */
    static void check(Iterable<String> names, Function<String, Optional<String>> values) {
        for (String name : names) {
            Matcher m = KEY_SETTING.matcher(name);
            if (!m.matches()) {
                continue;
            }
            Optional<String> key = values.apply(name);
            if (key.isEmpty()) {
                continue;
            }
            String algorithm = m.group(2).toLowerCase(Locale.ROOT).startsWith("secret") ? "HS256" : "RS256";
            try {
                new SignInKey(algorithm, key.get(), null, null);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "Invalid host sign-in key " + name + ": " + e.getMessage()
                                + " (see README, PARLEY_SITE_<KEY>_JWT_SECRET)",
                        e);
            }
        }
    }

    /** {@code parley.site.<key>.jwt-secret|jwt-public-key}, or the same as an environment variable. */
    private static final Pattern KEY_SETTING =
            Pattern.compile("(?i)parley[._]site[._](.+)[._]jwt[._-](secret|public[._-]key)");

    private static Optional<String> value(Config config, String name) {
        return config.getOptionalValue(name, String.class).filter(s -> !s.isBlank());
    }
}
