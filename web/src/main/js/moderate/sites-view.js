/**
 * Administrators' sites: the list, a new site, and one site's settings and allowed origins, with
 * its articles below (articles-list.js). Every value shown is the server's; a save sends only what
 * the administrator changed, and the server records it in the audit log.
 */
import { h } from '../shared/dom.js';
import { seg } from '../shared/http.js';
import { ArticlesList } from './articles-list.js';
import { checkField, confirmIn, dataTable, errorBox, formValues, lines, selectField, textField } from './ui.js';

const MODES = [['post', 'Publish first, review after (post-moderation)'], ['pre', 'Hold every comment for review (pre-moderation)']];
const REGISTRATION = [['embed', 'By the widget, from the site’s origins'], ['signed', 'By the widget, with a token the host signs'],
  ['admin', 'By administrators only']];
const UNSCORED = [['flag', 'Publish and flag it'], ['hold', 'Hold it for review']];

/** The list of sites and the form that creates one. */
export class SitesView {
  constructor(app) {
    this.app = app;
    this.done = h('p', { class: 'done', role: 'status', hidden: true });
    this.list = h('div', null, h('p', { role: 'status' }, 'Loading…'));
    const form = h('form', { class: 'admin-form', 'aria-labelledby': 'new-site' },
      h('h2', { id: 'new-site' }, 'New site'),
      h('div', { class: 'grid2' },
        textField('key', 'Key (letters, digits, . _ -; it goes in the embed code)', { required: true, maxlength: 64 }),
        textField('name', 'Name', { required: true, maxlength: 200 })),
      textField('origins', 'Allowed origins, one per line (https://news.example)', { rows: 3 }),
      selectField('moderationMode', 'Moderation', MODES, 'post'),
      checkField('guestsAllowed', 'Guests may comment without signing in', true),
      h('button', { type: 'submit', class: 'primary' }, 'Create site'));
    this.errors = h('div');
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      this.errors.textContent = '';
      const v = formValues(form);
      try {
        const site = await app.api.call('POST', 'admin/sites', { key: v.key, name: v.name, origins: lines(v.origins),
          moderationMode: v.moderationMode, guestsAllowed: v.guestsAllowed });
        location.hash = `#/sites/${site.key}`;
      } catch (err) {
        this.errors.appendChild(errorBox(err));
      }
    });
    this.node = h('section', null, h('h1', null, 'Sites'), this.done, this.list, form, this.errors);
    this.load();
  }

  async load() {
    try {
      const sites = await this.app.api.call('GET', 'admin/sites');
      this.list.textContent = '';
      this.list.appendChild(dataTable('Every site', ['Site', 'Key', 'Moderation', 'Guests', 'Origins'], sites.map((s) => [
        h('a', { href: `#/sites/${s.key}` }, s.name), h('code', null, s.key), s.moderationMode === 'pre' ? 'pre-moderated' : 'post-moderated',
        s.guestsAllowed ? 'allowed' : 'sign-in only', String((s.origins || []).length)])));
    } catch (err) {
      this.list.textContent = '';
      this.list.appendChild(errorBox(err));
    }
  }
}

/** One site: its settings, its origins, its embed code and its articles. */
export class SiteView {
  constructor(app, key) {
    this.app = app;
    this.key = key;
    this.done = h('p', { class: 'done', role: 'status', hidden: true });
    this.body = h('div', null, h('p', { role: 'status' }, 'Loading…'));
    this.title = h('h1', null, `Site ${key}`);
    this.node = h('section', null, h('p', null, h('a', { href: '#/sites' }, '← All sites')), this.title, this.done, this.body);
    this.load();
  }

  get path() {
    return `admin/sites/${seg(this.key)}`;
  }

  async load() {
    try {
      this.show(await this.app.api.call('GET', this.path));
    } catch (err) {
      this.body.textContent = '';
      this.body.appendChild(errorBox(err));
    }
  }

