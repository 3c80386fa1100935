package org.parley.web.cache;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.parley.core.article.ArticleRef;
import org.parley.web.cluster.Signals;

/**
 * Serialised public answers (anonymous thread pages, counts) by request, in this instance's memory.
 *
 * <p>Coherence: every article has a generation; an entry records the generations of the articles
 * it shows, read <em>before</em> the database was, and is served only while they are all still
 * current. A write bumps the article's generation here before it answers and on every other
 * instance through a signal, so a page computed from data older than the write is never served
 * after the bump, whatever the interleaving. Generations come from one counter, so forgetting
 * them (a full table, a membership change, a lost signal) only ever makes entries stale, never
 * valid again. Entries also expire after {@link #TTL}, bounding staleness should a signal be lost
 * on the network. Memory is bounded by {@link #MAX_BYTES} of bodies.
 */
@ApplicationScoped
public class ReadCache {

    /** Longest time an entry is served without a write having been seen. */
    static final Duration TTL = Duration.ofSeconds(60);
    /** Bodies kept at most (about a thousand first pages of long threads). */
    static final long MAX_BYTES = 48L * 1024 * 1024;

    static final int MAX_ARTICLES = 200_000;
    static final String ARTICLE_CHANGED = "article";
    static final String ALL_CHANGED = "all";

    /** A cached answer. */
    public record Entry(byte[] body, String etag, String[] articles, long[] generations, long expires) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> generations = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    @Inject
    Signals signals;

    @PostConstruct
    void listen() {
        signals.on(ARTICLE_CHANGED, args -> bump(args.get(0)));
        signals.on(ALL_CHANGED, args -> forgetAll());
        signals.on(Signals.MEMBERS, args -> forgetAll());
    }

    /** The identity of an article in generations and signals. */
    public static String article(String site, String articleKey) {
        return site + '\u0001' + articleKey;
    }

    /** The article's current generation: read it before reading the data an entry will hold. */
    public long generation(String article) {
        Long g = generations.get(article);
        if (g != null) {
            return g;
        }
        if (generations.size() > MAX_ARTICLES) {
            forgetAll();
        }
        return generations.computeIfAbsent(article, k -> counter.incrementAndGet());
    }

    /** The entry for {@code key} if every article it shows is unchanged since it was computed. */
    public Entry get(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (System.nanoTime() - e.expires() > 0) {
            remove(key, e);
            return null;
        }
        for (int i = 0; i < e.articles().length; i++) {
            Long current = generations.get(e.articles()[i]);
            if (current == null || current != e.generations()[i]) {
                remove(key, e);
                return null;
            }
        }
        return e;
    }

    /**
     * Keeps {@code body} for {@code key}, computed from {@code articles} at {@code generations}
     * (read before the database). Returns the entry (with its strong ETag) to answer with.
     */
    public Entry put(String key, String[] articles, long[] generations, byte[] body) {
        Entry e = new Entry(body, HttpCaching.etag(body), articles, generations, System.nanoTime() + TTL.toNanos());
        if (bytes.addAndGet(body.length) > MAX_BYTES) {
            evict();
        }
        Entry old = entries.put(key, e);
        if (old != null) {
            bytes.addAndGet(-old.body().length);
        }
        return e;
    }

    /** Something readers of {@code ref} see changed: stale everywhere from now on. */
    public void changed(ArticleRef ref) {
        signals.send(ARTICLE_CHANGED, article(ref.siteKey(), ref.articleKey()));
    }

    /** Something every page may show changed (rare: e.g. an author's name): all entries stale everywhere. */
    public void changedEverywhere() {
        signals.send(ALL_CHANGED);
    }

    /** Entries held (for tests and metrics). */
    public int size() {
        return entries.size();
    }

    private void bump(String article) {
        generations.put(article, counter.incrementAndGet());
    }

    private void forgetAll() {
        generations.clear();
    }

    private void remove(String key, Entry e) {
        if (entries.remove(key, e)) {
            bytes.addAndGet(-e.body().length);
        }
    }

    /** Drops entries (expired or stale first would need a scan anyway) until a quarter of the budget is free. */
    private void evict() {
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (bytes.get() > MAX_BYTES * 3 / 4 && it.hasNext()) {
            Map.Entry<String, Entry> next = it.next();
            remove(next.getKey(), next.getValue());
        }
    }
}
