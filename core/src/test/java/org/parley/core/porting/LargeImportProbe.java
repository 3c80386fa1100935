package org.parley.core.porting;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.parley.core.CoreConfig;
import org.parley.core.ParleyCore;
import org.parley.core.site.ModerationMode;
import org.parley.core.site.SiteDraft;
import org.parley.core.site.SiteSettings;

/**
 * Imports a generated Disqus export into an H2 file database and prints one line:
 * {@code comments=<n> spam=<n> bytes=<n> seconds=<s> peakHeapMiB=<n> maxHeapMiB=<n>}. Run by
 * {@link LargeImportIT} in a JVM with a small {@code -Xmx}; by hand for docs/BENCHMARKS.md:
 * {@code java -Xmx64m -cp <core test classpath> org.parley.core.porting.LargeImportProbe DIR THREADS POSTS SPAM_BYTES}.
 */
public final class LargeImportProbe {
    private LargeImportProbe() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        int posts = Integer.parseInt(args[2]);
        int bytes = Integer.parseInt(args[3]);
        GeneratedDisqusExport file = new GeneratedDisqusExport(threads, posts, bytes);
        long[] read = new long[1];
        InputStream counting = new FilterInputStream(file) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    read[0] += n;
                }
                return n;
            }
        };
        try (ParleyCore core =
                ParleyCore.open(CoreConfig.h2File(dir.resolve("parley")).withMaxPoolSize(2))) {
            core.sites()
                    .create(new SiteDraft(
                            "big",
                            "Big",
                            Set.of("https://big.example"),
                            ModerationMode.POST_MODERATION,
                            SiteSettings.defaults()));
            long start = System.nanoTime();
            ImportReport report =
                    core.porting().importFile("big", counting, "application/xml", Imports.SANITISER, Imports.ADMIN);
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "comments=%d spam=%d bytes=%d seconds=%.1f peakHeapMiB=%d maxHeapMiB=%d%n",
                    report.comments(),
                    report.skipped().getOrDefault("spam", 0L),
                    read[0],
                    seconds,
                    peak >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }
}