  show(site) {
    this.site = site;
    this.title.textContent = `Site: ${site.name}`;
    this.body.textContent = '';
    this.body.append(this.#settings(site), this.#origins(site), this.#embed(site),
      h('ul', { class: 'site-links' },
        h('li', null, h('a', { href: `#/policy/${seg(site.key)}` }, `Screening policy of ${site.name}`)),
        h('li', null, h('a', { href: `#/sites/${seg(site.key)}/webhooks` }, `Webhooks of ${site.name}`)),
        h('li', null, h('a', { href: `#/sites/${seg(site.key)}/transfers` }, `Import and export: ${site.name}`))),
      new ArticlesList(this.app, site.key).node);
  }

  #settings(site) {
    const errors = h('div');
    const form = h('form', { class: 'admin-form', 'aria-labelledby': 'settings-title' },
      h('h2', { id: 'settings-title' }, 'Settings'),
      textField('name', 'Name', { required: true, maxlength: 200, value: site.name }),
      selectField('moderationMode', 'Moderation', MODES, site.moderationMode),
      checkField('guestsAllowed', 'Guests may comment without signing in', site.guestsAllowed),
      checkField('imagesAllowed', 'Comments may show https images', site.imagesAllowed),
      h('div', { class: 'grid2' },
        textField('editWindowSeconds', 'Edit window (seconds)', { type: 'number', min: '0', max: '2592000', value: String(site.editWindowSeconds) }),
        textField('maxDepth', 'Reply depth shown', { type: 'number', min: '1', max: '20', value: String(site.maxDepth) }),
        textField('maxLength', 'Longest comment (characters)', { type: 'number', min: '1', max: '20000', value: String(site.maxLength) })),
      selectField('articleRegistration', 'Who registers a new article', REGISTRATION, site.articleRegistration),
      selectField('unscoredLanguage', 'A comment in a language the civility model does not score', UNSCORED, site.unscoredLanguage),
      h('button', { type: 'submit', class: 'primary' }, 'Save settings'), errors);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      errors.textContent = '';
      const v = formValues(form), change = {};
      for (const [k, value] of Object.entries(v)) {
        const typed = typeof site[k] === 'number' ? +value : value;
        if (typed !== site[k]) change[k] = typed;
      }
      if (!Object.keys(change).length) {
        confirmIn(this.done, 'Nothing to save: no setting was changed.');
        return;
      }
      try {
        this.show(await this.app.api.call('PATCH', this.path, change));
        confirmIn(this.done, `Settings saved: ${Object.keys(change).join(', ')}.`);
      } catch (err) {
        errors.appendChild(errorBox(err));
      }
    });
    return form;
  }

  #origins(site) {
    const errors = h('div');
    const list = h('ul', { class: 'inline-list' }, (site.origins || []).map((o) => h('li', null, h('code', null, o),
      h('button', { type: 'button', class: 'quiet', 'aria-label': `Remove ${o}`, onclick: () => this.#origin('DELETE', o, errors) }, 'Remove'))));
    const add = textField('origin', 'Add an origin (scheme://host[:port])', { type: 'url', required: true, placeholder: 'https://news.example' });
    const form = h('form', { class: 'admin-form', 'aria-labelledby': 'origins-title' },
      h('h2', { id: 'origins-title' }, 'Allowed origins'),
      h('p', { class: 'muted' }, 'Pages on these origins may embed the comments and register articles.'),
      site.origins && site.origins.length ? list : h('p', null, 'None yet: the widget cannot load anywhere.'),
      add, h('button', { type: 'submit' }, 'Add origin'), errors);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.#origin('POST', add.querySelector('input').value.trim(), errors);
    });
    return form;
  }

  async #origin(method, origin, errors) {
    errors.textContent = '';
    try {
      const site = method === 'POST' ? await this.app.api.call('POST', `${this.path}/origins`, { origin })
        : await this.app.api.call('DELETE', `${this.path}/origins?origin=${encodeURIComponent(origin)}`);
      this.show(site);
      confirmIn(this.done, method === 'POST' ? `Added ${origin}.` : `Removed ${origin}.`);
    } catch (err) {
      errors.appendChild(errorBox(err));
    }
  }

  #embed(site) {
    const base = new URL('..', location.href).href;
    const code = `<script src="${base}widget/parley.js" async></script>\n<parley-comments site="${site.key}" article="ARTICLE-KEY"></parley-comments>`;
    return h('div', null, h('h2', null, 'Embed code'), h('pre', { class: 'typed' }, h('code', null, code)));
  }
}
