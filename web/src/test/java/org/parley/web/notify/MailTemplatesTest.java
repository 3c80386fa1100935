package org.parley.web.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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
        assertTrue(mail.body().contains("because it attacks a person rather than what they said"), mail.body());
        assertTrue(mail.body().endsWith("https://p.example/api/v1/mail/unsubscribe?token=u\n"), mail.body());
        assertFalse(mail.body().contains("internal remark"), "moderators' notes stay internal");
    }

    @Test
    void readerWrittenTextCannotBreakTheSubjectLine() {
        MailTemplates.Mail mail = MailTemplates.render("mail.reply", """
                {"siteName":"S","articleTitle":"T","articleUrl":"https://news.example/t","commentId":1,"parentId":2,
                 "replyAuthor":"Mallory\\r\\nBcc: victim@example.org","replyText":"hi","parentText":"hello"}""", LINKS);
        assertFalse(mail.subject().contains("\n") || mail.subject().contains("\r"), mail.subject());
        assertTrue(mail.body().contains("https://news.example/t#parley-comment-1"), mail.body());
    }
}
