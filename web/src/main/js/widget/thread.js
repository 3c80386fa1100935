/**
 * <parley-comments>: the comment thread of one article. Attributes: site, article (key), url,
 * title, lang, sort (initial), jwt (host-site sign-in token; also the `jwt` property), embed-token
 * (the host site's signed {article, url, title} for sites that register articles by signed embed),
 * max-depth, theme ("dark" for dark host pages; the --parley-* custom properties override either).
 *
 * This class loads pages, lays out the tree and follows live updates; CommentCards renders one
 * comment and its actions, Composer the post and edit forms, Dialogs the modal dialogs.
 */
import { h, nextId } from '../shared/dom.js';
import { query, seg } from '../shared/http.js';
import { CommentCards } from './comment-cards.js';
import { Composer } from './composer.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_SITE, PAGE_SIZE, SORTS } from './defaults.js';

/** How often the reader's own held comments are asked after (only while there are some, and the page is seen). */
const HELD_POLL_MS = 15000;
import { Dialogs } from './dialogs.js';
import { EN, format, loadCatalog } from './messages.js';
import { normalisePage } from './model.js';
import { moreRepliesButton } from './more-replies.js';
import { goToComment, linkedId } from './permalink.js';
import { Auth, ReaderApi, SiteMemory } from './reader-api.js';
import { Unread } from './unread.js';
import { API, BASE } from './base.js';
import { CSS } from './styles.js';

export class ParleyComments extends HTMLElement {
  static get observedAttributes() {
    return ['jwt', 'sort'];
  }

  get jwt() {
    return this._jwt || this.getAttribute('jwt') || null;
  }

  set jwt(v) {
    this._jwt = v;
    if (this._ready) this._signIn().then(() => this.reload());
  }

  connectedCallback() {
    if (this._root) {
      this._listen();
      return;
    }
    this._root = this.attachShadow({ mode: 'open' });
    this._site = this.getAttribute('site') || DEFAULT_SITE;
    this._key = this.getAttribute('article') || location.pathname;
    this._sort = SORTS.includes(this.getAttribute('sort')) ? this.getAttribute('sort') : 'newest';
    this._maxDepth = Math.max(1, parseInt(this.getAttribute('max-depth'), 10) || 0);
    this._lang = this.getAttribute('lang') || document.documentElement.lang || 'en';
    this._api = new ReaderApi(API, this._lang);
    this._auth = new Auth(this._site);
    this._memory = new SiteMemory(this._site);
    this._names = {};
    /** The reader's own held comments on the page, asked after until a moderator decides. */
    this._heldOwn = new Set();
    this._rendered = {};
    this._pendingNew = 0;
    this._settings = {};
    this._cards = new CommentCards(this);
    this._compose = new Composer(this);
    this._dialogs = new Dialogs(this);
    this._unread = new Unread(this);
    this._start();
  }

  disconnectedCallback() {
    if (this._events) this._events.close();
    this._events = null;
    clearInterval(this._heldTimer);
    this._heldTimer = null;
    if (this._onHash) window.removeEventListener('hashchange', this._onHash);
  }

  attributeChangedCallback(name, old, val) {
    if (!this._ready || old === val) return;
    if (name === 'jwt') {
      this.jwt = val;
      return;
    }
    if (SORTS.includes(val)) {
      this._sort = val;
      this._sortSelect.value = val;
      this.reload();
    }
  }

  async _start() {
    this._t = await loadCatalog(this._lang.split('-')[0].toLowerCase());
    this._build();
    await Promise.all([this._loadSettings(), this._signIn()]);
    this._ready = true;
    await this.reload();
    this._onHash = () => {
      const id = linkedId(location.hash);
      if (id) goToComment(this, id);
    };
    this._listen();
    this._onHash();
  }

  /** The message `key` in the reader's language, with {name} placeholders filled from `vars`. */
  t(key, vars) {
    return format(this._t[key] != null ? this._t[key] : EN[key], vars);
  }

  _path(rest) {
    return `articles/${seg(this._key)}${rest || ''}`;
  }

  async _loadSettings() {
    try {
      this._settings = (await this._api.call('GET', `sites/${seg(this._site)}`)).data || {};
    } catch {
      this._settings = {};
    }
    if (!this.getAttribute('max-depth')) this._maxDepth = Math.max(1, this._settings.maxDepth || DEFAULT_MAX_DEPTH);
  }

  /** Exchanges the host site's JWT for a reader token; without one, keeps the stored identity. */
  async _signIn() {
    if (!this.jwt) {
      this._auth.signIn(null);
      return;
    }
    try {
      const r = await this._api.call('POST', `sites/${seg(this._site)}/readers`, { body: { jwt: this.jwt } });
      this._auth.signIn(r.data);
    } catch (e) {
      this._auth.signIn(null);
      this._fail(e);
    }
  }

