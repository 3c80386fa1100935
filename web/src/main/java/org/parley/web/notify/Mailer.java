package org.parley.web.notify;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.util.Date;
import java.util.Properties;

/**
 * Sends one mail over SMTP (Jakarta Mail, the server's implementation), with bounded connect,
 * read and write timeouts so that a hanging server delays but never blocks the outbox for long.
 * The Message-ID derives from the outbox message id, so a retried mail is recognisably the same.
 */
final class Mailer {
    /** Why a mail could not be sent; {@code permanent} when trying again cannot help. */
    static final class MailFailure extends Exception {
        final boolean permanent;

        MailFailure(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }
    }

    private static final String TIMEOUT_MS = "10000";

    private final Session session;
    private final String from;
    private final String domain;

    Mailer(NotifySettings settings, String publicUrl) {
        Properties props = new Properties();
        props.put("mail.transport.protocol", "smtp");
        props.put("mail.smtp.host", settings.mailHost().orElseThrow());
        props.put("mail.smtp.port", Integer.toString(settings.mailPort()));
        props.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
        props.put("mail.smtp.timeout", TIMEOUT_MS);
        props.put("mail.smtp.writetimeout", TIMEOUT_MS);
        props.put("mail.smtp.starttls.enable", Boolean.toString(settings.mailStartTls()));
        Authenticator auth = null;
        if (settings.mailUser().isPresent()) {
            props.put("mail.smtp.auth", "true");
            String user = settings.mailUser().get();
            String password = settings.mailPassword();
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        String host = URI.create(publicUrl).getHost();
        this.domain = host == null || host.isBlank() ? "localhost" : host;
        this.session = Session.getInstance(props, auth);
        this.from = settings.senderAddress(publicUrl);
    }

    void send(String messageId, String to, String senderName, MailTemplates.Mail mail, String unsubscribeUrl)
            throws MailFailure {
        try {
            String id = "<" + messageId + "@" + domain + ">";
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", id);
                }
            };
            message.setFrom(new InternetAddress(from, senderName, "UTF-8"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(mail.subject(), "UTF-8");
            message.setText(mail.body(), "UTF-8");
            message.setSentDate(new Date());
            message.setHeader("Auto-Submitted", "auto-generated");
            if (unsubscribeUrl != null) {
                // RFC 8058: mail clients offer one-click unsubscribe by POSTing to this URL.
                message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            Transport.send(message);
        } catch (SendFailedException e) {
            boolean permanent = e.getValidUnsentAddresses() == null || e.getValidUnsentAddresses().length == 0;
            throw new MailFailure("SMTP refused the message: " + e.getMessage(), permanent, e);
        } catch (MessagingException e) {
            throw new MailFailure("SMTP: " + describe(e), false, e);
        } catch (UnsupportedEncodingException e) {
            throw new MailFailure("cannot encode the sender name", true, e);
        }
    }

    private static String describe(Throwable e) {
        StringBuilder s = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && s.length() < 500; c = c.getCause()) {
            s.append(": ").append(c.getClass().getSimpleName()).append(' ').append(c.getMessage());
        }
        return s.toString();
    }
}
