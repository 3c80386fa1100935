package org.parley.core.porting;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A Disqus export made up on the fly while it is read, never held whole: {@code threads} threads,
 * then {@code posts} posts spread over them. Three posts in four are spam of about
 * {@code spamBytes} bytes (read, then skipped: it makes the file large without making the test
 * write much); the others carry about 500 bytes, and every fifth post replies to an earlier
 * post of its thread. Deterministic.
 */
final class GeneratedDisqusExport extends InputStream {
    private final int threads;
    private final int posts;
    private final String filler;
    private final String spam;
    private int next = -2;
    private byte[] chunk = new byte[0];
    private int at;

    GeneratedDisqusExport(int threads, int posts, int spamBytes) {
        if (threads % 4 != 0) {
            throw new IllegalArgumentException("a multiple of four threads keeps replies away from spam");
        }
        this.threads = threads;
        this.posts = posts;
        this.filler = "The harbour budget debate went on late into the night. ".repeat(9);
        this.spam = "Cheap watches, best odds, click here now! ".repeat(Math.max(1, spamBytes / 42));
    }

    /** Posts the import stores (the rest is spam without replies). */
    int expectedComments() {
        return posts - expectedSpam();
    }

    int expectedSpam() {
        int spam = 0;
        for (int i = 0; i < posts; i++) {
            if (isSpam(i)) {
                spam++;
            }
        }
        return spam;
    }

    private static boolean isSpam(int i) {
        return i % 4 != 0;
    }

    @Override
    public int read() {
        if (!fill()) {
            return -1;
        }
        return chunk[at++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, chunk.length - at);
        System.arraycopy(chunk, at, b, off, n);
        at += n;
        return n;
    }

    private boolean fill() {
        while (at >= chunk.length) {
            String text = produce();
            if (text == null) {
                return false;
            }
            chunk = text.getBytes(StandardCharsets.UTF_8);
            at = 0;
        }
        return true;
    }

    private String produce() {
        int i = next++;
        if (i == -2) {
            return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<disqus xmlns=\"http://disqus.com\" "
                    + "xmlns:dsq=\"http://disqus.com/disqus-internals\">\n";
        }
        if (i == -1) {
            StringBuilder b = new StringBuilder();
            for (int t = 0; t < threads; t++) {
                b.append("<thread dsq:id=\"")
                        .append(10_000 + t)
                        .append("\"><id/><link>https://big.example/story/")
                        .append(t)
                        .append("</link><title>Story ")
                        .append(t)
                        .append("</title><createdAt>2015-01-01T00:00:00Z</createdAt>")
                        .append("<isClosed>false</isClosed><isDeleted>false</isDeleted></thread>\n");
            }
            return b.toString();
        }
        if (i < posts) {
            int thread = i % threads;
            boolean reply = i % 5 == 4 && i >= threads;
            return "<post dsq:id=\"" + (1_000_000 + i) + "\"><id/><message><![CDATA[<p>Post " + i + ": "
                    + (isSpam(i) ? spam : filler)
                    + "</p>]]></message><createdAt>2015-02-01T00:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>"
                    + isSpam(i) + "</isSpam><author><name>Reader " + (i % 997)
                    + "</name><isAnonymous>false</isAnonymous>"
                    + "<username>reader" + (i % 997) + "</username></author><thread dsq:id=\"" + (10_000 + thread)
                    + "\"/>"
                    + (reply ? "<parent dsq:id=\"" + (1_000_000 + i - threads) + "\"/>" : "") + "</post>\n";
        }
        if (i == posts) {
            return "</disqus>\n";
        }
        return null;
    }
}
