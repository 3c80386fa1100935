/**
 * A site's articles for administrators: open, close or archive each discussion, and pre-moderate
 * one article or let it follow its site. Each change is saved at once and confirmed.
 */
import { h, nextId } from '../shared/dom.js';
import { query, seg } from '../shared/http.js';
import { confirmIn, errorBox, scrollBox, when } from './ui.js';

const STATES = [['open', 'Open'], ['closed', 'Closed (readable, no new comments)'], ['archived', 'Archived']];
const MODES = [['site', 'As the site'], ['pre', 'Hold every comment'], ['post', 'Publish first']];

export class ArticlesList {
  constructor(app, site) {
    this.app = app;
    this.site = site;
    this.cursor = null;
    this.tbody = h('tbody');
    this.status = h('p', { class: 'status', role: 'status' });
    this.done = h('p', { class: 'done', hidden: true });
    this.more = h('button', { type: 'button', class: 'more', hidden: true, onclick: () => this.load() }, 'More articles');
    this.node = h('section', { 'aria-labelledby': 'articles-title' },
      h('h2', { id: 'articles-title' }, 'Articles'), this.done,
      scrollBox('Table of articles', h('table', { class: 'articles' },
        h('caption', { class: 'sr' }, 'Articles of the site, the earliest first'),
        h('thead', null, h('tr', null, ['Article', 'Comments', 'Registered', 'Discussion', 'Moderation']
          .map((t) => h('th', { scope: 'col' }, t)))), this.tbody)),
      this.status, this.more);
    this.load();
  }

  async load() {
    this.status.textContent = 'Loading…';
    try {
      const d = await this.app.api.call('GET', `admin/sites/${seg(this.site)}/articles${query({ cursor: this.cursor, limit: 50 })}`);
      (d.items || []).forEach((a) => this.tbody.appendChild(this.#row(a)));
      this.cursor = d.nextCursor;
      this.more.hidden = !this.cursor;
      this.status.textContent = this.tbody.children.length ? '' : 'No article yet: the widget registers them as readers open them.';
    } catch (err) {
      this.status.textContent = '';
      this.status.appendChild(errorBox(err));
    }
  }

  #row(a) {
    const title = a.title || a.key;
    const state = this.#select(STATES, a.state, `Discussion of ${title}`, (value) => ({ state: value }), a);
    const mode = this.#select(MODES, a.ownModerationMode || 'site', `Moderation of ${title}`, (value) => ({ moderationMode: value }), a);
    return h('tr', null,
      h('td', null, a.url ? h('a', { href: a.url, target: '_blank', rel: 'noopener noreferrer' }, title) : title,
        h('span', { class: 'excerpt muted' }, a.key)),
      h('td', null, String(a.commentCount)), h('td', null, when(a.createdAt)), h('td', null, state), h('td', null, mode));
  }

  /** A select that saves its value when changed, and returns to the saved value when the server refuses. */
  #select(options, value, label, body, article) {
    const id = nextId('art');
    let saved = value;
    const select = h('select', { id, 'aria-label': label, onchange: async () => {
      try {
        const changed = await this.app.api.call('PATCH', `admin/sites/${seg(this.site)}/articles/${seg(article.key)}`, body(select.value));
        saved = select.value;
        const how = changed.moderationMode === 'pre' ? 'every comment is held' : 'comments are published first';
        confirmIn(this.done, `Saved. ${label}: ${options.find(([v]) => v === saved)[1]}; discussion ${changed.state}, ${how}.`);
      } catch (err) {
        select.value = saved;
        select.after(errorBox(err));
      }
    } }, options.map(([v, l]) => h('option', { value: v, props: { selected: v === value } }, l)));
    return select;
  }
}
