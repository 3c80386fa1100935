package org.parley.core.insight;

import org.parley.core.article.ArticleRef;

/**
 * An article ranked by heat: the share of its recent comments that were held, rejected or scored
 * highly uncivil ({@code uncivil >= 0.8}).
 */
public record HeatedArticle(
        ArticleRef article, String title, long comments, long heldOrRejected, long highlyUncivil, double heat) {}
