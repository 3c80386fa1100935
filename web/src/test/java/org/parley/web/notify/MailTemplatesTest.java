package org.parley.web.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parley.web.i18n.Language;

class MailTemplatesTest {
    private static final MailTemplates.Links LINKS = new MailTemplates.Links(
            "https://p.example/api/v1/mail/confirm?token=c",
            "https://p.example/api/v1/mail/unsubscribe?token=u",
            "https://p.example/moderate/");

    @Test
    void rejectionSaysWhyInWordsAndEndsWithTheUnsubscribeLink() {
        MailTemplates.Mail mail = MailTemplates.render("mail.rejected", """
                {"siteName":"Daily News","articleTitle":"Bridge","articleUrl":"https://news.example/b","commentId":7,
                 "text":"my words","reasonCode":"personal_attack","note":"internal remark"}""", LINKS);
        assertEquals("Your comment on \u201cBridge\u201d was not published", mail.subject());
        assertTrue(mail.body().contains("The reason: It attacks a person rather than what they said."), mail.body());
        assertTrue(mail.body().endsWith("https://p.example/api/v1/mail/unsubscribe?token=u\n"), mail.body());
        assertFalse(mail.body().contains("internal remark"), "moderators' notes stay internal");
    }

    @Test
    void readerWrittenTextCannotBreakTheSubjectLine() {
        MailTemplates.Mail mail = MailTemplates.render("mail.reply", """
                {"siteName":"S","articleTitle":"T","articleUrl":"https://news.example/t","commentId":1,"parentId":2,
                 "replyAuthor":"Mallory\\r\\nBcc: victim@example.org","replyText":"hi","parentText":"hello"}""", LINKS);
        assertFalse(mail.subject().contains("\n") || mail.subject().contains("\r"), mail.subject());
        assertTrue(mail.body().contains("https://news.example/t#parley-c-1"), mail.body());
    }

    @Test
    void everyMailToAReaderIsWrittenInTheirLanguage() {
        String base = """
                {"siteName":"Tagesblatt","articleTitle":"Brücke","articleUrl":"https://news.example/b","commentId":7,
                 "name":"Ute","replyAuthor":"Bob","replyText":"Antwort","parentText":"Frage","text":"meine Worte",
                 "reasonCode":"spam"}""";
        MailTemplates.Mail confirm = MailTemplates.render("mail.confirm", base, LINKS, Language.DE);
        assertEquals("Bestätigen Sie Ihre E-Mail-Adresse für Tagesblatt", confirm.subject());
        assertTrue(confirm.body().startsWith("Hallo Ute,"), confirm.body());
        assertTrue(confirm.body().contains("https://p.example/api/v1/mail/confirm?token=c"), confirm.body());
        MailTemplates.Mail reply = MailTemplates.render("mail.reply", base, LINKS, Language.DE);
        assertEquals("Bob hat auf Ihren Kommentar zu \u201eBrücke\u201c geantwortet", reply.subject());
        assertTrue(reply.body().contains("> Antwort") && reply.body().contains("> Frage"), reply.body());
        assertTrue(reply.body().contains("https://news.example/b#parley-c-7"), reply.body());
        assertEquals(
                "Ihr Kommentar zu \u201eBrücke\u201c ist veröffentlicht",
                MailTemplates.render("mail.approved", base, LINKS, Language.DE).subject());
        MailTemplates.Mail rejected = MailTemplates.render("mail.rejected", base, LINKS, Language.DE);
        assertEquals("Ihr Kommentar zu \u201eBrücke\u201c wurde nicht veröffentlicht", rejected.subject());
        assertTrue(rejected.body().contains("Der Grund: Er sieht nach Spam oder Werbung aus."), rejected.body());
        assertTrue(
                rejected.body()
                        .contains("Alle diese E-Mails mit einem Klick abbestellen: "
                                + "https://p.example/api/v1/mail/unsubscribe?token=u"),
                rejected.body());
        assertEquals(
                "Your comment on \u201cBrücke\u201d was not published",
                MailTemplates.render("mail.rejected", base, LINKS, Language.EN).subject(),
                "English for readers whose language is English or unknown");
    }
}
