package org.parley.core.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.parley.core.CoreConfig;
import org.parley.core.ParleyCore;
import org.parley.core.article.ArticleRef;
import org.parley.core.author.Author;
import org.parley.core.site.SiteDraft;

/**
 * Benchmark databases: H2 files under {@code core/target/bench-data}, built once and reused.
 * A thread is generated with realistic shape — about a third of the comments top level, replies
 * attached mostly to recent comments so some sub-threads grow long and deep (capped at depth 8),
 * 4% held and 2% rejected — and written with JDBC batches; every derived figure (path, root,
 * depth, reply counts, the article's published count) is computed exactly as the services would.
 */
final class BenchData {
    static final String SITE = "bench";
    private static final int AUTHORS = 500;

    private BenchData() {}

    static Path dir(String name) {
        return Path.of(System.getProperty("parley.bench.dir", "target/bench-data"))
                .toAbsolutePath()
                .resolve(name);
    }

    /** Opens (creating if needed) a database whose article {@code articleKey(i)} has {@code size} comments, for each of {@code articles}. */
    static ParleyCore open(String name, int articles, int size) throws Exception {
        Path dir = dir(name);
        boolean fresh = !Files.exists(dir.resolve("parley.mv.db"));
        Files.createDirectories(dir);
        CoreConfig config = CoreConfig.h2File(dir.resolve("parley"));
        ParleyCore core = ParleyCore.open(config);
        if (fresh) {
            core.sites().create(SiteDraft.of(SITE, "Benchmark site", "https://bench.example"));
            List<UUID> authors = new ArrayList<>();
            for (int i = 0; i < AUTHORS; i++) {
                Author a = core.authors().createGuest("Reader " + i, null);
                authors.add(a.id().value());
            }
            try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password())) {
                c.setAutoCommit(false);
                long nextId = 1;
                for (int i = 0; i < articles; i++) {
                    ArticleRef ref = article(i);
                    core.articles().ensure(ref, "https://bench.example/" + ref.articleKey(), "Benchmark article " + i);
                    nextId = fill(c, ref, size, authors, nextId, new Random(42 + i));
                }
                try (Statement s = c.createStatement()) {
                    s.execute("alter sequence comment_seq restart with " + nextId);
                }
                c.commit();
            }
        }
        return core;
    }

    static ArticleRef article(int i) {
        return ArticleRef.of(SITE, "article-" + i);
    }

    private static long fill(Connection c, ArticleRef ref, int size, List<UUID> authors, long firstId, Random random)
            throws SQLException {
        long siteId;
        long articleId;
        try (PreparedStatement ps =
                c.prepareStatement("select a.site_id, a.id from article a join site s on s.id = a.site_id"
                        + " where s.site_key = ? and a.article_key = ?")) {
            ps.setString(1, ref.siteKey());
            ps.setString(2, ref.articleKey());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                siteId = rs.getLong(1);
                articleId = rs.getLong(2);
            }
        }
        long[] parent = new long[size];
        long[] root = new long[size];
        int[] depth = new int[size];
        String[] path = new String[size];
        String[] status = new String[size];
        long[] replies = new long[size];
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < size; i++) {
            long id = firstId + i;
            status[i] = random.nextInt(100) < 4 ? "HELD" : random.nextInt(100) < 2 ? "REJECTED" : "PUBLISHED";
            int p = -1;
            if (i > 0 && random.nextInt(100) >= 33) {
                int window = Math.min(i, 200);
                int candidate = i - 1 - (int) Math.abs(random.nextGaussian() * window / 3) % window;
                if (depth[candidate] < 8 && status[candidate].equals("PUBLISHED")) {
                    p = candidate;
                }
            }
            String segment = String.format("%012d", id);
            if (p < 0) {
                parent[i] = 0;
                root[i] = id;
                depth[i] = 0;
                path[i] = segment;
            } else {
                parent[i] = firstId + p;
                root[i] = root[p];
                depth[i] = depth[p] + 1;
                path[i] = path[p] + segment;
            }
            if (status[i].equals("PUBLISHED")) {
                for (int a = 0; a < depth[i]; a++) {
                    long ancestor = Long.parseLong(path[i].substring(a * 12, a * 12 + 12));
                    replies[(int) (ancestor - firstId)]++;
                }
            }
        }
        long published = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "insert into comment (id, site_id, article_id, parent_id, root_id,"
                        + " depth, path, author_id, status, body_raw, body_html, revision, reply_count, reaction_count, featured,"
                        + " uncivil_score, scores, reason_codes, sanitizer_removals, request_key, created_at, edited_at,"
                        + " status_changed_at, version) values (?,?,?,?,?,?,?,?,?,?,?,1,?,?,false,?,?,'[]','[]',null,?,null,?,0)")) {
            for (int i = 0; i < size; i++) {
                String text =
                        "Comment " + i + " on " + ref.articleKey() + ": " + "a considered opinion ".repeat(1 + i % 6);
                double uncivil = random.nextDouble() * (status[i].equals("PUBLISHED") ? 0.5 : 1.0);
                Timestamp at = Timestamp.from(start.plusSeconds(i * 7L));
                ps.setLong(1, firstId + i);
                ps.setLong(2, siteId);
                ps.setLong(3, articleId);
                if (parent[i] == 0) {
                    ps.setNull(4, Types.BIGINT);
                } else {
                    ps.setLong(4, parent[i]);
                }
                ps.setLong(5, root[i]);
                ps.setInt(6, depth[i]);
                ps.setString(7, path[i]);
                ps.setObject(8, authors.get(random.nextInt(authors.size())));
                ps.setString(9, status[i]);
                ps.setString(10, text);
                ps.setString(11, "<p>" + text + "</p>");
                ps.setLong(12, replies[i]);
                ps.setLong(13, random.nextInt(100) < 70 ? 0 : random.nextInt(40));
                ps.setDouble(14, uncivil);
                ps.setString(15, String.format(Locale.ROOT, "{\"uncivil\":%.4f}", uncivil));
                ps.setTimestamp(16, at);
                ps.setTimestamp(17, at);
                ps.addBatch();
                if (status[i].equals("PUBLISHED")) {
                    published++;
                }
                if (i % 1000 == 999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("update article set published_count = ? where id = ?")) {
            ps.setLong(1, published);
            ps.setLong(2, articleId);
            ps.executeUpdate();
        }
        c.commit();
        return firstId + size;
    }
}
