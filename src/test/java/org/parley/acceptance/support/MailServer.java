package org.parley.acceptance.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A real SMTP server (GreenMail) on 127.0.0.1 and an OS-picked port, shared by the run like the
 * Parley server, which is launched configured to send through it ({@link #launchProperties}).
 * Tests can stop and restart it to see how Parley copes with an SMTP server that is down.
 */
public final class MailServer {
    private static MailServer shared;

    private final int port;
    private GreenMail greenMail;

    private MailServer(int port) {
        this.port = port;
    }

    /** The run's mail server, started on first use. */
    public static synchronized MailServer shared() {
        if (shared == null) {
            shared = new MailServer(freePort());
            shared.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    /** System properties that make the launched Parley server send mail here and deliver webhooks to 127.0.0.1. */
    static Map<String, String> launchProperties() {
        MailServer mail = shared();
        return Map.of(
                "parley.mail.host",
                "127.0.0.1",
                "parley.mail.port",
                Integer.toString(mail.port),
                "parley.mail.from",
                "parley@news.example",
                "parley.mail.starttls",
                "false",
                "parley.webhooks.allow-private",
                "true",
                "parley.outbox.retry-base",
                "PT1S",
                "parley.outbox.poll-interval",
                "PT0.5S");
    }

    public synchronized void start() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
        }
    }

    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    /** Every message received for {@code address} so far. */
    public synchronized List<MimeMessage> to(String address) {
        if (greenMail == null) {
            return List.of();
        }
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> addressedTo(m, address))
                .toList();
    }

    /** Waits (up to {@code timeout}) for a message to {@code address} that matches, and answers it. */
    public MimeMessage await(String address, Predicate<MimeMessage> matches, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage m : to(address)) {
                if (matches.test(m)) {
                    return m;
                }
            }
            pause();
        }
        throw new AssertionError("no matching mail to " + address + " within " + timeout + "; received: "
                + to(address).stream().map(MailServer::subject).toList());
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String body(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ",");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean addressedTo(MimeMessage m, String address) {
        try {
            Address[] to = m.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
