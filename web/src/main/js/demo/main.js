/*
 * Demo article page: fetches the demo article (title, byline and the server's sanitised HTML of
 * its text) and fills the page. The comment thread below it is the ordinary widget.
 */
import { setSanitizedHtml } from '../shared/dom.js';
import { JsonApi, seg } from '../shared/http.js';

const meta = (name) => {
  const m = document.querySelector(`meta[name="${name}"]`);
  return m ? m.content : '';
};

async function show() {
  const site = meta('parley-site'), key = meta('parley-article');
  const title = document.getElementById('story-title');
  const byline = document.getElementById('story-byline');
  const body = document.getElementById('story-body');
  try {
    const { data: a } = await new JsonApi('/api/v1/').request('GET', `sites/${seg(site)}/articles/${seg(key)}`);
    title.textContent = a.title || key;
    document.title = `${a.title || key} · The Parley Gazette`;
    byline.textContent = a.author ? `By ${a.author}` : '';
    if (a.publishedAt) {
      const t = document.createElement('time');
      t.dateTime = a.publishedAt;
      t.textContent = new Date(a.publishedAt).toLocaleDateString(undefined, { dateStyle: 'long' });
      byline.append(a.author ? ' · ' : '', t);
    }
    // The article's text comes from the server's sanitiser (safe HTML), like comment bodies; its links are the site's own.
    setSanitizedHtml(body, a.html, { external: false });
    const widget = document.querySelector('parley-comments');
    if (widget && a.url) widget.setAttribute('url', a.url);
    if (widget && a.title) widget.setAttribute('title', a.title);
  } catch {
    title.textContent = 'The article could not be loaded';
    body.textContent = 'Is the Parley server running? The comments below may still load.';
  }
}

show();
