package org.parley.core.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.ValidationException;
import org.parley.core.article.ArticleRef;
import org.parley.core.comment.CommentStatus;
import org.parley.core.comment.NewComment;
import org.parley.core.comment.Screening;
import org.parley.core.testing.Database;
import org.parley.core.testing.DatabaseIT;
import org.parley.core.testing.Fixtures;

@ParameterizedClass
@EnumSource(Database.class)
class InsightServiceIT extends DatabaseIT {

    @Test
    void dashboardCountsTodayAndRanksHeatedArticles() {
        ArticleRef calm = f.newArticle("calm");
        f.post(ann, "fine");
        f.postHeld(ann, "hostile", 0.95);
        core.comments()
                .post(
                        NewComment.topLevel(f.article, bob.id(), "spam"),
                        Screening.reject("<p>spam</p>", List.of("words.banned"), Map.of("uncivil", 0.2)));
        core.comments().post(NewComment.topLevel(calm, bob.id(), "calm"), Fixtures.publish("calm"));
        Dashboard d = core.insights().dashboard(f.site.key(), 7, 5);
        assertEquals(7, d.perDay().size());
        DayCount today = d.perDay().getLast();
        assertEquals(LocalDate.ofInstant(database.clock().instant(), ZoneOffset.UTC), today.day());
        assertEquals(4, today.posted());
        assertEquals(1, today.held());
        assertEquals(1, today.rejected());
        assertEquals(4, d.total());
        assertEquals(0.25, d.heldRate(), 1e-9);
        assertEquals(0.25, d.rejectedRate(), 1e-9);
        assertEquals(
                List.of(f.article, calm),
                d.heated().stream().map(HeatedArticle::article).toList());
        HeatedArticle hot = d.heated().getFirst();
        assertEquals(3, hot.comments());
        assertEquals(2, hot.heldOrRejected());
        assertEquals(1, hot.highlyUncivil());
        assertEquals(2.0 / 3, hot.heat(), 1e-9);
    }

    @Test
    void recentCommentsFeedADryRun() {
        f.post(ann, "first");
        f.postHeld(bob, "second", 0.7);
        List<RecentComment> recent = core.insights().recentComments(f.site.key(), 10);
        assertEquals(
                List.of("second", "first"),
                recent.stream().map(RecentComment::rawBody).toList());
        assertEquals(CommentStatus.HELD, recent.getFirst().status());
        assertEquals(0.7, recent.getFirst().scores().get("uncivil"));
        assertEquals(bob.id(), recent.getFirst().author());
    }

    @Test
    void boundsAreChecked() {
        assertThrows(ValidationException.class, () -> core.insights().dashboard(f.site.key(), 0, 5));
        assertThrows(ValidationException.class, () -> core.insights().recentComments(f.site.key(), 0));
    }
}
