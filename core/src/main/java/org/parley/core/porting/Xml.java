package org.parley.core.porting;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.parley.core.ValidationException;

/**
 * StAX reading shared by the XML formats. The factory refuses DTDs and external entities (no XXE,
 * no entity expansion) and merges CDATA with text; the JDK's own limits bound element depth and
 * name sizes. Records are read one element subtree at a time, so memory follows the largest
 * record, never the file.
 */
final class Xml {
    private Xml() {}

    static XMLStreamReader open(InputStream in) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        try {
            return factory.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    /** Moves to the root element; refuses a document without one. */
    static void toRoot(XMLStreamReader x) {
        try {
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT) {
                    return;
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
        throw new ValidationException("file", "the XML document has no root element");
    }

    /**
     * Reads the subtree of the element the reader is on (a START_ELEMENT) and leaves the reader on its
     * END_ELEMENT. Returns the text of every descendant by dotted path of local names
     * ({@code author.name}), and each descendant's {@code id} attribute as {@code path@id}
     * ({@code thread@id}); the element's own text is under {@code ""}. The first occurrence of a
     * path wins. Text is stripped.
     */
    static Map<String, String> record(XMLStreamReader x) throws XMLStreamException {
        Map<String, String> out = new HashMap<>();
        Deque<String> path = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = x.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    String p = path.isEmpty() ? x.getLocalName() : path.peek() + "." + x.getLocalName();
                    path.push(p);
                    for (int i = 0; i < x.getAttributeCount(); i++) {
                        if ("id".equals(x.getAttributeLocalName(i))) {
                            out.putIfAbsent(p + "@id", x.getAttributeValue(i).strip());
                        }
                    }
                    text.setLength(0);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    text.append(x.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    if (path.isEmpty()) {
                        out.putIfAbsent("", text.toString().strip());
                        return out;
                    }
                    out.putIfAbsent(path.pop(), text.toString().strip());
                    text.setLength(0);
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("unexpected end of document");
                default -> {
                    // comments and processing instructions carry nothing
                }
            }
        }
    }

    /** The {@code id} attribute of the current element, whatever its namespace ({@code dsq:id}). */
    static String idAttribute(XMLStreamReader x) {
        for (int i = 0; i < x.getAttributeCount(); i++) {
            if ("id".equals(x.getAttributeLocalName(i))) {
                return x.getAttributeValue(i).strip();
            }
        }
        return null;
    }

    /**
     * The file's fault as a {@link ValidationException}; a failure of the stream underneath (an
     * unchecked exception the parser wrapped, such as a size limit) is rethrown as it was.
     */
    static ValidationException malformed(XMLStreamException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof RuntimeException unchecked && !(t instanceof IllegalArgumentException)) {
                throw unchecked;
            }
        }
        Location at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
        String message = e.getMessage() == null
                ? "unreadable"
                : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
        return new ValidationException("file", "not well-formed XML" + where + ": " + message.strip());
    }

    static boolean flag(String value) {
        return "true".equalsIgnoreCase(value == null ? "" : value.strip())
                || "1".equals(value == null ? "" : value.strip());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
