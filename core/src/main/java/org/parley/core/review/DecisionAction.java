package org.parley.core.review;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.parley.core.comment.CommentStatus;

/**
 * What an audit record says was done. The first six are what a moderator may ask for through
 * {@link ReviewService#decide}; the others are written by core itself, among them administrators'
 * changes of sites, articles and staff accounts.
 */
public enum DecisionAction {
    /** Publish (or confirm a published comment, dismissing its reports). */
    APPROVE("Approved", CommentStatus.PUBLISHED, false),
    /** Refuse; needs a reason code. */
    REJECT("Rejected", CommentStatus.REJECTED, true),
    /** Take a published comment down; needs a reason code. */
    REMOVE("Removed", CommentStatus.REMOVED_BY_MODERATOR, true),
    /** Send back to the held queue. */
    HOLD("Held", CommentStatus.HELD, false),
    /** Mark a published comment as featured (status unchanged). */
    FEATURE("Featured", null, false),
    /** Clear the featured mark (status unchanged). */
    UNFEATURE("Unfeatured", null, false),
    /** The screening's verdict on a new or edited body (actor: system). */
    SCREEN("Screened", null, false),
    /** The author deleted their comment. */
    AUTHOR_DELETE("Deleted by author", CommentStatus.DELETED_BY_AUTHOR, false),
    /** An author was suspended until a given instant. */
    SUSPEND_AUTHOR("Suspended author", null, true),
    /** An author was banned. */
    BAN_AUTHOR("Banned author", null, true),
    /** An author's suspension or ban was lifted. */
    REINSTATE_AUTHOR("Reinstated author", null, false),
    /** An author's data was erased on request. */
    ERASE_AUTHOR("Erased author’s data", null, false),
    /** How screening treats an author's comments was changed (from and to name {@link org.parley.core.author.Trust}s). */
    SET_AUTHOR_TRUST("Changed author’s screening", null, false),
    /** A comment was imported from another system (actor: the administrator who imported it). */
    IMPORT("Imported", null, false),
    /** A site's settings (name, moderation mode, guests, limits, article registration) were changed; the note says how. */
    SITE_SETTINGS("Changed site settings", null, false),
    /** A site's screening policy (thresholds, word lists, ...) was changed; the note says how. */
    SITE_POLICY("Changed screening policy", null, false),
    /** An article's discussion was opened, closed or archived ({@code from}/{@code to}: {@link org.parley.core.article.DiscussionState} names). */
    ARTICLE_STATE("Changed article’s discussion", null, false),
    /**
     * An article was pre-moderated, post-moderated or left to follow its site ({@code from}/{@code to}:
     * {@link org.parley.core.site.ModerationMode} names, {@code SITE} for following the site).
     */
    ARTICLE_MODERATION("Changed article’s moderation", null, false),
    /** A staff account was created (the note gives its role and site). */
    CREATE_ACCOUNT("Created account", null, false),
    /** A staff account was enabled. */
    ENABLE_ACCOUNT("Enabled account", null, false),
    /** A staff account was disabled: it can no longer sign in. */
    DISABLE_ACCOUNT("Disabled account", null, false),
    /** A staff account's role or site changed ({@code from}/{@code to}: role names; the note says both). */
    CHANGE_ACCOUNT_ROLE("Changed account’s role or site", null, false),
    /** A staff account was given a new password (never recorded); its sessions end. */
    RESET_PASSWORD("Reset account’s password", null, false);

    private final String label;
    private final CommentStatus target;
    private final boolean needsReason;

    DecisionAction(String label, CommentStatus target, boolean needsReason) {
        this.label = label;
        this.target = target;
        this.needsReason = needsReason;
    }

    /** What the audit log calls a record of this action, and what the console says once it is done ("Approved"). */
    public String label() {
        return label;
    }

    /** The status a comment moves to, if this action moves it. */
    public Optional<CommentStatus> target() {
        return Optional.ofNullable(target);
    }

    /** Whether a reason code is required. */
    public boolean needsReason() {
        return needsReason;
    }

    /** Whether a moderator may request it through {@link ReviewService#decide}. */
    public boolean isModeratorAction() {
        return ordinal() <= UNFEATURE.ordinal();
    }

    /**
     * Whether a moderator is offered this action on a comment in {@code status}: the state machine
     * allows the move ({@link CommentStatus#successors()}) and the move changes something. Approving
     * a published comment counts (it confirms the comment and dismisses its reports); featuring needs
     * a published comment that is not featured yet, unfeaturing a featured one. This is the one
     * place the console's buttons and shortcuts come from (the API's {@code actions} of a card).
     */
    public boolean offeredOn(CommentStatus status, boolean featured) {
        return switch (this) {
            case FEATURE -> status == CommentStatus.PUBLISHED && !featured;
            case UNFEATURE -> status == CommentStatus.PUBLISHED && featured;
            default -> isModeratorAction() && status.canMoveTo(target) && (target != status || this == APPROVE);
        };
    }

    /** The moderator actions offered on a comment in {@code status}, in declaration order. */
    public static List<DecisionAction> offeredFor(CommentStatus status, boolean featured) {
        return Arrays.stream(values())
                .filter(a -> a.offeredOn(status, featured))
                .toList();
    }
}
