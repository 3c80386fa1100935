package org.parley.core.porting;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.Locale;
import javax.xml.stream.XMLStreamReader;
import org.parley.core.ValidationException;

/**
 * Opens an import file as a {@link SourceReader}. NDJSON is a Parley export; XML is recognised by
 * its root element: {@code <disqus>} is a Disqus export, {@code <rss>} declaring the WordPress
 * export namespace ({@code http://wordpress.org/export/1.x/}) is WXR. Nothing is read beyond the
 * root element here.
 */
public final class SourceReaders {
    private SourceReaders() {}

    /**
     * @param mediaType {@code application/x-ndjson} (or {@code application/jsonl}) for a Parley
     *                  export; any XML type ({@code application/xml}, {@code text/xml}) for Disqus or WXR
     * @throws ValidationException unsupported type, not XML, or XML of another kind
     */
    public static SourceReader open(InputStream in, String mediaType) {
        String type = mediaType == null
                ? ""
                : mediaType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (type.equals("application/x-ndjson")
                || type.equals("application/jsonl")
                || type.equals("application/jsonlines")) {
            return new ParleyNdjsonReader(in);
        }
        if (!type.endsWith("/xml") && !type.endsWith("+xml")) {
            throw new ValidationException(
                    "Content-Type",
                    "send application/xml (Disqus, WordPress WXR) or " + "application/x-ndjson (Parley export), not "
                            + (type.isEmpty() ? "nothing" : type));
        }
        XMLStreamReader x = Xml.open(new BufferedInputStream(in, 1 << 16));
        Xml.toRoot(x);
        String root = x.getLocalName();
        if (root.equals("disqus")) {
            return new DisqusReader(x);
        }
        if (root.equals("rss")) {
            for (int i = 0; i < x.getNamespaceCount(); i++) {
                String uri = x.getNamespaceURI(i);
                if (uri != null && uri.startsWith("http://wordpress.org/export/")) {
                    return new WxrReader(x);
                }
            }
            throw new ValidationException(
                    "file", "an RSS feed without the WordPress export namespace is not a WXR file");
        }
        throw new ValidationException(
                "file", "<" + root + "> is neither a Disqus export (<disqus>) nor a WordPress export (<rss>)");
    }
}
