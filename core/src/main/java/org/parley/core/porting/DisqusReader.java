package org.parley.core.porting;

import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A Disqus export: {@code <disqus>} holding {@code <category>}, then every {@code <thread dsq:id>}
 * (identifier, link, title, createdAt, isClosed, isDeleted), then every {@code <post dsq:id>}
 * (message as HTML in CDATA, createdAt, isDeleted, isSpam, author, {@code <thread dsq:id>} and
 * an optional {@code <parent dsq:id>}). Source keys: {@code disqus-thread:<id>},
 * {@code disqus:<post id>}, {@code disqus-author:<username>} or, for anonymous authors, a digest
 * of name and e-mail.
 */
final class DisqusReader implements SourceReader {
    private final XMLStreamReader x;

    /** {@code x} is on the {@code <disqus>} root element. */
    DisqusReader(XMLStreamReader x) {
        this.x = x;
    }

    @Override
    public SourceFormat format() {
        return SourceFormat.DISQUS;
    }

    @Override
    public SourceItem next() {
        try {
            while (x.hasNext()) {
                int event = x.next();
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = x.getLocalName();
                String id = Xml.idAttribute(x);
                Map<String, String> r = Xml.record(x);
                if ("thread".equals(name) && id != null) {
                    return thread(id, r);
                }
                if ("post".equals(name) && id != null) {
                    return post(id, r);
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw Xml.malformed(e);
        }
    }

    private static SourceItem.Article thread(String id, Map<String, String> r) {
        return new SourceItem.Article(
                "disqus-thread:" + id,
                Xml.blankToNull(r.get("id")),
                Xml.blankToNull(r.get("link")),
                Xml.blankToNull(r.get("title")),
                null,
                Dates.parse(r.get("createdAt")),
                Xml.flag(r.get("isClosed")) ? "CLOSED" : "OPEN",
                null,
                Xml.flag(r.get("isDeleted")));
    }

    private static SourceItem post(String id, Map<String, String> r) {
        String key = "disqus:" + id;
        String thread = Xml.blankToNull(r.get("thread@id"));
        if (thread == null) {
            return new SourceItem.Skipped(key, "orphan");
        }
        String parent = Xml.blankToNull(r.get("parent@id"));
        String name = Xml.blankToNull(r.get("author.name"));
        String email = Xml.blankToNull(r.get("author.email"));
        String username = Xml.blankToNull(r.get("author.username"));
        String authorKey = username != null && !Xml.flag(r.get("author.isAnonymous"))
                ? "disqus-author:" + username
                : SourceKeys.anonymous("disqus-guest:", name, email);
        SourceItem.Status status = Xml.flag(r.get("isSpam"))
                ? SourceItem.Status.SPAM
                : Xml.flag(r.get("isDeleted"))
                        ? SourceItem.Status.DELETED
                        : "false"
                                        .equalsIgnoreCase(
                                                r.getOrDefault("isApproved", "").strip())
                                ? SourceItem.Status.HELD
                                : SourceItem.Status.PUBLISHED;
        return new SourceItem.Post(
                key,
                "disqus-thread:" + thread,
                parent == null ? null : "disqus:" + parent,
                new SourceItem.Author(authorKey, name != null ? name : username, email, null),
                authorKey,
                Dates.parse(r.get("createdAt")),
                r.getOrDefault("message", ""),
                SourceItem.Markup.HTML,
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
