package org.parley.core.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.core.article.ArticleRef;
import org.parley.core.article.internal.ArticleEntity;
import org.parley.core.author.AuthorId;
import org.parley.core.comment.CommentId;
import org.parley.core.comment.CommentStatus;
import org.parley.core.comment.internal.CommentEntity;
import org.parley.core.comment.internal.CommentViews;
import org.parley.core.site.internal.SiteEntity;
import org.parley.core.support.Json;
import org.parley.core.support.Require;
import org.parley.core.unitofwork.UnitOfWork;

/**
 * Read-only figures for moderators. Days are UTC days. Thread-safe. Obtain it from
 * {@code ParleyCore.insights()}.
 */
public final class InsightService {
    /** Score at or above which a comment counts as highly uncivil for heat. */
    public static final double HIGHLY_UNCIVIL = 0.8;

    private final UnitOfWork work;

    public InsightService(UnitOfWork work) {
        this.work = work;
    }

    /**
     * The dashboard of a site for the last {@code days} days (1-90), today included, with the
     * {@code heatedLimit} (0-50) most heated articles that have at least one comment in the period.
     */
    public Dashboard dashboard(String siteKey, int days, int heatedLimit) {
        Require.range("days", days, 1, 90);
        Require.range("heatedLimit", heatedLimit, 0, 50);
        return work.read(r -> {
            SiteEntity site = r.sites().require(siteKey);
            LocalDate today = LocalDate.ofInstant(r.now(), ZoneOffset.UTC);
            LocalDate first = today.minusDays(days - 1L);
            Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
            Map<LocalDate, long[]> perDay = new LinkedHashMap<>();
            for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
                perDay.put(d, new long[3]);
            }
            long total = 0;
            long held = 0;
            long rejected = 0;
            for (InsightRepository.Posted p : r.insights().postedSince(site.id(), from)) {
                long[] day = perDay.get(LocalDate.ofInstant(p.createdAt(), ZoneOffset.UTC));
                if (day == null) {
                    continue;
                }
                day[0]++;
                total++;
                if (p.status() == CommentStatus.HELD) {
                    day[1]++;
                    held++;
                } else if (p.status() == CommentStatus.REJECTED) {
                    day[2]++;
                    rejected++;
                }
            }
            List<DayCount> counts = new ArrayList<>();
            perDay.forEach((d, v) -> counts.add(new DayCount(d, v[0], v[1], v[2])));
            List<HeatedArticle> heated = new ArrayList<>();
            if (heatedLimit > 0) {
                List<InsightRepository.ArticleHeat> raw = r.insights().heatSince(site.id(), from, HIGHLY_UNCIVIL);
                Map<Long, ArticleEntity> articles = r.articles()
                        .byIds(raw.stream()
                                .map(InsightRepository.ArticleHeat::articleId)
                                .toList());
                for (InsightRepository.ArticleHeat h : raw) {
                    ArticleEntity a = articles.get(h.articleId());
                    double heat = h.comments() == 0
                            ? 0
                            : (double) Math.max(h.heldOrRejected(), h.highlyUncivil()) / h.comments();
                    heated.add(new HeatedArticle(
                            new ArticleRef(site.key(), a.key()),
                            a.title(),
                            h.comments(),
                            h.heldOrRejected(),
                            h.highlyUncivil(),
                            heat));
                }
                heated.sort(Comparator.comparingDouble(HeatedArticle::heat)
                        .thenComparingLong(HeatedArticle::comments)
                        .reversed());
                if (heated.size() > heatedLimit) {
                    heated = new ArrayList<>(heated.subList(0, heatedLimit));
                }
            }
            return new Dashboard(
                    days,
                    counts,
                    total,
                    total == 0 ? 0 : (double) held / total,
                    total == 0 ? 0 : (double) rejected / total,
                    heated);
        });
    }

    /** The site's latest comments (1-5000), newest first, for a policy dry run. */
    public List<RecentComment> recentComments(String siteKey, int limit) {
        Require.range("limit", limit, 1, 5000);
        return work.read(r -> {
            SiteEntity site = r.sites().require(siteKey);
            List<CommentEntity> rows = r.insights().recent(site.id(), limit);
            CommentViews views = new CommentViews(r);
            return rows.stream()
                    .map(c -> new RecentComment(
                            new CommentId(c.id()),
                            views.article(c.articleId()),
                            new AuthorId(c.authorId()),
                            c.bodyRaw(),
                            c.status(),
                            Json.readScores(c.scoresJson()),
                            c.createdAt()))
                    .toList();
        });
    }
}
