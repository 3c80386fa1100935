package org.parley.moderation.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.parley.moderation.civility.CivilityScorer;
import org.parley.moderation.civility.CivilityScores;
import org.parley.moderation.sanitize.Sanitizer;
import org.parley.moderation.screening.ArticleContext;
import org.parley.moderation.screening.AuthorContext;
import org.parley.moderation.screening.RateLimiter;
import org.parley.moderation.screening.Screener;
import org.parley.moderation.screening.SitePolicy;
import org.parley.moderation.screening.Submission;

/**
 * The JMH workloads measured in thread CPU time instead of wall time: per operation, the CPU the
 * calling thread spent, which time spent waiting for a core on a busy machine does not inflate.
 * A companion to the JMH figures on a shared machine, not a replacement. Prints p50, p99 and
 * operations per CPU-second for each workload after a warm-up. Arguments: the XSS corpus, then the
 * civility data folder (the news mix reads {@code civil_comments_in_context_gc.csv} from it).
 */
public final class CpuTimeProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTimeProbe() {}

    public static void main(String[] args) {
        String corpus = args.length > 0 ? args[0] : "../shared/data/xss/corpus.jsonl";
        String civilityData = args.length > 1 ? args[1] : "../shared/data/civility";
        CivilityScorer scorer = CivilityScorer.loadDefault();
        List<String> payloads = Comments.xssPayloads(corpus);
        Sanitizer sanitizer = Sanitizer.standard();
        List<String> banned = new ArrayList<>();
        List<String> suspect = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            banned.add("bannedterm" + i);
            suspect.add("suspect phrase " + i);
        }
        SitePolicy policy =
                SitePolicy.builder().bannedWords(banned).suspectWords(suspect).build();
        List<String> recent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            recent.add("An earlier comment of the same author, number " + i + ", about the council budget.");
        }
        Screener screener = Screener.create(scorer, authorId -> recent, RateLimiter.unlimited());
        Submission submission = Submission.of(
                Comments.THREE_HUNDRED,
                AuthorContext.withApprovals("bench", 20),
                ArticleContext.open("bench-article", policy));

        // the semantic stage costs milliseconds a call, the rest microseconds: counts sized to match
        report("score 300 chars, lexical stage", 200_000, i -> scorer.scoreLexical(Comments.THREE_HUNDRED));
        // the shipped scorer: whether the encoder runs on this comment is the cascade's call (printed)
        String stage = scorer.score(Comments.THREE_HUNDRED).semantic().name().toLowerCase(Locale.ROOT);
        report("score 300 chars, semantic " + stage, 1_000, i -> scorer.score(Comments.THREE_HUNDRED));
        report(
                "sanitise one XSS corpus payload",
                100 * payloads.size(),
                i -> sanitizer.sanitize(payloads.get(i % payloads.size())));
        report("screen 300 chars, semantic " + stage, 1_000, i -> screener.screen(submission));

        // the realistic mix: the first 2,000 news comments of Civil Comments in Context, mostly
        // civil, screened with the default policy (the civility cascade decides per comment
        // whether the encoder runs)
        List<String> news = Comments.newsComments(civilityData, 2_000);
        SitePolicy defaults = SitePolicy.builder().build();
        List<Submission> mix = news.stream()
                .map(t -> Submission.of(
                        t, AuthorContext.withApprovals("bench", 20), ArticleContext.open("bench-article", defaults)))
                .toList();
        long ran = news.stream()
                .filter(t -> scorer.score(t).semantic() == CivilityScores.Semantic.RAN)
                .count();
        System.out.printf(Locale.ROOT, "news mix: the encoder runs on %d of %d comments%n", ran, news.size());
        report("score news mix (2,000 comments)", news.size(), i -> scorer.score(news.get(i)));
        report("screen news mix (2,000 comments)", mix.size(), i -> screener.screen(mix.get(i)));
    }

    private static void report(String name, int operations, Consumer<Integer> operation) {
        for (int i = 0; i < operations; i++) {
            operation.accept(i);
        }
        long[] nanos = new long[operations];
        for (int i = 0; i < operations; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            operation.accept(i);
            nanos[i] = THREADS.getCurrentThreadCpuTime() - start;
        }
        long total = Arrays.stream(nanos).sum();
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "%-34s CPU time per op: p50 %7.1f us, p99 %7.1f us; %,.0f ops per CPU-second%n",
                name,
                nanos[operations / 2] / 1e3,
                nanos[(int) (operations * 0.99)] / 1e3,
                operations / (total / 1e9));
    }
}
