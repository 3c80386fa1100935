package org.parley.core.site;

import org.parley.core.ValidationException;
import org.parley.core.support.Require;

/**
 * What an administrator changes on an existing site; a {@code null} component stays as it is.
 *
 * @param screeningPolicy the site's whole new screening-policy overlay, a JSON object of the keys it
 *                        sets over the installation's policy; the caller (who knows policies) has checked it
 * @param policyNote      what changed in the policy, in words, for the audit log
 */
public record SiteChange(
        String name,
        ModerationMode moderationMode,
        SiteSettings settings,
        ArticleRegistration articleRegistration,
        String screeningPolicy,
        String policyNote) {
    public static final int MAX_POLICY_LENGTH = 100_000;

    public SiteChange {
        name = name == null ? null : Require.text("name", name, 200);
        if (screeningPolicy != null) {
            screeningPolicy = Require.text("screeningPolicy", screeningPolicy, MAX_POLICY_LENGTH);
            if (!screeningPolicy.startsWith("{") || !screeningPolicy.endsWith("}")) {
                throw new ValidationException("screeningPolicy", "must be a JSON object");
            }
        }
        policyNote = policyNote == null ? null : Require.storable("policyNote", policyNote);
    }

    /** A change of the settings alone. */
    public static SiteChange settings(ModerationMode mode, SiteSettings settings, ArticleRegistration registration) {
        return new SiteChange(null, mode, settings, registration, null, null);
    }

    /** A change of the screening policy alone. */
    public static SiteChange policy(String screeningPolicy, String note) {
        return new SiteChange(null, null, null, null, screeningPolicy, note);
    }
}
