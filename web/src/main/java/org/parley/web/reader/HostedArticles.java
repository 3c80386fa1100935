package org.parley.web.reader;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.core.article.ArticleRef;

/**
 * Article texts that Parley itself serves (the demo article); other articles live on their host
 * sites and have none. The HTML registered here is written by us and trusted.
 */
@ApplicationScoped
public class HostedArticles {

    private final Map<ArticleRef, String> html = new ConcurrentHashMap<>();

    public void host(ArticleRef ref, String trustedHtml) {
        html.put(ref, trustedHtml);
    }

    public Optional<String> html(ArticleRef ref) {
        return Optional.ofNullable(html.get(ref));
    }
}
