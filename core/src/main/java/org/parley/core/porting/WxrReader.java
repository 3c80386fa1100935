package org.parley.core.porting;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A WordPress export (WXR 1.0 to 1.2): RSS 2.0 whose {@code <item>}s (posts and pages) carry
 * {@code link}, {@code title}, {@code wp:post_id}, {@code wp:comment_status} and their
 * {@code <wp:comment>}s (comment_id, comment_author, comment_author_email, comment_date_gmt,
 * comment_content, comment_approved 1 / 0 / spam / trash, comment_type, comment_parent,
 * comment_user_id). An item without comments yields nothing. Source keys:
 * {@code wxr-post:<post_id>}, {@code wxr:<comment_id>}, {@code wxr-user:<user id>} or a digest
 * of name and e-mail.
 */
final class WxrReader implements SourceReader {
    private final XMLStreamReader x;
    private final Deque<SourceItem> ready = new ArrayDeque<>();
    private Map<String, String> item;
    private boolean articleSent;

    /** {@code x} is on the {@code <rss>} root element. */
    WxrReader(XMLStreamReader x) {
        this.x = x;
    }

    @Override
    public SourceFormat format() {
        return SourceFormat.WXR;
    }

    @Override
    public SourceItem next() {
        try {
            while (ready.isEmpty() && x.hasNext()) {
                int event = x.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = x.getLocalName();
                    if (item == null) {
                        if ("item".equals(name)) {
                            item = new HashMap<>();
                            articleSent = false;
                        }
                    } else if ("comment".equals(name)) {
                        Map<String, String> comment = Xml.record(x);
                        if (!articleSent) {
                            ready.add(article(item));
                            articleSent = true;
                        }
                        ready.add(post(item, comment));
                    } else if (!"encoded".equals(name) && !"postmeta".equals(name)) {
                        Map<String, String> r = Xml.record(x);
                        item.putIfAbsent(name, r.get(""));
                    } else {
                        Xml.record(x);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && item != null && "item".equals(x.getLocalName())) {
                    item = null;
                }
            }
            return ready.poll();
        } catch (XMLStreamException e) {
            throw Xml.malformed(e);
        }
    }

    private static String postId(Map<String, String> item) {
        String id = Xml.blankToNull(item.get("post_id"));
        return id != null ? id : Xml.blankToNull(item.get("guid")) != null ? item.get("guid") : item.get("link");
    }

    private static SourceItem.Article article(Map<String, String> item) {
        String status = item.getOrDefault("comment_status", "open").strip().toLowerCase(Locale.ROOT);
        Instant published = Dates.parse(item.get("post_date_gmt"));
        if (published == null) {
            published = Dates.parse(item.get("pubDate"));
        }
        return new SourceItem.Article(
                "wxr-post:" + postId(item),
                null,
                Xml.blankToNull(item.get("link")),
                Xml.blankToNull(item.get("title")),
                Xml.blankToNull(item.get("creator")),
                published,
                "closed".equals(status) ? "CLOSED" : "OPEN",
                null,
                "trash".equals(item.getOrDefault("status", "")));
    }

    private static SourceItem post(Map<String, String> item, Map<String, String> c) {
        String id = Xml.blankToNull(c.get("comment_id"));
        String key = "wxr:" + (id != null ? id : postId(item) + ":" + Integer.toHexString(c.hashCode()));
        String type = c.getOrDefault("comment_type", "").strip().toLowerCase(Locale.ROOT);
        if (type.equals("pingback") || type.equals("trackback")) {
            return new SourceItem.Skipped(key, type);
        }
        String parent = Xml.blankToNull(c.get("comment_parent"));
        String name = Xml.blankToNull(c.get("comment_author"));
        String email = Xml.blankToNull(c.get("comment_author_email"));
        String user = Xml.blankToNull(c.get("comment_user_id"));
        String authorKey = user != null && !"0".equals(user)
                ? "wxr-user:" + user
                : SourceKeys.anonymous("wxr-guest:", name, email);
        Instant created = Dates.parse(c.get("comment_date_gmt"));
        if (created == null) {
            created = Dates.parse(c.get("comment_date"));
        }
        SourceItem.Status status =
                switch (c.getOrDefault("comment_approved", "1").strip().toLowerCase(Locale.ROOT)) {
                    case "1", "approve", "approved" -> SourceItem.Status.PUBLISHED;
                    case "spam" -> SourceItem.Status.SPAM;
                    case "trash", "post-trashed" -> SourceItem.Status.TRASH;
                    default -> SourceItem.Status.HELD;
                };
        return new SourceItem.Post(
                key,
                "wxr-post:" + postId(item),
                parent == null || "0".equals(parent) ? null : "wxr:" + parent,
                new SourceItem.Author(authorKey, name, email, null),
                authorKey,
                created,
                c.getOrDefault("comment_content", ""),
                SourceItem.Markup.WORDPRESS,
                status,
                false);
    }

    @Override
    public void close() {
        try {
            x.close();
        } catch (XMLStreamException ignored) {
            // nothing left to release
        }
    }
}