  _build() {
    const t = this.t.bind(this);
    const headingId = nextId('h'), sortId = nextId('sort');
    this._heading = h('h2', { id: headingId, tabindex: '-1' }, t('heading0'));
    this._sortSelect = h('select', { id: sortId, onchange: (e) => { this._sort = e.currentTarget.value; this.reload(); } },
      SORTS.map((s) => h('option', { value: s, props: { selected: s === this._sort } }, t(s))));
    this._status = h('div', { class: 'status live', role: 'status', 'aria-live': 'polite' });
    this._alert = h('div', { class: 'status err', role: 'alert' });
    this._newBtn = h('button', { type: 'button', class: 'new', hidden: true, onclick: () => this._showNew() });
    this._newLive = h('div', { class: 'sr', 'aria-live': 'polite' });
    this._list = h('ol', { class: 'thread', 'aria-labelledby': headingId, 'aria-busy': 'true' });
    this._more = h('button', { type: 'button', class: 'more', hidden: true, onclick: () => this._loadMore() }, t('loadMore'));
    this._composerBox = h('div');
    this._root.append(
      h('style', { text: CSS }),
      h('section', { 'aria-labelledby': headingId },
        this._heading, this._composerBox,
        h('div', { class: 'bar' }, h('div', null, h('label', { for: sortId }, t('sortBy')), ' ', this._sortSelect)),
        this._status, this._alert, this._newLive, this._newBtn, this._unread.button, this._list, this._more));
  }

  _say(msg) {
    this._alert.textContent = '';
    this._status.textContent = msg;
  }

  _fail(err) {
    if (!err) return;
    this._status.textContent = '';
    this._alert.textContent = err.status ? err.message : this.t('error');
  }

  /**
   * Loads the first page again (new sort, new identity, or the reader asked for new comments);
   * `fresh` revalidates a page the browser may hold for the seconds of its max-age.
   */
  async reload(fresh) {
    this._say(this.t('loading'));
    this._list.setAttribute('aria-busy', 'true');
    try {
      const page = await this._fetchPage(null, fresh);
      this._list.textContent = '';
      this._rendered = {};
      this._pendingNew = 0;
      this._updateNew();
      this._applyMeta(page);
      this._appendPage(page);
      this._unread.update();
      this._say(page.comments.length ? '' : this.t('empty'));
    } catch (e) {
      if (e.status === 0 && await this._api.reachable(`sites/${seg(this._site)}`)) {
        this._originRefused();
      } else {
        this._fail(e);
        this._alert.append(' ', h('button', { type: 'button', class: 'link', onclick: () => this.reload(true) }, this.t('retry')));
      }
    }
    this._list.removeAttribute('aria-busy');
  }

  /**
   * The server answers, but not to this page: its origin is not one of the site's (or there is no
   * such site). Said on the page and, for whoever is embedding the widget, in the console with the
   * link to the site's settings.
   */
  _originRefused() {
    const admin = new URL(`moderate/#/sites/${encodeURIComponent(this._site)}`, BASE).href;
    const vars = { origin: location.origin, site: this._site };
    this._status.textContent = '';
    this._alert.textContent = '';
    this._alert.append(this.t('originRefused', vars), ' ', h('a', { href: admin, target: '_blank', rel: 'noopener' }, this.t('originAdmin')));
    console.error(`Parley: this page's origin ${location.origin} is not an allowed origin of the site "${this._site}" `
      + `(or there is no such site), so the server refuses it the comments. An administrator adds the origin at ${admin}`);
  }

  /** One page; an article this site has never seen is registered first (allowed origins only). */
  async _fetchPage(cursor, fresh) {
    const get = async () => {
      const params = { site: this._site, sort: this._sort, limit: PAGE_SIZE, cursor };
      const r = await this._api.call('GET', this._path('/comments') + query(params), { auth: this._auth, fresh });
      return normalisePage(r.data);
    };
    try {
      return await get();
    } catch (e) {
      if (e.status !== 404 || cursor) throw e;
      await this._api.call('PUT', this._path() + query({ site: this._site }), {
        body: {
          url: this.getAttribute('url') || location.href.split('#')[0], title: this.getAttribute('title') || document.title,
          token: this.getAttribute('embed-token') || undefined,
        },
      });
      return get();
    }
  }

  _applyMeta(page) {
    if (page.article) this._article = page.article;
    this._setTotal(page.total != null ? page.total : this._article && this._article.commentCount);
    this._cursor = page.nextCursor;
    this._more.hidden = !page.nextCursor;
    this._compose.render();
  }

  _setTotal(n) {
    this._total = n;
    this._heading.textContent = n == null ? this.t('heading0') : n === 1 ? this.t('heading1') : this.t('heading', { n });
  }

  _appendPage(page) {
    const before = this._list.children.length;
    this._renderTree(this._list, page.comments, 0, null);
    return this._list.children[before] || null;
  }

