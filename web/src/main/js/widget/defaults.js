/**
 * The widget's defaults, one value each, the same as the server's (core SiteSettings.defaults()
 * and docs/api.md). A site's own settings from GET /sites/{site} replace them once loaded.
 */

/** The site of an element without a `site` attribute: the demo site the server creates. */
export const DEFAULT_SITE = 'demo';

/** Nesting depth before replies are flattened, when the site's settings cannot be read. */
export const DEFAULT_MAX_DEPTH = 5;

/** Longest comment in characters, when the site's settings cannot be read. */
export const DEFAULT_MAX_LENGTH = 5000;

/** Root comments per page. */
export const PAGE_SIZE = 20;

/** Orders a reader may choose, the default first. */
export const SORTS = ['newest', 'oldest', 'top', 'replies'];

/** Reasons a reader may give for a report (the server's report reasons, in the order shown). */
export const REPORT_REASONS = ['spam', 'abusive', 'off_topic', 'illegal', 'other'];
