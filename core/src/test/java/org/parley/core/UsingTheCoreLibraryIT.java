package org.parley.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.article.ArticleRef;
import org.parley.core.author.Author;
import org.parley.core.comment.NewComment;
import org.parley.core.comment.Screening;
import org.parley.core.site.SiteDraft;
import org.parley.core.thread.ThreadPage;
import org.parley.core.thread.ThreadQuery;

/** The README's plain-Java example, verbatim, against an H2 file database. */
class UsingTheCoreLibraryIT {
    @TempDir
    Path dir;

    @Test
    void readmeExamplePostsAndReadsAThread() {
        Path data = dir.resolve("parley");
        // README example starts
        try (ParleyCore core = ParleyCore.open(CoreConfig.h2File(data))) {
            core.sites().create(SiteDraft.of("demo", "Demo site", "https://example.org"));
            ArticleRef ref = ArticleRef.of("demo", "first-article");
            core.articles().ensure(ref, "https://example.org/first-article", "First article");
            Author ann = core.authors().createGuest("Ann", null);
            var hello = core.comments()
                    .post(
                            NewComment.topLevel(ref, ann.id(), "Hello *world*"),
                            Screening.publish("<p>Hello <em>world</em></p>"));
            core.comments()
                    .post(
                            NewComment.reply(ref, ann.id(), hello.id(), "Replying to myself"),
                            Screening.publish("<p>Replying to myself</p>"));
            ThreadPage page = core.threads().read(ThreadQuery.firstPage(ref));
            page.comments()
                    .forEach(n -> System.out.println(
                            n.comment().html() + " (" + n.replies().size() + " reply)"));
        }
        // README example ends
        try (ParleyCore reopened = ParleyCore.open(CoreConfig.h2File(data))) {
            ThreadPage page = reopened.threads().read(ThreadQuery.firstPage(ArticleRef.of("demo", "first-article")));
            assertEquals(2, page.publishedComments());
            assertEquals(1, page.comments().size());
            assertEquals(
                    "<p>Replying to myself</p>",
                    page.comments().getFirst().replies().getFirst().comment().html());
        }
    }
}
