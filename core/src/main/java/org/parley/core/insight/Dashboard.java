package org.parley.core.insight;

import java.util.List;

/**
 * Figures for a site's moderation dashboard over the last {@code days} days.
 *
 * @param perDay       one entry per day, oldest first, days without comments included
 * @param heldRate     share of the period's comments now held (0..1)
 * @param rejectedRate share of the period's comments now rejected (0..1)
 */
public record Dashboard(
        int days, List<DayCount> perDay, long total, double heldRate, double rejectedRate, List<HeatedArticle> heated) {
    public Dashboard {
        perDay = List.copyOf(perDay);
        heated = List.copyOf(heated);
    }
}
