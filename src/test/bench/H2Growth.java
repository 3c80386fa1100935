import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How an H2 file database grows under many small commits with WRITE_DELAY=0 (what Parley's core
 * sets), and what compacting it while open saves (docs/BENCHMARKS.md, "H2 file growth"). Four
 * threads insert N comment-like rows, each with an audit row and a counter update, one commit
 * per row, into a fresh database in a temporary folder; prints the time per row and the file size
 * open and after close. Not Parley's schema, the same pattern of writes.
 *
 * Usage (single-file program; H2 from the local Maven repository):
 *   H2=~/.m2/repository/com/h2database/h2/2.5.252/h2-2.5.252.jar
 *   java -cp $H2 src/test/bench/H2Growth.java none 20000
 *   java -cp $H2 -Dposts=2000 -Dmax=200 src/test/bench/H2Growth.java compactFile 20000
 *   java -cp $H2 src/test/bench/H2Growth.java retention5000 20000
 * Variants: none; compactFile (the file compacted for at most -Dmax ms every -Dposts rows);
 * compactNN (MVStore.compact to fill rate NN every -Dposts rows); retentionMS (RETENTION_TIME=MS).
 */
public class H2Growth {
    public static void main(String[] args) throws Exception {
        String variant = args[0];
        int rows = Integer.parseInt(args[1]);
        int threads = 4;
        int every = Integer.getInteger("posts", 2000);
        int max = Integer.getInteger("max", 200);
        Path dir = Files.createTempDirectory("h2-growth");
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0"
                + (variant.startsWith("retention") ? ";RETENTION_TIME=" + variant.substring("retention".length()) : "");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("create table article(id bigint primary key, comments bigint)");
            s.execute("insert into article values (1, 0)");
            s.execute("create table comment(id bigint auto_increment primary key, article bigint, author uuid,"
                    + " status varchar(20), created timestamp, body varchar(4000), html varchar(8000))");
            s.execute("create index comment_article on comment(article, id)");
            s.execute("create index comment_author on comment(author, created)");
            s.execute("create table audit(id bigint auto_increment primary key, comment bigint, action varchar(20), at timestamp)");
        }
        AtomicLong done = new AtomicLong();
        AtomicLong compactNanos = new AtomicLong();
        Connection keeper = DriverManager.getConnection(url, "sa", "");
        org.h2.engine.Database db = ((org.h2.engine.SessionLocal) keeper.unwrap(org.h2.jdbc.JdbcConnection.class).getSession())
                .getDatabase();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        if (variant.startsWith("compact")) {
            AtomicLong last = new AtomicLong();
            timer.scheduleWithFixedDelay(() -> {
                if (done.get() - last.get() < every) {
                    return;
                }
                last.set(done.get());
                long start = System.nanoTime();
                if (variant.equals("compactFile")) {
                    db.getStore().compactFile(max);
                } else {
                    db.getStore().getMvStore().compact(Integer.parseInt(variant.substring("compact".length())), 16 << 20);
                }
                compactNanos.addAndGet(System.nanoTime() - start);
            }, 50, 50, TimeUnit.MILLISECONDS);
        }
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        String body = "A comment of some length about the article, with a few words. ".repeat(6);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                    c.setAutoCommit(false);
                    PreparedStatement insert = c.prepareStatement("insert into comment(article, author, status, created, body, html)"
                            + " values (1, ?, 'PUBLISHED', current_timestamp, ?, ?)", Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement count = c.prepareStatement("update article set comments = comments + 1 where id = 1");
                    PreparedStatement audit = c.prepareStatement("insert into audit(comment, action, at) values (?, 'post', current_timestamp)");
                    while (done.incrementAndGet() <= rows) {
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, body);
                        insert.setString(3, "<p>" + body + "</p>");
                        insert.executeUpdate();
                        try (ResultSet key = insert.getGeneratedKeys()) {
                            key.next();
                            audit.setLong(1, key.getLong(1));
                        }
                        audit.executeUpdate();
                        count.executeUpdate();
                        c.commit();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        long wall = System.nanoTime() - t0;
        timer.shutdown();
        timer.awaitTermination(1, TimeUnit.MINUTES);
        long open = Files.size(dir.resolve("db.mv.db"));
        keeper.close();
        long closed = Files.size(dir.resolve("db.mv.db"));
        System.out.printf("%s, %d rows: %.0f us per row, file %.1f MB open, %.1f MB after close, %.1f s compacting;"
                        + " load average %s%n", variant, rows, wall / 1e3 / rows, open / 1e6, closed / 1e6, compactNanos.get() / 1e9,
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
}
