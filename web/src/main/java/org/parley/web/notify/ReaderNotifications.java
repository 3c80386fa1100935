package org.parley.web.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.parley.core.author.Author;
import org.parley.core.author.AuthorId;
import org.parley.core.author.AuthorKind;
import org.parley.core.comment.CommentId;
import org.parley.core.notification.MailConsent;
import org.parley.core.support.Require;
import org.parley.web.i18n.Language;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.problem.Fields;

/**
 * A reader's "notify me" on a comment they post. A host-site reader's address comes from the
 * site's signed token and counts as verified; a guest gives one (or reuses the one they gave
 * before) and must confirm it first. The address is stored only when the reader asks to be
 * notified, and never when e-mail is off.
 */
@ApplicationScoped
public class ReaderNotifications {

    /** What became of the request, as the API reports it. */
    public enum State {
        /** Mails go out. */
        ACTIVE,
        /** A confirmation request went (or is going) to the address; nothing else before it is confirmed. */
        PENDING_CONFIRMATION,
        /** This installation does not send e-mail. */
        UNAVAILABLE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    @Inject
    ParleyRuntime runtime;

    @Inject
    NotifySettings notify;

    @Inject
    OutboxWorker worker;

    /**
     * Checks a request before the comment is stored, so a bad address writes nothing: the address
     * must look like one, and a guest without an earlier address must give one ({@code author}
     * is {@code null} for a guest about to be created).
     */
    public void validate(AuthorId author, boolean wanted, String email) {
        Require.optionalEmail("author.email", email);
        if (!wanted || !notify.mailEnabled() || email != null) {
            return;
        }
        Fields.check()
                .rule(
                        author != null && address(author, null).isPresent(),
                        "author.email",
                        "give an e-mail address to be notified")
                .orThrow();
    }

    /**
     * Subscribes the author to their comment, their mails to be written in {@code language} (the
     * language of the request they asked in); empty when they did not ask.
     */
    public Optional<State> subscribe(
            AuthorId author, CommentId comment, boolean wanted, String email, Language language) {
        if (!wanted) {
            return Optional.empty();
        }
        if (!notify.mailEnabled()) {
            return Optional.of(State.UNAVAILABLE);
        }
        Author who = runtime.core().authors().get(author);
        boolean verified = who.kind() == AuthorKind.EXTERNAL && who.email() != null;
        String address = verified ? who.email() : address(author, email).orElseThrow();
        MailConsent consent =
                runtime.core().notifications().subscribe(author, comment, address, verified, language.tag());
        worker.wake();
        return Optional.of(consent.active() ? State.ACTIVE : State.PENDING_CONFIRMATION);
    }

    private Optional<String> address(AuthorId author, String given) {
        if (given != null && !given.isBlank()) {
            return Optional.of(given.strip());
        }
        Author who = runtime.core().authors().get(author);
        if (who.kind() == AuthorKind.EXTERNAL && who.email() != null) {
            return Optional.of(who.email());
        }
        return runtime.core().notifications().consent(author).map(MailConsent::email);
    }
}
