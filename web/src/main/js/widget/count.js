/** <parley-count> and Parley.counts: comment counts for many articles of a site in one request per site. */
import { query } from '../shared/http.js';
import { DEFAULT_SITE } from './defaults.js';
import { EN, format, loadCatalog } from './messages.js';
import { readerApi } from './reader-api.js';

const waiting = {};
let flushing = null;
/** Every connected <parley-count>, for the live updates and the periodic refresh. */
const shown = new Set();
/** How often counts without a thread on the page are asked again (cached reads, one request per site). */
const REFRESH_MS = 60000;
let refreshing = null;

function show(e, n) {
  const label = e.getAttribute(n === 1 ? 'one' : 'other'), t = e.catalog || EN;
  e.count = n;
  e.textContent = label ? format(label, { n }) : n === 1 ? t.heading1 : format(t.heading, { n });
}

/** Live: a <parley-comments> on the page says its article's count as its live stream hears it. */
window.addEventListener('parley:count', (ev) => {
  const d = ev.detail || {};
  for (const e of shown) {
    if ((e.getAttribute('site') || DEFAULT_SITE) === d.site && e.getAttribute('article') === d.article) show(e, d.count);
  }
});

function refresh() {
  if (document.visibilityState === 'hidden') return;
  for (const e of shown) (waiting[e.getAttribute('site') || DEFAULT_SITE] ??= []).push(e);
  flushing ??= Promise.resolve().then(flush);
}

/** Comment counts for many articles of one site in one request: resolves to {key: n}. */
export async function counts(site, keys) {
  const r = await readerApi.call('GET', `counts${query({ site, keys: keys.join(',') })}`);
  const d = r.data || {};
  return d.counts || d;
}

function flush() {
  flushing = null;
  for (const site of Object.keys(waiting)) {
    const els = waiting[site];
    delete waiting[site];
    const keys = els.map((e) => e.getAttribute('article')).filter(Boolean);
    counts(site, keys).then((m) => {
      for (const e of els) show(e, m[e.getAttribute('article')] || 0);
    }).catch(() => { /* counts are decoration: leave the host's fallback text */ });
  }
}

/**
 * The number of comments on one article: attributes site, article, optionally one/other ("{n}
 * replies"), and lang (else the page's: the words come from the widget's catalogue). It follows the article's thread live when the page shows it, and is asked again every
 * minute otherwise.
 */
export class ParleyCount extends HTMLElement {
  connectedCallback() {
    const site = this.getAttribute('site') || DEFAULT_SITE;
    // The element's language (its own lang, else the page's): "3 Kommentare" with lang="de".
    const lang = (this.closest('[lang]') || document.documentElement).getAttribute('lang') || 'en';
    loadCatalog(lang.split('-')[0].toLowerCase()).then((t) => {
      this.catalog = t;
      if (this.count != null) show(this, this.count);
    });
    shown.add(this);
    (waiting[site] ??= []).push(this);
    flushing ??= Promise.resolve().then(flush);
    refreshing ??= setInterval(refresh, REFRESH_MS);
  }

  disconnectedCallback() {
    shown.delete(this);
    if (!shown.size && refreshing) {
      clearInterval(refreshing);
      refreshing = null;
    }
  }
}
