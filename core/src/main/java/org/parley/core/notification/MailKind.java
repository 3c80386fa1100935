package org.parley.core.notification;

import java.util.Arrays;
import java.util.Optional;

/** The mails Parley sends. Only {@link #CONFIRM} goes to an address that is not confirmed yet. */
public enum MailKind {
    /** "Please confirm your address" (double opt-in). */
    CONFIRM("mail.confirm"),
    /** Someone replied to a comment the reader subscribed to. */
    REPLY("mail.reply"),
    /** A moderator published the reader's held comment. */
    APPROVED("mail.approved"),
    /** A moderator rejected the reader's held comment; the payload says why. */
    REJECTED("mail.rejected"),
    /** A moderator's daily digest of what waits in their queues. */
    DIGEST("mail.digest");

    private final String wireName;

    MailKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<MailKind> parse(String wireName) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(wireName)).findFirst();
    }
}