  /**
   * Renders comments and their replies into `list`. Replies nest until the depth cap; deeper
   * replies stay at the cap's indentation, each labelled "replying to X".
   */
  _renderTree(list, comments, depth, treeParent) {
    const cap = this._maxDepth - 1;
    for (const c of comments) {
      const flattened = depth > cap || (treeParent && c.parentId && c.parentId !== treeParent.id);
      const li = this._cards.render(c, Math.min(depth, cap + 1), flattened ? this._names[c.parentId] : null);
      if (!li) continue;
      list.appendChild(li);
      if (c.replies.length) {
        this._renderTree(depth < cap ? li.appendChild(h('ol', { class: 'replies' })) : list, c.replies, depth + 1, c);
      }
      if (c.moreReplies) li.appendChild(moreRepliesButton(this, c, li, c.moreReplies));
    }
  }

  /** The next page of root comments; focus moves to its first unless `quiet` (a permalink looks further). */
  async _loadMore(quiet) {
    this._more.disabled = true;
    try {
      const page = await this._fetchPage(this._cursor);
      this._applyMeta(page);
      const first = this._appendPage(page);
      if (first && !quiet) first.querySelector('article').focus();
    } catch (e) {
      this._fail(e);
    }
    this._more.disabled = false;
  }

  /** A top-level comment a permalink leads to that no loaded page holds: shown first; returns its list item. */
  _placeLinked(c) {
    const tmp = h('ol');
    this._renderTree(tmp, [c], 0, null);
    const li = tmp.firstChild;
    if (li) this._list.insertBefore(li, this._list.firstChild);
    return li;
  }

  /** Puts the reader's own new comment where they expect it and announces its state. */
  _placeNew(c, parentLi, res) {
    const target = parentLi ? this._replyTarget(parentLi) : { list: this._list, before: this._list.firstChild, depth: 0 };
    const el = this._cards.render(c, target.depth, target.depth > this._maxDepth - 1 ? this._names[parentLi.dataset.id] : null);
    if (el) {
      el.classList.add('fresh');
      target.list.insertBefore(el, target.before);
      el.querySelector('article').focus();
    }
    if (c.status === 'published') this._setTotal((this._total || 0) + 1);
    this._say('');
    this._cards.note(el, (res && res.message) || (c.status === 'held' ? this.t('held') : this.t('posted')));
    this._compose.render();
  }

  /** Where replies to `li` go: its own nested list below the cap, its own list (after it) at the cap. */
  _replyTarget(li) {
    const depth = +li.dataset.depth;
    if (depth < this._maxDepth - 1) {
      return { list: li.querySelector(':scope > ol') || li.appendChild(h('ol', { class: 'replies' })), before: null, depth: depth + 1 };
    }
    return { list: li.parentNode, before: li.nextSibling, depth: depth + 1 };
  }

  // ------------------------------------------------------------ live updates
  _listen() {
    if (this._onHash) {
      window.removeEventListener('hashchange', this._onHash);
      window.addEventListener('hashchange', this._onHash);
    }
    this._heldTimer ??= setInterval(() => this._cards.askHeld(), HELD_POLL_MS);
    if (!window.EventSource || this._events) return;
    const es = new EventSource(this._api.url(this._path('/events') + query({ site: this._site })));
    const section = this._root.querySelector('section');
    this._events = es;
    // data-live tells the host page (and tests) whether new comments will be announced.
    es.addEventListener('count', (ev) => {
      section.dataset.live = 'open';
      try {
        this._announceCount(JSON.parse(ev.data || '{}').count);
      } catch {
        /* a malformed event changes nothing */
      }
    });
    es.addEventListener('error', () => { section.dataset.live = 'reconnecting'; });
    // A held comment of this article was turned down: if it is ours, the status answer says why.
    es.addEventListener('decided', () => { this._cards.askHeld(); });
    es.addEventListener('comment', (ev) => {
      let d;
      try {
        d = JSON.parse(ev.data || '{}');
      } catch {
        return;
      }
      if (d.count != null) this._announceCount(d.count);
      if (d.id != null && this._rendered[d.id] === true && this._cards.decided(d.id)) return;
      if (d.id == null || this._rendered[d.id]) return;
      this._rendered[d.id] = 'announced';
      this._pendingNew += 1;
      this._updateNew();
    });
  }

  /** Tells the page's <parley-count> elements of this article its number of comments (count.js listens). */
  _announceCount(n) {
    if (typeof n !== 'number') return;
    window.dispatchEvent(new CustomEvent('parley:count', { detail: { site: this._site, article: this._key, count: n } }));
  }

  _updateNew() {
    const n = this._pendingNew;
    this._newBtn.hidden = n === 0;
    if (!n) {
      this._newLive.textContent = '';
      return;
    }
    this._newBtn.textContent = n === 1 ? this.t('newComment') : this.t('newComments', { n });
    this._newLive.textContent = this.t('newAnnounce', { n });
  }

  async _showNew() {
    if (this._sort !== 'newest') {
      this._sort = 'newest';
      this._sortSelect.value = 'newest';
    }
    await this.reload(true);
    const a = this._list.querySelector('article');
    (a || this._heading).focus();
  }
}
