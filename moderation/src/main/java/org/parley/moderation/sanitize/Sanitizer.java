package org.parley.moderation.sanitize;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.owasp.html.HtmlChangeListener;
import org.owasp.html.PolicyFactory;

/**
 * Turns what a reader typed into {@link SafeHtml}: Markdown (CommonMark, with bare URLs linked
 * and single line breaks kept) rendered to HTML, then the comment policy over the whole result.
 * HTML typed inside the Markdown reaches the policy like any other markup, so what it removes is
 * reported. Immutable and thread-safe; build one per configuration and share it.
 */
public final class Sanitizer {

    private static final List<Extension> EXTENSIONS = List.of(AutolinkExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

    private static final Sanitizer WITHOUT_IMAGES = new Sanitizer(false);
    private static final Sanitizer WITH_IMAGES = new Sanitizer(true);

    private final HtmlRenderer renderer;
    private final PolicyFactory policy;

    @TCB // chooses the policy
    private Sanitizer(boolean imagesAllowed) {
        HtmlRenderer.Builder builder = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .softbreak("<br>\n")
                .sanitizeUrls(true)
                .nodeRendererFactory(HeadingAsParagraph::new);
        if (!imagesAllowed) {
            builder.nodeRendererFactory(ImageAsLink::new);
        }
        this.renderer = builder.build();
        this.policy = imagesAllowed ? CommentHtmlPolicy.COMMENTS_WITH_HTTPS_IMAGES : CommentHtmlPolicy.COMMENTS;
    }

    /** The default sanitiser: no images (a Markdown image becomes a link to it). */
    public static Sanitizer standard() {
        return WITHOUT_IMAGES;
    }

    /** A sanitiser that also keeps images with absolute https sources, for sites that allow them. */
    public static Sanitizer allowingHttpsImages() {
        return WITH_IMAGES;
    }

    /** The sanitiser for a site setting. */
    public static Sanitizer forSite(boolean allowImages) {
        return allowImages ? WITH_IMAGES : WITHOUT_IMAGES;
    }

    /**
     * Renders and sanitises one input.
     *
     * @param markdown what the reader typed, Markdown or HTML
     * @throws NullPointerException if {@code markdown} is null
     */
    @TCB // all of the renderer's output, and nothing else, goes through the policy
    public Sanitized sanitize(String markdown) {
        Node document = PARSER.parse(markdown);
        Sanitized result = sanitizeHtml(renderer.render(document));
        RemovedMarkup removed = result.removed();
        if (!removed.isEmpty() && !removed.scriptCapable() && hasScriptDestination(document)) {
            // Markdown's own URL check already blanked the address, so only the source shows the attempt.
            return new Sanitized(result.html(), new RemovedMarkup(removed.elements(), removed.attributes(), true));
        }
        return result;
    }

    /**
     * Sanitises HTML as it is, without Markdown rendering: for HTML that did not come from a
     * reader's Markdown, such as an import from another comment system.
     *
     * @throws NullPointerException if {@code html} is null
     */
    @TCB // the one place SafeHtml is created, from the policy's output
    public Sanitized sanitizeHtml(String html) {
        Recorder recorder = new Recorder();
        String safe = policy.sanitize(html, recorder, null);
        RemovedMarkup removed = recorder.result();
        if (!removed.isEmpty() && ScriptScout.finds(html)) {
            removed = new RemovedMarkup(removed.elements(), removed.attributes(), true);
        }
        return new Sanitized(new SafeHtml(safe, countLinks(safe), hasVisibleContent(safe)), removed);
    }

    /** Whether a Markdown link or image points at a script URL ({@code [x](javascript:...)}). */
    private static boolean hasScriptDestination(Node document) {
        boolean[] found = new boolean[1];
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                found[0] |= ScriptScout.hasScriptScheme(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                found[0] |= ScriptScout.hasScriptScheme(image.getDestination());
                visitChildren(image);
            }
        });
        return found[0];
    }

    private static int countLinks(String html) {
        int count = 0;
        for (int i = html.indexOf("<a "); i >= 0; i = html.indexOf("<a ", i + 3)) {
            count++;
        }
        return count;
    }

    /** Text outside tags that is not white space, or an image. Tags are the policy's own output. */
    private static boolean hasVisibleContent(String html) {
        if (html.contains("<img ")) {
            return true;
        }
        boolean inTag = false;
        char quote = 0;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (inTag) {
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    inTag = false;
                }
            } else if (c == '<') {
                inTag = true;
            } else if (c == '&') {
                int end = html.indexOf(';', i);
                String entity = end > i ? html.substring(i, end + 1) : "";
                if (!entity.equals("&nbsp;") && !entity.equals("&#160;")) {
                    return true;
                }
                i = end;
            } else if (!Character.isWhitespace(c) && c != '\u00A0') {
                return true;
            }
        }
        return false;
    }

    /** Collects the change listener's reports for one input. */
    private static final class Recorder implements HtmlChangeListener<Object> {
        private final Set<String> elements = new LinkedHashSet<>();
        private final Set<String> attributes = new LinkedHashSet<>();

        @Override
        public void discardedTag(Object context, String elementName) {
            elements.add(elementName.toLowerCase(Locale.ROOT));
        }

        @Override
        public void discardedAttributes(Object context, String tagName, String... attributeNames) {
            for (String attribute : attributeNames) {
                attributes.add(tagName.toLowerCase(Locale.ROOT) + "@" + attribute.toLowerCase(Locale.ROOT));
            }
        }

        RemovedMarkup result() {
            return elements.isEmpty() && attributes.isEmpty()
                    ? RemovedMarkup.NONE
                    : new RemovedMarkup(new ArrayList<>(elements), new ArrayList<>(attributes), false);
        }
    }

    /** Markdown headings become a bold paragraph: a comment has no document outline. */
    private static final class HeadingAsParagraph implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        HeadingAsParagraph(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Heading.class);
        }

        @Override
        public void render(Node node) {
            HtmlWriter html = context.getWriter();
            html.line();
            html.tag("p");
            html.tag("strong");
            renderChildren(context, node);
            html.tag("/strong");
            html.tag("/p");
            html.line();
        }
    }

    /** Where images are not allowed, a Markdown image becomes a link to it, labelled with its text. */
    private static final class ImageAsLink implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        ImageAsLink(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            String url = image.getDestination();
            if (context.shouldSanitizeUrls()) {
                url = context.urlSanitizer().sanitizeImageUrl(url);
            }
            HtmlWriter html = context.getWriter();
            html.tag("a", context.extendAttributes(node, "a", Map.of("href", context.encodeUrl(url))));
            if (image.getFirstChild() == null) {
                html.text(image.getDestination());
            } else {
                renderChildren(context, node);
            }
            html.tag("/a");
        }
    }

    private static void renderChildren(HtmlNodeRendererContext context, Node parent) {
        for (Node child = parent.getFirstChild(); child != null; ) {
            Node next = child.getNext();
            context.render(child);
            child = next;
        }
    }
}
