package org.parley.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.article.ArticleRef;
import org.parley.core.author.Author;
import org.parley.core.comment.NewComment;
import org.parley.core.comment.Screening;
import org.parley.core.site.SiteDraft;
import org.parley.core.thread.ThreadQuery;

/**
 * The periodic compaction of an H2 file database (issue 8: file growth under {@code WRITE_DELAY=0};
 * the sizes it saves are measured in docs/BENCHMARKS.md, not asserted here): it runs only when
 * something was written since the last time, and a compacted file opens with every comment.
 */
class H2CompactionIT {
    @TempDir
    Path dir;

    @Test
    void compactionRunsAfterWritesAndKeepsEveryComment() {
        Path data = dir.resolve("parley");
        ArticleRef ref = ArticleRef.of("compact", "story");
        try (ParleyCore core = ParleyCore.open(CoreConfig.h2File(data))) {
            core.sites().create(SiteDraft.of("compact", "Compaction", "https://example.org"));
            core.articles().ensure(ref, "https://example.org/story", "Story");
            Author ann = core.authors().createGuest("Ann", null);
            for (int i = 0; i < 300; i++) {
                core.comments().post(NewComment.topLevel(ref, ann.id(), "Comment " + i), Screening.publish("<p>Comment " + i + "</p>"));
                if (i == 150) {
                    assertTrue(core.store().compactNow(), "written since the start: compacts");
                    assertFalse(core.store().compactNow(), "nothing written since: nothing to do");
                }
            }
            assertTrue(core.store().compactNow());
        }
        try (ParleyCore reopened = ParleyCore.open(CoreConfig.h2File(data))) {
            assertEquals(300, reopened.threads().read(ThreadQuery.firstPage(ref)).publishedComments());
        }
    }

    @Test
    void aDatabaseInMemoryIsNotCompacted() {
        try (ParleyCore core = ParleyCore.open(CoreConfig.h2InMemory("compact_" + System.nanoTime()))) {
            core.sites().create(SiteDraft.of("mem", "In memory", "https://example.org"));
            assertFalse(core.store().compactNow());
        }
    }
}
