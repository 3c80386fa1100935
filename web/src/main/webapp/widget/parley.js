/*!
 * Parley comment widget. One tag on any page of an allowed site:
 *   <script src="https://parley.example/widget/parley.js" async></script>
 *   <parley-comments site="demo" article="key" url="https://…" title="…"></parley-comments>
 *   <parley-count site="demo" article="key"></parley-count>
 *
 * Guarantees:
 * - Comment bodies are rendered only from the server's sanitised `html` field (setSanitizedHtml);
 *   every other string (names, reasons, previews, nudge spans) goes through text nodes.
 * - Styles live in Shadow DOM: the host page's CSS does not leak in, ours does not leak out.
 *   Hosts theme the widget with the --parley-* custom properties only.
 * - Every control is a native, labelled element reachable by keyboard; status, nudge and
 *   new-comment announcements go through aria-live regions.
 * - The API base is derived from this script's own URL; no other origin is contacted.
 */
(function () {
  'use strict';
  if (window.customElements && customElements.get('parley-comments')) return;

  var script = document.currentScript ||
    document.querySelector('script[src*="/widget/parley.js"]');
  var BASE = new URL('..', script ? script.src : location.href);
  var API = new URL('api/v1/', BASE).href;

  // ---------------------------------------------------------------- messages (English first)
  var EN = {
    heading: '{n} comments', heading1: '1 comment', heading0: 'Comments',
    sortBy: 'Sort by', newest: 'Newest', oldest: 'Oldest', top: 'Top', replies: 'Most replies',
    loadMore: 'Load more comments', loading: 'Loading comments…',
    empty: 'No comments yet. Start the conversation.', retry: 'Try again',
    yourComment: 'Your comment', yourReply: 'Your reply to {name}', editLabel: 'Edit your comment',
    name: 'Your name', chooseName: 'Choose a display name', 'continue': 'Continue',
    post: 'Post comment', postReply: 'Post reply', cancel: 'Cancel', save: 'Save changes',
    preview: 'Preview', previewEmpty: 'Nothing to preview.',
    markdownHint: 'Markdown: *emphasis*, **bold**, [link](https://…), > quote, `code`.',
    chars: '{n} of {max} characters', posting: 'Posting…',
    posted: 'Your comment is published.', saved: 'Your changes were saved.',
    held: 'Your comment is awaiting review.', heldBadge: 'Awaiting review',
    nudgeDefault: 'This may come across as uncivil. Post anyway or edit?',
    postAnyway: 'Post anyway', editIt: 'Edit', reply: 'Reply', replyTo: 'Reply to {name}',
    replyingTo: 'replying to {name}', edit: 'Edit', edited: 'edited', del: 'Delete',
    deletedOwn: 'Your comment was deleted.', confirmDelete: 'Delete your comment? This cannot be undone.',
    gone_deleted: 'This comment was deleted by its author.', gone_removed: 'This comment was removed by a moderator.',
    like: 'Like', likeLabel: 'Like the comment by {name} ({n} likes)',
    report: 'Report', reportLabel: 'Report the comment by {name}', reportTitle: 'Report this comment',
    reportReason: 'Why should a moderator look at it?', reportSend: 'Send report',
    reportDetails: 'Details (optional)', reportDetailsOther: 'Details (required for “Something else”)',
    reported: 'Thank you. A moderator will review the comment.',
    spam: 'Spam or advertising', abusive: 'Abusive or harassing', off_topic: 'Off-topic',
    illegal: 'Illegal content', other: 'Something else',
    featured: 'Featured', featuredBy: 'Featured by the editors',
    newComments: 'Show {n} new comments', newComment: 'Show 1 new comment', newAnnounce: '{n} new comments are available.',
    signedInAs: 'Signed in as {name}', guestNotAllowed: 'Sign in on this site to comment.',
    closed: 'Comments are closed for this article.', nameRequired: 'Please enter a name.',
    notifyMe: 'Email me when someone replies', email: 'Email address',
    emailRequired: 'Please enter an email address for notifications.',
    confirmEmail: 'We sent you an email: confirm your address to receive notifications.',
    bodyRequired: 'Please write a comment first.', error: 'Something went wrong. Please try again.',
    moreReplies: 'Show more replies to {name}', justNow: 'just now'
  };

  var catalogs = { en: EN };


  var pendingCatalogs = {};

  /**
   * The message table for `lang`: English, or English overlaid with widget/i18n/{lang}.js,
   * loaded once as a script (a host page that allows parley.js allows it too; no CORS needed).
   * A missing translation leaves the English text.
   */
  function loadCatalog(lang) {
    if (!/^[a-z]{2,3}$/.test(lang || '') || catalogs[lang]) return Promise.resolve(catalogs[lang] || EN);
    if (!pendingCatalogs[lang]) {
      pendingCatalogs[lang] = new Promise(function (resolve) {
        var s = document.createElement('script');
        s.src = new URL('widget/i18n/' + lang + '.js', BASE).href;
        s.async = true;
        s.onload = s.onerror = function () { resolve(catalogs[lang] || (catalogs[lang] = EN)); };
        document.head.appendChild(s);
      });
    }
    return pendingCatalogs[lang];
  }

  function addMessages(lang, table) {
    catalogs[lang] = Object.assign({}, EN, table);
  }

  function format(text, vars) {
    return String(text).replace(/\{(\w+)\}/g, function (m, k) {
      return vars && vars[k] != null ? String(vars[k]) : m;
    });
  }

  // ---------------------------------------------------------------- DOM helpers (no innerHTML)
  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v == null || v === false) return;
      if (k.slice(0, 2) === 'on') el.addEventListener(k.slice(2), v);
      else if (k === 'text') el.textContent = v;
      else if (k === 'props') Object.assign(el, v);
      else el.setAttribute(k, v === true ? '' : v);
    });
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }

  function append(el, child) {
    if (child == null || child === false) return;
    if (Array.isArray(child)) child.forEach(function (c) { append(el, c); });
    else el.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }

  /**
   * The only place markup from the network enters the DOM: the `html` field of a comment,
   * produced by the server's OWASP policy from the author's Markdown. Never call it with
   * anything else.
   */
  function setSanitizedHtml(el, sanitizedHtml) {
    el.innerHTML = sanitizedHtml || '';
    el.querySelectorAll('a[href]').forEach(function (a) {
      a.setAttribute('target', '_blank');
      a.setAttribute('rel', 'nofollow ugc noopener noreferrer');
    });
  }

  /** Text with the given character spans wrapped in <mark>, built from text nodes only. */
  function highlighted(text, spans) {
    var out = [], at = 0;
    (spans || []).slice().sort(function (a, b) { return a.start - b.start; }).forEach(function (s) {
      if (s.start < at || s.end <= s.start || s.end > text.length) return;
      out.push(text.slice(at, s.start), h('mark', { title: s.attribute || null }, text.slice(s.start, s.end)));
      at = s.end;
    });
    out.push(text.slice(at));
    return out;
  }

  var uid = 0;
  function nextId(prefix) { uid += 1; return 'parley-' + prefix + '-' + uid; }

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return 'k' + Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  // ---------------------------------------------------------------- HTTP
  /** A failed call: `status` is the HTTP status (0 = network), `problem` the RFC 9457 body. */
  function ApiError(status, problem) {
    this.status = status;
    this.problem = problem || {};
    this.message = this.problem.detail || this.problem.title || 'HTTP ' + status;
  }

  function request(method, path, opts) {
    opts = opts || {};
    var headers = { Accept: 'application/json' };
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
    if (opts.auth) Object.assign(headers, opts.auth.headers());
    var retry = function () { return request(method, path, Object.assign({}, opts, { retried: true })); };
    return fetch(API + path, {
      method: method, headers: headers, mode: 'cors', credentials: 'omit',
      // Public pages may be cached for seconds; a reload the reader asked for revalidates (ETag).
      cache: opts.fresh ? 'no-cache' : 'default',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body)
    }).then(function (res) {
      if (res.status === 401 && opts.auth && opts.auth.token() && !opts.retried && !opts.needsToken) {
        opts.auth.drop();
        return retry();
      }
      var type = res.headers.get('Content-Type') || '';
      var parsed = res.status === 204 ? Promise.resolve(null)
        : /json/.test(type) ? res.json() : Promise.resolve(null);
      return parsed.then(function (data) {
        if (!res.ok) throw new ApiError(res.status, data);
        return { status: res.status, data: data };
      });
    }, function () { throw new ApiError(0, null); });
  }

  function query(params) {
    var q = new URLSearchParams();
    Object.keys(params).forEach(function (k) { if (params[k] != null && params[k] !== '') q.set(k, params[k]); });
    var s = q.toString();
    return s ? '?' + s : '';
  }

  function seg(s) { return encodeURIComponent(s); }

  /**
   * Who the reader is, sent as a bearer token. A host-site JWT is exchanged for a reader token
   * kept in memory only (the host signs the reader in on every page view, and signing out there
   * signs out here). A guest's token comes with their first post (or on demand) and is kept per
   * site in this page's localStorage. A token the server refuses is dropped, and the reader goes
   * on anonymously.
   */
  function Auth(site) {
    var key = 'parley.reader.' + site, memory = null, signedIn = null;
    this.token = function () {
      if (signedIn) return signedIn;
      try { return localStorage.getItem(key) || memory; } catch (e) { return memory; }
    };
    this.signedIn = function () { return !!signedIn; };
    this.signIn = function (session) {
      signedIn = session && session.token;
      this.author = session && session.author;
    };
    this.headers = function () {
      var t = this.token();
      return t ? { Authorization: 'Bearer ' + t } : {};
    };
    this.store = function (session) {
      if (!session || !session.token) return;
      memory = session.token;
      this.author = session.author || this.author;
      try { localStorage.setItem(key, session.token); } catch (e) { /* storage disabled: keep it in memory */ }
    };
    this.drop = function () {
      if (signedIn) { signedIn = null; this.author = null; return; }
      memory = null;
      this.author = null;
      try { localStorage.removeItem(key); } catch (e) { /* storage disabled */ }
    };
  }

  // ---------------------------------------------------------------- styles
  var CSS = [
    ':host{display:block;font:var(--parley-font,16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);',
    '--t:var(--parley-text,#1b1b1f);color:var(--t);--a:var(--parley-accent,#0a58ca);--m:var(--parley-muted,#55595f);',
    '--b:var(--parley-border,#c9ccd1);--bg:var(--parley-bg,#fff);--s:var(--parley-surface,#f4f5f7);--oa:var(--parley-on-accent,#fff);',
    '--f:var(--parley-focus,#0a58ca);--w:var(--parley-warn-bg,#fff4ce);--wt:var(--parley-warn,#5c4400);--e:var(--parley-error,#a1131b)}',
    ':host([theme=dark]){--t:var(--parley-text,#ececf0);--a:var(--parley-accent,#8ab4ff);--m:var(--parley-muted,#b4b9c2);',
    '--b:var(--parley-border,#474c55);--bg:var(--parley-bg,#16181d);--s:var(--parley-surface,#252932);--oa:var(--parley-on-accent,#0b1a33);',
    '--f:var(--parley-focus,#8ab4ff);--w:var(--parley-warn-bg,#3a2f00);--wt:var(--parley-warn,#ffe08a);--e:var(--parley-error,#ff9b9b)}',
    ':host([hidden]){display:none}',
    '*{box-sizing:border-box}[hidden]{display:none!important}',
    'section{background:var(--bg);color:inherit}',
    'h2{font-size:1.25em;margin:0 0 .75em}',
    '.bar{display:flex;flex-wrap:wrap;gap:.75em;align-items:center;justify-content:space-between;margin:1em 0}',
    'label{font-weight:600}',
    'select,input,textarea{font:inherit;color:inherit;background:var(--bg);border:1px solid var(--m);border-radius:6px;padding:.4em .55em}',
    'textarea{width:100%;min-height:6em;resize:vertical;display:block}',
    'input[type=text]{width:min(100%,22em);display:block}',
    'input[type=radio]{margin:0 .5em 0 0}',
    'button{font:inherit;cursor:pointer;border-radius:6px;border:1px solid var(--a);background:var(--bg);color:var(--a);padding:.35em .8em}',
    'button.primary{background:var(--a);color:var(--oa)}',
    'button.link{border-color:transparent;background:transparent;padding:.2em .45em;color:var(--m);font-size:.9em}',
    'button.link:hover,button:hover{text-decoration:underline}',
    'button[aria-pressed=true]{color:var(--a);font-weight:600}',
    'button[disabled]{opacity:.6;cursor:not-allowed}',
    ':focus-visible{outline:3px solid var(--f);outline-offset:2px}',
    'article:focus{outline:none}article:focus-visible{outline:3px solid var(--f)}',
    'ol{list-style:none;margin:0;padding:0}',
    '.c{padding:.75em 0;border-top:1px solid var(--b)}',
    '.replies{margin-left:var(--parley-indent,1.5em);padding-left:.75em;border-left:2px solid var(--b)}',
    '.replies .c{border-top:0;padding-bottom:.25em}',
    '.meta{display:flex;flex-wrap:wrap;gap:.25em .6em;align-items:baseline;font-size:.9em;color:var(--m)}',
    '.author{font-weight:700;color:var(--t);font-size:1.05em}',
    '.body{overflow-wrap:anywhere;margin:.3em 0}',
    '.body p{margin:.4em 0}.body blockquote{margin:.4em 0;padding-left:.8em;border-left:3px solid var(--b);color:var(--m)}',
    '.body pre{overflow:auto;background:var(--s);padding:.5em;border-radius:6px}',
    '.body a{color:var(--a)}',
    '.actions{display:flex;flex-wrap:wrap;gap:.25em}',
    '.featured{background:var(--s);border-left:4px solid var(--a);padding-left:.75em}',
    '.badge{display:inline-block;font-size:.8em;font-weight:600;padding:0 .5em;border-radius:1em;background:var(--s);color:var(--t);border:1px solid var(--b)}',
    '.held{opacity:1;border-left:4px dashed var(--wt);padding-left:.75em}',
    'form{margin:.5em 0 1em}',
    '.field{margin:.5em 0}',
    '.hint{font-size:.85em;color:var(--m);margin:.25em 0}',
    '.row{display:flex;flex-wrap:wrap;gap:.5em;align-items:center;margin-top:.5em}',
    '.preview{border:1px dashed var(--b);border-radius:6px;padding:.5em .75em;min-height:6em;white-space:pre-wrap;overflow-wrap:anywhere}',
    '.nudge{background:var(--w);color:var(--wt);border-radius:6px;padding:.75em;margin:.5em 0}',
    '.nudge p{margin:.25em 0}.nudge blockquote{margin:.4em 0;white-space:pre-wrap;color:inherit}',
    'mark{background:#ffd24d;color:#1b1b1f;border-radius:3px;padding:0 .1em}',
    '.status{min-height:1.5em;font-size:.95em}',
    '.status.err{color:var(--e)}',
    '.new{display:block;width:100%;margin:.5em 0}',
    '.more{display:block;margin:1em auto}',
    '.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}',
    'dialog{border:1px solid var(--b);border-radius:8px;max-width:min(32em,92vw);color:inherit;background:var(--bg)}',
    'dialog::backdrop{background:rgba(0,0,0,.4)}',
    'fieldset{border:0;padding:0;margin:0 0 .5em}legend{font-weight:600;margin-bottom:.4em}',
    '.opt{display:flex;align-items:center;margin:.3em 0}.opt label{font-weight:400}',
    '.gone{color:var(--m);font-style:italic;margin:.3em 0}',
    '.preview.rendered{white-space:normal}',
    '@media (prefers-reduced-motion:no-preference){.c.fresh{animation:fade 1.2s ease-out}}',
    '@keyframes fade{from{background:var(--w)}to{background:transparent}}'
  ].join('');

  var REASONS = ['spam', 'abusive', 'off_topic', 'illegal', 'other'];
  var SORTS = ['newest', 'oldest', 'top', 'replies'];
  var PAGE = 20;

  // ---------------------------------------------------------------- <parley-comments>
  /**
   * The comment thread of one article. Attributes: site, article (key), url, title, lang,
   * sort (initial), jwt (host-site sign-in token; also the `jwt` property), embed-token (the host
   * site's signed {article, url, title} for sites that register articles by signed embed), max-depth,
   * theme ("dark" for dark host pages; the --parley-* custom properties override either theme).
   */
  class ParleyComments extends HTMLElement {
    static get observedAttributes() { return ['jwt', 'sort']; }

    get jwt() { return this._jwt || this.getAttribute('jwt') || null; }
    set jwt(v) { this._jwt = v; if (this._ready) this._signIn().then(this.reload.bind(this)); }

    connectedCallback() {
      if (this._root) { this._listen(); return; }
      var self = this;
      this._root = this.attachShadow({ mode: 'open' });
      this._site = this.getAttribute('site') || 'demo';
      this._key = this.getAttribute('article') || location.pathname;
      this._sort = SORTS.indexOf(this.getAttribute('sort')) >= 0 ? this.getAttribute('sort') : 'newest';
      this._maxDepth = Math.max(1, parseInt(this.getAttribute('max-depth'), 10) || 0);
      this._auth = new Auth(this._site);
      this._names = {};
      this._rendered = {};
      this._pendingNew = 0;
      this._settings = {};
      loadCatalog((this.getAttribute('lang') || document.documentElement.lang || 'en').split('-')[0])
        .then(function (t) {
          self._t = t;
          self._build();
          return Promise.all([self._loadSettings(), self._signIn()]);
        })
        .then(function () { self._ready = true; return self.reload(); })
        .then(function () { self._listen(); });
    }

    disconnectedCallback() {
      if (this._events) this._events.close();
      this._events = null;
    }

    attributeChangedCallback(name, old, val) {
      if (!this._ready || old === val) return;
      if (name === 'jwt') { this.jwt = val; return; }
      if (SORTS.indexOf(val) >= 0) { this._sort = val; this._sortSelect.value = val; this.reload(); }
    }
  }

  var P = ParleyComments.prototype;

  P.t = function (key, vars) { return format(this._t[key] != null ? this._t[key] : EN[key], vars); };

  P._path = function (rest) { return 'articles/' + seg(this._key) + (rest || ''); };

  P._loadSettings = function () {
    var self = this;
    return request('GET', 'sites/' + seg(this._site)).then(function (r) { self._settings = r.data || {}; },
      function () { self._settings = {}; }).then(function () {
      if (!self.getAttribute('max-depth')) self._maxDepth = Math.max(1, self._settings.maxDepth || 3);
    });
  };

  /** Exchanges the host site's JWT for a reader token; without one, keeps the stored identity. */
  P._signIn = function () {
    var self = this;
    if (!this.jwt) { this._auth.signIn(null); return Promise.resolve(); }
    return request('POST', 'sites/' + seg(this._site) + '/readers', { body: { jwt: this.jwt } })
      .then(function (r) { self._auth.signIn(r.data); }, function (e) { self._auth.signIn(null); self._fail(e); });
  };

  /** A reader token for actions that need one (react, report); guests pick a name first. */
  P._ensureReader = function (opener) {
    var self = this;
    if (this._auth.token()) return Promise.resolve(true);
    var name = this._guestName();
    var create = function (n) {
      return request('POST', 'sites/' + seg(self._site) + '/readers', { body: { name: n } })
        .then(function (r) { self._auth.store(r.data); self._guestName(n); return true; });
    };
    if (name) return create(name);
    return new Promise(function (resolve, reject) {
      var t = self.t.bind(self), id = nextId('gn'), dlg, done = false;
      var input = h('input', { type: 'text', id: id, required: true, maxlength: '80', autocomplete: 'nickname' });
      var msg = h('div', { class: 'status err', role: 'alert' });
      var form = h('form', { method: 'dialog' },
        h('div', { class: 'field' }, h('label', { for: id }, t('name')), input), msg,
        h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, t('continue')),
          h('button', { type: 'button', onclick: function () { dlg.close(); } }, t('cancel'))));
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        if (!input.value.trim()) { msg.textContent = t('nameRequired'); input.focus(); return; }
        create(input.value.trim()).then(function () { done = true; dlg.close(); },
          function (err) { msg.textContent = err.message; });
      });
      dlg = self._dialog(t('chooseName'), form, opener);
      dlg.addEventListener('close', function () { if (done) resolve(true); else reject(null); });
      input.focus();
    });
  };

  P._build = function () {
    var t = this.t.bind(this), self = this;
    var headingId = nextId('h'), sortId = nextId('sort');
    this._heading = h('h2', { id: headingId, tabindex: '-1' }, t('heading0'));
    this._sortSelect = h('select', { id: sortId, onchange: function () { self._sort = this.value; self.reload(); } },
      SORTS.map(function (s) { return h('option', { value: s, props: { selected: s === self._sort } }, t(s)); }));
    this._status = h('div', { class: 'status live', role: 'status', 'aria-live': 'polite' });
    this._alert = h('div', { class: 'status err', role: 'alert' });
    this._newBtn = h('button', { type: 'button', class: 'new', hidden: true, onclick: function () { self._showNew(); } });
    this._newLive = h('div', { class: 'sr', 'aria-live': 'polite' });
    this._list = h('ol', { class: 'thread', 'aria-labelledby': headingId, 'aria-busy': 'true' });
    this._more = h('button', { type: 'button', class: 'more', hidden: true, onclick: function () { self._loadMore(); } }, t('loadMore'));
    this._composer = h('div');
    this._root.append(
      h('style', { text: CSS }),
      h('section', { 'aria-labelledby': headingId },
        this._heading, this._composer,
        h('div', { class: 'bar' }, h('div', null, h('label', { for: sortId }, t('sortBy')), ' ', this._sortSelect)),
        this._status, this._alert, this._newLive, this._newBtn, this._list, this._more));
  };

  P._say = function (msg) { this._alert.textContent = ''; this._status.textContent = msg; };
  P._fail = function (err) {
    if (!err) return;
    this._status.textContent = '';
    this._alert.textContent = err.status ? err.message : this.t('error');
  };

  /**
   * Loads the first page again (new sort, new identity, or the reader asked for new comments);
   * {@code fresh} revalidates a page the browser may hold for the seconds of its max-age.
   */
  P.reload = function (fresh) {
    var self = this;
    this._say(this.t('loading'));
    this._list.setAttribute('aria-busy', 'true');
    return this._fetchPage(null, fresh).then(function (page) {
      self._list.textContent = '';
      self._rendered = {};
      self._pendingNew = 0;
      self._updateNew();
      self._applyMeta(page);
      self._appendPage(page);
      self._say(page.comments.length ? '' : self.t('empty'));
    }).catch(function (e) {
      self._fail(e);
      self._alert.append(' ', h('button', { type: 'button', class: 'link', onclick: function () { self.reload(true); } }, self.t('retry')));
    }).then(function () { self._list.removeAttribute('aria-busy'); });
  };

  /** One page; an article this site has never seen is registered first (allowed origins only). */
  P._fetchPage = function (cursor, fresh) {
    var self = this;
    var get = function () {
      return request('GET', self._path('/comments') + query({ site: self._site, sort: self._sort, limit: PAGE, cursor: cursor }),
        { auth: self._auth, fresh: fresh }).then(function (r) { return normalisePage(r.data); });
    };
    return get().catch(function (e) {
      if (e.status !== 404 || cursor) throw e;
      return request('PUT', self._path() + query({ site: self._site }), {
        body: { url: self.getAttribute('url') || location.href.split('#')[0], title: self.getAttribute('title') || document.title,
          token: self.getAttribute('embed-token') || undefined }
      }).then(get);
    });
  };

  P._applyMeta = function (page) {
    if (page.article) this._article = page.article;
    this._setTotal(page.total != null ? page.total : this._article && this._article.commentCount);
    this._cursor = page.nextCursor;
    this._more.hidden = !page.nextCursor;
    this._renderComposer();
  };

  P._setTotal = function (n) {
    this._total = n;
    this._heading.textContent = n == null ? this.t('heading0') : n === 1 ? this.t('heading1') : this.t('heading', { n: n });
  };

  P._appendPage = function (page) {
    var before = this._list.children.length;
    this._renderTree(this._list, page.comments, 0, null);
    return this._list.children[before] || null;
  };

  /**
   * Renders comments and their replies into `list`. Replies nest until the depth cap; deeper
   * replies stay at the cap's indentation, each labelled "replying to X".
   */
  P._renderTree = function (list, comments, depth, treeParent) {
    var self = this, cap = this._maxDepth - 1;
    comments.forEach(function (c) {
      var flattened = depth > cap || (treeParent && c.parentId && c.parentId !== treeParent.id);
      var li = self._renderComment(c, Math.min(depth, cap + 1), flattened ? self._names[c.parentId] : null);
      if (!li) return;
      list.appendChild(li);
      if (c.replies.length) {
        self._renderTree(depth < cap ? li.appendChild(h('ol', { class: 'replies' })) : list, c.replies, depth + 1, c);
      }
      if (c.moreReplies) li.appendChild(self._moreRepliesButton(c, li, c.moreReplies));
    });
  };

  /** "Show more replies": the next page of replies below `c`, placed as its own replies would be. */
  P._moreRepliesButton = function (c, li, cursor) {
    var self = this;
    var btn = h('button', { type: 'button', class: 'link more-replies', onclick: function () {
      btn.disabled = true;
      request('GET', 'comments/' + seg(c.id) + '/replies' + query({ site: self._site, cursor: cursor }), { auth: self._auth })
        .then(function (r) {
          var page = normalisePage(r.data), target = self._replyTarget(li), tmp = h('ol');
          self._renderTree(tmp, page.comments, target.depth, c);
          var first = tmp.firstChild;
          while (tmp.firstChild) target.list.insertBefore(tmp.firstChild, target.before);
          btn.remove();
          if (page.nextCursor) li.appendChild(self._moreRepliesButton(c, li, page.nextCursor));
          if (first) first.querySelector('article').focus();
        }).catch(function (e) { btn.disabled = false; self._fail(e); });
    } }, this.t('moreReplies', { name: c.author.name || '' }));
    return btn;
  };

  P._loadMore = function () {
    var self = this;
    this._more.disabled = true;
    this._fetchPage(this._cursor).then(function (page) {
      self._applyMeta(page);
      var first = self._appendPage(page);
      if (first) first.querySelector('article').focus();
    }).catch(function (e) { self._fail(e); }).then(function () { self._more.disabled = false; });
  };

  // ------------------------------------------------------------ rendering one comment
  P._renderComment = function (c, depth, replyingTo) {
    if (this._rendered[c.id] === true) return null;
    if (this._rendered[c.id] === 'announced') { this._pendingNew = Math.max(0, this._pendingNew - 1); this._updateNew(); }
    this._rendered[c.id] = true;
    var t = this.t.bind(this);
    var li = h('li', { class: 'c' + (c.featured ? ' featured' : '') + (c.status === 'held' ? ' held' : '') });
    li.dataset.id = c.id;
    li.dataset.depth = depth;
    if (c.tombstone) {
      li.appendChild(h('article', { tabindex: '-1', 'aria-label': t('gone_' + c.status) }, h('p', { class: 'gone' }, t('gone_' + c.status))));
      return li;
    }
    this._names[c.id] = c.author.name;
    var nameId = nextId('n');
    var body = h('div', { class: 'body' });
    setSanitizedHtml(body, c.html);
    var meta = h('div', { class: 'meta' },
      h('span', { class: 'author', id: nameId }, c.author.name),
      replyingTo ? h('span', null, t('replyingTo', { name: replyingTo })) : null,
      h('time', { datetime: c.createdAt, title: c.createdAt ? new Date(c.createdAt).toLocaleString(this._lang()) : null }, this._ago(c.createdAt)),
      c.editedAt ? h('span', null, '(' + t('edited') + ')') : null,
      c.featured ? h('span', { class: 'badge', title: t('featuredBy') }, t('featured')) : null,
      c.status === 'held' ? h('span', { class: 'badge' }, t('heldBadge')) : null);
    li.appendChild(h('article', { 'aria-labelledby': nameId, tabindex: '-1' }, meta, body,
      c.status === 'held' ? h('p', { class: 'hint' }, t('held')) : null, this._actions(c, li)));
    return li;
  };

  /** Where replies to `li` go: its own nested list below the cap, its own list (after it) at the cap. */
  P._replyTarget = function (li) {
    var depth = +li.dataset.depth;
    if (depth < this._maxDepth - 1) {
      return { list: li.querySelector(':scope > ol') || li.appendChild(h('ol', { class: 'replies' })), before: null, depth: depth + 1 };
    }
    return { list: li.parentNode, before: li.nextSibling, depth: depth + 1 };
  };

  P._actions = function (c, li) {
    var t = this.t.bind(this), self = this, bar = h('div', { class: 'actions' });
    var name = c.author.name;
    if (c.status === 'published' && this._canPost()) {
      bar.appendChild(h('button', { type: 'button', class: 'link', 'aria-expanded': 'false', 'aria-label': t('replyTo', { name: name }),
        onclick: function () { self._toggleReply(c, li, this); } }, t('reply')));
    }
    if (c.status === 'published') {
      var like = h('button', { type: 'button', class: 'link', 'aria-pressed': String(c.reacted),
        'aria-label': t('likeLabel', { name: name, n: c.reactions }),
        onclick: function () { self._react(c, like); } }, t('like') + ' · ' + c.reactions);
      bar.appendChild(like);
      if (!c.mine) bar.appendChild(h('button', { type: 'button', class: 'link', 'aria-haspopup': 'dialog',
        'aria-label': t('reportLabel', { name: name }), onclick: function () { self._report(c, this); } }, t('report')));
    }
    if (c.mine && c.canEdit) bar.appendChild(h('button', { type: 'button', class: 'link',
      onclick: function () { self._edit(c, li, this); } }, t('edit')));
    if (c.mine) bar.appendChild(h('button', { type: 'button', class: 'link', 'aria-haspopup': 'dialog',
      onclick: function () { self._delete(c, li, this); } }, t('del')));
    return bar;
  };

  P._lang = function () { return this.getAttribute('lang') || document.documentElement.lang || 'en'; };

  P._ago = function (iso) {
    if (!iso) return '';
    var s = (Date.now() - new Date(iso).getTime()) / 1000;
    if (s < 45) return this.t('justNow');
    var units = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];
    for (var i = 0; i < units.length; i++) {
      if (s >= units[i][1] || i === units.length - 1) {
        try {
          return new Intl.RelativeTimeFormat(this._lang(), { numeric: 'auto' }).format(-Math.round(s / units[i][1]), units[i][0]);
        } catch (e) { return new Date(iso).toLocaleDateString(); }
      }
    }
    return '';
  };

  // ------------------------------------------------------------ composing
  P._open = function () {
    var a = this._article || {};
    return !a.state || a.state === 'open';
  };

  P._signedIn = function () { return this._auth.signedIn(); };

  P._canPost = function () {
    return this._open() && (this._signedIn() || this._settings.guestsAllowed !== false);
  };

  P._renderComposer = function () {
    var t = this.t.bind(this);
    var state = [this._open(), this._canPost(), this._signedIn(), !!this._auth.token()].join('|');
    if (this._composer.firstChild && this._composerFor === state) return;
    this._composerFor = state;
    this._composer.textContent = '';
    if (!this._open()) { this._composer.appendChild(h('p', null, t('closed'))); return; }
    if (!this._canPost()) { this._composer.appendChild(h('p', null, t('guestNotAllowed'))); return; }
    if (this._signedIn() && this._auth.author) {
      this._composer.appendChild(h('p', { class: 'hint' }, t('signedInAs', { name: this._auth.author.name })));
    }
    this._composer.appendChild(this._form({ label: t('yourComment'), submit: t('post') }));
  };

  /**
   * A post form: guest name (only before the reader has an identity), Markdown textarea with
   * write/preview, and the nudge area. opts: label, submit, parent, initial, edit (the comment
   * being edited), onDone(comment, status), onCancel.
   */
  P._form = function (opts) {
    var t = this.t.bind(this), self = this;
    var max = this._settings.maxLength || 5000;
    var areaId = nextId('body'), hintId = nextId('hint'), countId = nextId('count'), nameId = nextId('name');
    var guest = !opts.edit && !this._auth.token();
    var nameInput = guest ? h('input', { type: 'text', id: nameId, name: 'name', autocomplete: 'nickname',
      maxlength: '80', required: true, props: { value: self._guestName() } }) : null;
    // E-mail notifications: offered when the server sends mail; host-site readers' address comes from their token.
    var external = this._auth.author && this._auth.author.kind === 'external';
    var notifyId = nextId('notify'), emailId = nextId('email');
    var notifyBox = !opts.edit && this._settings.mailNotifications
      ? h('input', { type: 'checkbox', id: notifyId, name: 'notify' }) : null;
    var emailInput = notifyBox && !external ? h('input', { type: 'email', id: emailId, name: 'email', autocomplete: 'email',
      maxlength: '320', props: { value: self._remembered('email') } }) : null;
    var emailField = emailInput ? h('div', { class: 'field', hidden: true }, h('label', { for: emailId }, t('email')), emailInput) : null;
    if (notifyBox && emailField) notifyBox.addEventListener('change', function () { emailField.hidden = !notifyBox.checked; });
    var area = h('textarea', { id: areaId, name: 'body', required: true, maxlength: String(max),
      'aria-describedby': hintId + ' ' + countId, props: { value: opts.initial || '' } });
    var count = h('p', { class: 'hint', id: countId });
    var preview = h('div', { class: 'preview', hidden: true, tabindex: '0', role: 'region', 'aria-label': t('preview') });
    var previewBtn = h('button', { type: 'button', class: 'link', 'aria-pressed': 'false' }, t('preview'));
    var nudge = h('div', { class: 'nudge-live', 'aria-live': 'assertive' });
    var status = h('div', { class: 'status', role: 'status' });
    var submit = h('button', { type: 'submit', class: 'primary' }, opts.submit);
    var updateCount = function () { count.textContent = t('chars', { n: area.value.length, max: max }); };
    area.addEventListener('input', function () { updateCount(); nudge.textContent = ''; });
    updateCount();
    previewBtn.addEventListener('click', function () {
      var on = previewBtn.getAttribute('aria-pressed') !== 'true';
      previewBtn.setAttribute('aria-pressed', String(on));
      area.hidden = on; preview.hidden = !on;
      if (on) self._preview(area.value, preview);
      (on ? preview : area).focus();
    });
    var form = h('form', { novalidate: true, class: opts.parent || opts.edit ? 'inline' : 'main' },
      nameInput ? h('div', { class: 'field' }, h('label', { for: nameId }, t('name')), nameInput) : null,
      h('div', { class: 'field' }, h('label', { for: areaId }, opts.label), area, preview,
        h('p', { class: 'hint', id: hintId }, t('markdownHint')), count),
      notifyBox ? h('div', { class: 'field' }, notifyBox, ' ', h('label', { for: notifyId }, t('notifyMe'))) : null,
      emailField,
      nudge,
      h('div', { class: 'row' }, submit, previewBtn,
        opts.onCancel ? h('button', { type: 'button', onclick: opts.onCancel }, t('cancel')) : null),
      status);
    var send = function (confirm) {
      status.classList.remove('err');
      if (nameInput && !self._auth.token() && !nameInput.value.trim()) {
        status.classList.add('err'); status.textContent = t('nameRequired'); nameInput.focus(); return;
      }
      if (!area.value.trim()) { status.classList.add('err'); status.textContent = t('bodyRequired'); area.focus(); return; }
      var mail = notifyBox && notifyBox.checked ? { notify: true, email: emailInput ? emailInput.value.trim() : '' } : null;
      if (mail && emailInput && !mail.email) {
        status.classList.add('err'); status.textContent = t('emailRequired'); emailInput.focus(); return;
      }
      if (mail && mail.email) self._remembered('email', mail.email);
      submit.disabled = true;
      status.textContent = t('posting');
      if (nameInput) self._guestName(nameInput.value.trim());
      var p = opts.edit ? self._saveEdit(opts.edit, area.value, confirm)
        : self._submit(area.value, opts.parent, nameInput && nameInput.value.trim(), confirm, form, mail);
      p.then(function (res) {
        status.textContent = '';
        if (res.nudge) { self._showNudge(nudge, area, res.nudge, send); return; }
        nudge.textContent = '';
        area.value = ''; updateCount();
        form._key = null;
        if (previewBtn.getAttribute('aria-pressed') === 'true') previewBtn.click();
        if (nameInput && self._auth.token()) nameInput.closest('.field').remove(), nameInput = null;
        if (opts.onDone) opts.onDone(res.comment, res); else self._placeNew(res.comment, null, res);
        if (notifyBox) {
          notifyBox.checked = false;
          if (emailField) emailField.hidden = true;
        }
        if (res.notifications === 'pending-confirmation') status.textContent = t('confirmEmail');
      }).catch(function (e) {
        status.classList.add('err');
        status.textContent = e && e.status ? e.message : t('error');
      }).then(function () { submit.disabled = false; });
    };
    form.addEventListener('submit', function (e) { e.preventDefault(); send(false); });
    return form;
  };

  P._guestName = function (set) {
    return this._remembered('name', set);
  };

  /** A value kept for this site in localStorage (the guest's name, their notification address). */
  P._remembered = function (what, set) {
    var key = 'parley.' + what + '.' + this._site;
    try {
      if (set) localStorage.setItem(key, set);
      return localStorage.getItem(key) || '';
    } catch (e) { return set || ''; }
  };

  P._preview = function (text, box) {
    box.textContent = '';
    box.classList.remove('rendered');
    if (!text.trim()) { box.textContent = this.t('previewEmpty'); return; }
    box.textContent = text;
    request('POST', 'preview' + query({ site: this._site }), { body: { body: text, site: this._site } }).then(function (r) {
      if (r.data && typeof r.data.html === 'string') { box.classList.add('rendered'); setSanitizedHtml(box, r.data.html); }
    }).catch(function () { /* the plain-text preview already shown stays */ });
  };

  /** Posts a comment; resolves to {comment, status, message} or {nudge}. One idempotency key per text. */
  P._submit = function (text, parent, name, confirm, form, mail) {
    var self = this, body = { body: text, parentId: parent ? parent.id : null, confirm: !!confirm };
    if (name && !this._auth.token()) body.author = { name: name };
    if (mail) {
      body.notify = true;
      if (mail.email) body.author = Object.assign(body.author || {}, { email: mail.email });
    }
    var fingerprint = text + '|' + !!confirm + '|' + (parent ? parent.id : '');
    if (!form._key || form._keyText !== fingerprint) { form._key = uuid(); form._keyText = fingerprint; }
    return request('POST', this._path('/comments') + query({ site: this._site }), {
      body: body, idempotencyKey: form._key, auth: this._auth
    }).then(function (r) { return self._outcome(r.data); });
  };

  P._outcome = function (d) {
    d = d || {};
    if (d.reader) this._auth.store(d.reader);
    if (d.nudge) return { nudge: d.nudge };
    return { comment: normaliseComment(d.comment), status: d.status, message: d.message, notifications: d.notifications };
  };

  P._showNudge = function (box, area, nudge, send) {
    var t = this.t.bind(this), titleId = nextId('nudge');
    box.textContent = '';
    var editBtn = h('button', { type: 'button', onclick: function () { box.textContent = ''; area.focus(); } }, t('editIt'));
    box.appendChild(h('div', { class: 'nudge', role: 'group', 'aria-labelledby': titleId },
      h('p', { id: titleId }, nudge.message || t('nudgeDefault')),
      h('blockquote', null, highlighted(area.value, nudge.spans)),
      h('div', { class: 'row' },
        h('button', { type: 'button', class: 'primary', onclick: function () { send(true); } }, t('postAnyway')),
        editBtn)));
    editBtn.focus();
  };

  /** Puts the reader's own new comment where they expect it and announces its state. */
  P._placeNew = function (c, parentLi, res) {
    var target = parentLi ? this._replyTarget(parentLi) : { list: this._list, before: this._list.firstChild, depth: 0 };
    var el = this._renderComment(c, target.depth,
      target.depth > this._maxDepth - 1 ? this._names[parentLi.dataset.id] : null);
    if (el) {
      el.classList.add('fresh');
      target.list.insertBefore(el, target.before);
      el.querySelector('article').focus();
    }
    if (c.status === 'published') this._setTotal((this._total || 0) + 1);
    this._say((res && res.message) || (c.status === 'held' ? this.t('held') : this.t('posted')));
    this._renderComposer();
  };

  P._toggleReply = function (c, li, btn) {
    var self = this, open = li.querySelector(':scope > form');
    if (open) { open.remove(); btn.setAttribute('aria-expanded', 'false'); btn.focus(); return; }
    btn.setAttribute('aria-expanded', 'true');
    var close = function () { form.remove(); btn.setAttribute('aria-expanded', 'false'); };
    var form = this._form({ label: this.t('yourReply', { name: c.author.name }), submit: this.t('postReply'), parent: c,
      onCancel: function () { close(); btn.focus(); },
      onDone: function (reply, res) { close(); self._placeNew(reply, li, res); } });
    li.querySelector('article').after(form);
    form.querySelector('input,textarea').focus();
  };

  P._edit = function (c, li, btn) {
    var self = this, art = li.querySelector('article'), body = art.querySelector('.body');
    if (li.querySelector(':scope > form.inline')) return;
    var close = function () { form.remove(); body.hidden = false; };
    var form = this._form({ label: this.t('editLabel'), submit: this.t('save'), edit: c, initial: c.body != null ? c.body : body.innerText.trim(),
      onCancel: function () { close(); btn.focus(); },
      onDone: function (updated, res) {
        close();
        setSanitizedHtml(body, updated.html);
        Object.assign(c, { body: updated.body, version: updated.version, status: updated.status });
        self._say((res && res.message) || self.t('saved'));
        art.focus();
      } });
    body.hidden = true;
    art.after(form);
    form.querySelector('textarea').focus();
  };

  P._saveEdit = function (c, text, confirm) {
    var self = this;
    return request('PATCH', 'comments/' + seg(c.id) + query({ site: this._site }), {
      body: { body: text, version: c.version, confirm: !!confirm }, auth: this._auth, needsToken: true
    }).then(function (r) { return self._outcome(r.data); });
  };

  P._delete = function (c, li, btn) {
    var self = this;
    this._confirm(this.t('confirmDelete'), this.t('del'), btn).then(function (ok) {
      if (!ok) return;
      request('DELETE', 'comments/' + seg(c.id) + query({ site: self._site }), { auth: self._auth, needsToken: true }).then(function () {
        var next = li.nextElementSibling || li.previousElementSibling;
        li.remove();
        if (c.status === 'published') self._setTotal(Math.max(0, (self._total || 1) - 1));
        self._say(self.t('deletedOwn'));
        (next ? next.querySelector('article') : self._heading).focus();
      }).catch(function (e) { self._fail(e); });
    });
  };

  P._react = function (c, btn) {
    var self = this, on = !c.reacted;
    this._ensureReader(btn).then(function () {
      return request(on ? 'POST' : 'DELETE', 'comments/' + seg(c.id) + '/reactions' + query({ site: self._site }),
        { auth: self._auth, needsToken: true });
    }).then(function (r) {
      c.reacted = r.data && r.data.reacted != null ? r.data.reacted : on;
      c.reactions = r.data && r.data.reactions != null ? r.data.reactions : c.reactions + (on ? 1 : -1);
      btn.setAttribute('aria-pressed', String(c.reacted));
      btn.textContent = self.t('like') + ' · ' + c.reactions;
      btn.setAttribute('aria-label', self.t('likeLabel', { name: c.author.name, n: c.reactions }));
    }).catch(function (e) { self._fail(e); });
  };

  // ------------------------------------------------------------ dialogs
  P._dialog = function (titleText, content, opener) {
    var titleId = nextId('dlg');
    var dlg = h('dialog', { 'aria-labelledby': titleId }, h('h2', { id: titleId }, titleText), content);
    dlg.addEventListener('close', function () { dlg.remove(); if (opener && opener.isConnected) opener.focus(); });
    this._root.appendChild(dlg);
    dlg.showModal();
    return dlg;
  };

  P._confirm = function (message, action, opener) {
    var self = this;
    return new Promise(function (resolve) {
      var result = false, dlg;
      var ok = h('button', { type: 'button', class: 'primary', onclick: function () { result = true; dlg.close(); } }, action);
      dlg = self._dialog(message, h('div', { class: 'row' }, ok,
        h('button', { type: 'button', onclick: function () { dlg.close(); } }, self.t('cancel'))), opener);
      dlg.addEventListener('close', function () { resolve(result); });
      ok.focus();
    });
  };

  P._report = function (c, opener) {
    var self = this;
    this._ensureReader(opener).then(function () { self._reportDialog(c, opener); }, function (e) { self._fail(e); });
  };

  P._reportDialog = function (c, opener) {
    var t = this.t.bind(this), self = this, group = nextId('r'), detailsId = nextId('d'), dlg;
    var details = h('textarea', { id: detailsId, maxlength: '500', rows: '3' });
    var detailsLabel = h('label', { for: detailsId }, t('reportDetails'));
    var msg = h('div', { class: 'status err', role: 'alert' });
    var options = REASONS.map(function (r, i) {
      var id = group + '-' + r;
      return h('div', { class: 'opt' },
        h('input', { type: 'radio', name: group, id: id, value: r, props: { checked: i === 0 },
          onchange: function () { detailsLabel.textContent = t(r === 'other' ? 'reportDetailsOther' : 'reportDetails'); } }),
        h('label', { for: id }, t(r)));
    });
    var form = h('form', { method: 'dialog' },
      h('fieldset', null, h('legend', null, t('reportReason')), options),
      h('div', { class: 'field' }, detailsLabel, details), msg,
      h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, t('reportSend')),
        h('button', { type: 'button', onclick: function () { dlg.close(); } }, t('cancel'))));
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var reason = form.querySelector('input[type=radio]:checked').value;
      if (reason === 'other' && !details.value.trim()) { msg.textContent = t('reportDetailsOther'); details.focus(); return; }
      request('POST', 'comments/' + seg(c.id) + '/reports' + query({ site: self._site }), {
        body: { reason: reason, text: details.value.trim() || null }, auth: self._auth, needsToken: true
      }).then(function () { dlg.close(); self._say(t('reported')); })
        .catch(function (err) { msg.textContent = err && err.status ? err.message : t('error'); });
    });
    dlg = this._dialog(t('reportTitle'), form, opener);
    form.querySelector('input').focus();
  };

  // ------------------------------------------------------------ live updates
  P._listen = function () {
    if (!window.EventSource || this._events) return;
    var self = this;
    var es = new EventSource(API + this._path('/events') + query({ site: this._site }));
    var section = this._root.querySelector('section');
    this._events = es;
    // data-live tells the host page (and tests) whether new comments will be announced.
    es.addEventListener('count', function () { section.dataset.live = 'open'; });
    es.addEventListener('error', function () { section.dataset.live = 'reconnecting'; });
    es.addEventListener('comment', function (ev) {
      var d;
      try { d = JSON.parse(ev.data || '{}'); } catch (e) { return; }
      if (d.id == null || self._rendered[d.id]) return;
      self._rendered[d.id] = 'announced';
      self._pendingNew += 1;
      self._updateNew();
    });
  };

  P._updateNew = function () {
    var n = this._pendingNew;
    this._newBtn.hidden = n === 0;
    if (!n) { this._newLive.textContent = ''; return; }
    this._newBtn.textContent = n === 1 ? this.t('newComment') : this.t('newComments', { n: n });
    this._newLive.textContent = this.t('newAnnounce', { n: n });
  };

  P._showNew = function () {
    var self = this;
    if (this._sort !== 'newest') { this._sort = 'newest'; this._sortSelect.value = 'newest'; }
    this.reload(true).then(function () { var a = self._list.querySelector('article'); (a || self._heading).focus(); });
  };

  // ---------------------------------------------------------------- response shapes
  function normaliseComment(c) {
    c = c || {};
    var status = String(c.status || 'published').toLowerCase();
    return {
      id: c.id, parentId: c.parentId || null, html: c.html || '', body: c.body || null,
      author: { id: c.author ? c.author.id : null, name: c.author ? c.author.name : '' },
      tombstone: status === 'deleted' || status === 'removed',
      createdAt: c.createdAt, editedAt: c.editedAt || null, status: status,
      featured: !!c.featured, reactions: c.reactions || 0, reacted: !!c.reacted,
      mine: !!c.mine, canEdit: !!c.canEdit, version: c.version,
      moreReplies: c.moreRepliesCursor || null,
      replies: (c.replies || []).map(normaliseComment)
    };
  }

  function normalisePage(d) {
    d = d || {};
    return {
      comments: (d.comments || []).map(normaliseComment),
      nextCursor: d.nextCursor || null, total: d.total, article: d.article || null
    };
  }

  customElements.define('parley-comments', ParleyComments);

  // ---------------------------------------------------------------- <parley-count> and Parley.counts
  var countQueue = {};
  var countTimer = null;

  /** Comment counts for many articles of one site in one request: resolves to {key: n}. */
  function counts(site, keys) {
    return request('GET', 'counts' + query({ site: site, keys: keys.join(',') })).then(function (r) {
      var d = r.data || {};
      return d.counts || d;
    });
  }

  class ParleyCount extends HTMLElement {}
  ParleyCount.prototype.connectedCallback = function () {
    var site = this.getAttribute('site') || 'default';
    (countQueue[site] = countQueue[site] || []).push(this);
    if (!countTimer) countTimer = Promise.resolve().then(flushCounts);
  };

  function flushCounts() {
    countTimer = null;
    Object.keys(countQueue).forEach(function (site) {
      var els = countQueue[site];
      delete countQueue[site];
      var keys = els.map(function (e) { return e.getAttribute('article'); }).filter(Boolean);
      counts(site, keys).then(function (m) {
        els.forEach(function (e) {
          var n = m[e.getAttribute('article')] || 0;
          var label = e.getAttribute(n === 1 ? 'one' : 'other');
          e.textContent = label ? format(label, { n: n }) : n === 1 ? EN.heading1 : format(EN.heading, { n: n });
        });
      }).catch(function () { /* counts are decoration: leave the host's fallback text */ });
    });
  }

  customElements.define('parley-count', ParleyCount);
  window.Parley = Object.freeze({ counts: counts, addMessages: addMessages, apiBase: API });
})();
