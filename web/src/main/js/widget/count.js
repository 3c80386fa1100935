/** <parley-count> and Parley.counts: comment counts for many articles of a site in one request per site. */
import { query } from '../shared/http.js';
import { DEFAULT_SITE } from './defaults.js';
import { EN, format } from './messages.js';
import { readerApi } from './reader-api.js';

const waiting = {};
let flushing = null;

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
      for (const e of els) {
        const n = m[e.getAttribute('article')] || 0;
        const label = e.getAttribute(n === 1 ? 'one' : 'other');
        e.textContent = label ? format(label, { n }) : n === 1 ? EN.heading1 : format(EN.heading, { n });
      }
    }).catch(() => { /* counts are decoration: leave the host's fallback text */ });
  }
}

/** The number of comments on one article: attributes site, article, and optionally one/other ("{n} replies"). */
export class ParleyCount extends HTMLElement {
  connectedCallback() {
    const site = this.getAttribute('site') || DEFAULT_SITE;
    (waiting[site] ??= []).push(this);
    flushing ??= Promise.resolve().then(flush);
  }
}
