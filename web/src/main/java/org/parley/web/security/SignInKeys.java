package org.parley.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Optional;

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
        return Optional.of(secret.isPresent()
                ? new SignInKey("HS256", secret.get(), issuer, audience)
                : new SignInKey("RS256", publicKey.get(), issuer, audience));
    }

    private static Optional<String> value(Config config, String name) {
        return config.getOptionalValue(name, String.class).filter(s -> !s.isBlank());
    }
}
