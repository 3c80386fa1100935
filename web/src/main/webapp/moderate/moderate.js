/*
 * Parley moderation console: sign-in, review queues with live counts, decisions singly, in bulk
 * and by keyboard, the audit log, the dashboard and the policy dry run.
 *
 * Guarantees:
 * - Same-origin only; the session cookie is HttpOnly, and every write carries the CSRF token the
 *   server returned with the moderator's identity.
 * - Untrusted strings (comment text as typed, names, titles, notes) enter the DOM as text nodes.
 *   The one exception is a comment's `html`, which the server's sanitiser produced
 *   (showSanitizedHtml).
 * - Every control is a native labelled element; keyboard shortcuts only add speed, they never
 *   replace a visible control, and they are off while typing or while a dialog is open.
 */
(function () {
  'use strict';

  var API = new URL('../api/v1/', location.href).href;
  var QUEUES = ['held', 'reported', 'unmoderated', 'approved', 'rejected'];
  var QUEUE_LABEL = { held: 'Held', reported: 'Reported', unmoderated: 'Unmoderated', approved: 'Approved', rejected: 'Rejected' };
  var REASONS = [['incivility', 'Incivility'], ['personal_attack', 'Personal attack'], ['spam', 'Spam'],
    ['off_topic', 'Off-topic'], ['illegal', 'Illegal content'], ['other', 'Other']];
  /** What a moderator may do to a comment in each status (the core state machine's moves). */
  var ALLOWED = {
    held: ['approve', 'reject'],
    published: ['approve', 'reject', 'remove', 'feature', 'unfeature'],
    rejected: ['approve'],
    removed: ['approve']
  };
  /** The bulk actions each queue offers (a queue is a query over statuses and reports). */
  var BULK = {
    held: ['approve', 'reject'], unmoderated: ['approve', 'reject', 'remove'], reported: ['approve', 'remove', 'reject'],
    approved: ['remove', 'reject'], rejected: ['approve']
  };
  var BULK_LABEL = { approve: 'Approve selected', reject: 'Reject selected…', remove: 'Remove selected…' };
  function allowed(status, action) { return (ALLOWED[status] || []).indexOf(action) >= 0; }
  var ACTION_DONE = { approve: 'Approved', reject: 'Rejected', feature: 'Featured', unfeature: 'Unfeatured', remove: 'Removed' };

  var main = document.getElementById('main');
  var announceBox = document.getElementById('announce');
  var me = null;
  var counts = {};
  /** The site the console is narrowed to ('' = every site the account may moderate). */
  var site = sessionStorage.getItem('parley.moderate.site') || '';
  var events = null;
  var view = null;

  // ---------------------------------------------------------------- DOM
  function el(tag, props) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      var v = props[k];
      if (v === null || v === undefined || v === false) return;
      if (k === 'text') node.textContent = v;
      else if (k.indexOf('on') === 0) node.addEventListener(k.slice(2), v);
      else if (k === 'dataset') Object.assign(node.dataset, v);
      else if (k in node && typeof v !== 'string') node[k] = v;
      else node.setAttribute(k, v === true ? '' : v);
    });
    Array.prototype.slice.call(arguments, 2).forEach(function add(c) {
      if (c === null || c === undefined || c === false) return;
      if (Array.isArray(c)) c.forEach(add);
      else node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    });
    return node;
  }

  /** Only for the `html` of a comment, which the server's OWASP policy produced. */
  function showSanitizedHtml(node, sanitizedHtml) {
    node.innerHTML = sanitizedHtml || '';
    node.querySelectorAll('a[href]').forEach(function (a) { a.rel = 'nofollow ugc noopener noreferrer'; a.target = '_blank'; });
  }

  /** `text` with the character ranges of `spans` marked, as text nodes and <mark> elements. */
  function marked(text, spans) {
    var parts = [], pos = 0;
    (spans || []).slice().sort(function (x, y) { return x.start - y.start; }).forEach(function (s) {
      if (s.start < pos || s.end > text.length || s.end <= s.start) return;
      parts.push(text.slice(pos, s.start));
      parts.push(el('mark', { title: s.attribute + (s.weight != null ? ' ' + s.weight.toFixed(2) : '') }, text.slice(s.start, s.end)));
      pos = s.end;
    });
    parts.push(text.slice(pos));
    return parts;
  }

  var idSeq = 0;
  function newId(p) { idSeq += 1; return p + '-' + idSeq; }

  function announce(msg) {
    announceBox.textContent = '';
    setTimeout(function () { announceBox.textContent = msg; }, 30);
  }

  function when(iso) {
    if (!iso) return '';
    var d = new Date(iso);
    return el('time', { datetime: iso }, d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
  }

  function pct(x) { return x == null ? '–' : Math.round(x * 100) + '%'; }

  // ---------------------------------------------------------------- HTTP
  function Problem(status, body) {
    this.status = status;
    this.body = body || {};
    this.message = this.body.detail || this.body.title || (status ? 'HTTP ' + status : 'The server cannot be reached.');
  }

  function api(method, path, body) {
    var headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && me) headers[me.csrfHeader || 'X-CSRF-Token'] = me.csrfToken;
    return fetch(API + path, { method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (res) {
        var json = /json/.test(res.headers.get('Content-Type') || '') ? res.json() : Promise.resolve(null);
        return json.then(function (data) {
          if (res.status === 401 && path.indexOf('auth/') !== 0) { signedOut(); }
          if (!res.ok) throw new Problem(res.status, data);
          return data;
        });
      }, function () { throw new Problem(0, null); });
  }

  /** A query string of the parameters that have a value ('' when none has). */
  function qs(params) {
    var q = String(new URLSearchParams(Object.entries(params).filter(function (e) { return e[1] != null && e[1] !== ''; })));
    return q && '?' + q;
  }

  function errorBox(err) { return el('p', { class: 'error', role: 'alert' }, err.message); }

  // ---------------------------------------------------------------- sign-in
  function showLogin(message) {
    stopEvents();
    document.getElementById('sections').hidden = true;
    document.getElementById('who').hidden = true;
    var user = el('input', { id: 'login-user', name: 'username', autocomplete: 'username', required: true });
    var pass = el('input', { id: 'login-pass', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    var msg = el('p', { class: 'error', role: 'alert' }, message || '');
    var button = el('button', { type: 'submit', class: 'primary' }, 'Sign in');
    var form = el('form', { class: 'login', 'aria-labelledby': 'login-title' },
      el('h1', { id: 'login-title' }, 'Sign in to moderate'),
      el('div', { class: 'field' }, el('label', { for: 'login-user' }, 'Username'), user),
      el('div', { class: 'field' }, el('label', { for: 'login-pass' }, 'Password'), pass),
      msg, button);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      msg.textContent = '';
      button.disabled = true;
      api('POST', 'auth/login', { username: user.value.trim(), password: pass.value })
        .then(function (who) { signedIn(who); })
        .catch(function (err) {
          msg.textContent = err.status === 401 ? 'Wrong username or password.' : err.message;
          pass.value = '';
          pass.focus();
        })
        .then(function () { button.disabled = false; });
    });
    main.textContent = '';
    main.appendChild(form);
    user.focus();
  }

  function signedIn(who) {
    me = who;
    if (who.site) site = who.site;
    document.getElementById('who-name').textContent = (who.name || who.username) + ' (' + who.role + ')';
    document.getElementById('sections').hidden = false;
    document.getElementById('who').hidden = false;
    startEvents();
    if (!location.hash || location.hash === '#/login') location.hash = '#/queue/held';
    else route();
  }

  function signedOut() {
    if (!me) return;
    me = null;
    showLogin('Your session has ended. Please sign in again.');
  }

  document.getElementById('sign-out').addEventListener('click', function () {
    api('POST', 'auth/logout').catch(function () { /* the session is gone either way */ }).then(function () {
      me = null;
      showLogin('You are signed out.');
    });
  });

  // ---------------------------------------------------------------- live counts
  function startEvents() {
    refreshCounts();
    if (!window.EventSource || events) return;
    events = new EventSource(API + 'moderation/events' + qs({ site: site }), { withCredentials: true });
    events.addEventListener('counts', function (e) {
      try { setCounts(JSON.parse(e.data)); } catch (err) { /* a malformed event changes nothing */ }
    });
  }

  function stopEvents() { if (events) events.close(); events = null; }

  /** Narrows the console to one site (or to all, with ''): counts, queues, audit and dashboard follow. */
  function chooseSite(key) {
    if (key === site) return;
    site = key;
    sessionStorage.setItem('parley.moderate.site', key);
    counts = {};
    stopEvents();
    startEvents();
  }

  function refreshCounts() {
    return api('GET', 'moderation/queues' + qs({ site: site })).then(function (d) { setCounts(d.counts || {}); }, function () { /* shown on next load */ });
  }

  function setCounts(c) {
    counts = Object.assign({}, counts, c);
    document.querySelectorAll('[data-count]').forEach(function (n) {
      var q = n.dataset.count;
      n.textContent = counts[q] == null ? '' : String(counts[q]);
    });
    if (view && view.onCounts) view.onCounts(counts);
  }

  // ---------------------------------------------------------------- routing
  function route() {
    if (!me) return;
    var parts = location.hash.replace(/^#\/?/, '').split('/');
    var section = parts[0] || 'queue';
    document.querySelectorAll('#sections a').forEach(function (a) {
      if (a.dataset.section === section) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    });
    main.textContent = '';
    view = null;
    if (section === 'audit') view = auditView();
    else if (section === 'dashboard') view = dashboardView();
    else if (section === 'policy') view = policyView();
    else view = queueView(QUEUES.indexOf(parts[1]) >= 0 ? parts[1] : 'held');
    main.appendChild(view.node);
    var h1 = main.querySelector('h1');
    if (h1 && document.activeElement !== document.body) { h1.setAttribute('tabindex', '-1'); h1.focus(); }
  }

  window.addEventListener('hashchange', route);

  // ---------------------------------------------------------------- dialogs
  /**
   * A modal form: fields is a list of elements; resolves with the form's values on submit,
   * null on cancel. Focus returns to where it was.
   */
  function ask(title, fields, submitLabel, destructive) {
    return new Promise(function (resolve) {
      var opener = document.activeElement, titleId = newId('dlg'), result = null;
      var form = el('form', { method: 'dialog' }, fields,
        el('div', { class: 'row' },
          el('button', { type: 'submit', class: destructive ? 'danger' : 'primary' }, submitLabel),
          el('button', { type: 'button', onclick: function () { dlg.close(); } }, 'Cancel')));
      var dlg = el('dialog', { 'aria-labelledby': titleId }, el('h2', { id: titleId }, title), form);
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        if (!form.reportValidity()) return;
        result = {};
        new FormData(form).forEach(function (v, k) { result[k] = typeof v === 'string' ? v.trim() : v; });
        dlg.close();
      });
      dlg.addEventListener('close', function () {
        dlg.remove();
        if (opener && opener.isConnected) opener.focus();
        resolve(result);
      });
      document.body.appendChild(dlg);
      dlg.showModal();
      var first = form.querySelector('select,input,textarea');
      if (first) first.focus();
    });
  }

  function reasonFields(withNote) {
    var rid = newId('reason'), nid = newId('note');
    return [
      el('div', { class: 'field' }, el('label', { for: rid }, 'Reason'),
        el('select', { id: rid, name: 'reason', required: true },
          REASONS.map(function (r) { return el('option', { value: r[0] }, r[1]); }))),
      withNote === false ? null : el('div', { class: 'field' }, el('label', { for: nid }, 'Note for the audit log (optional)'),
        el('textarea', { id: nid, name: 'note', rows: 3, maxlength: 1000 }))
    ];
  }

  function textField(name, label, attrs) {
    var id = newId(name);
    return el('div', { class: 'field' }, el('label', { for: id }, label),
      el(attrs && attrs.rows ? 'textarea' : 'input', Object.assign({ id: id, name: name }, attrs || {})));
  }

  // ---------------------------------------------------------------- queue
  function queueView(queue) {
    var state = { queue: queue, cursor: null, items: [], cards: [], sort: queue === 'reported' ? 'reports' : 'oldest', article: '' };
    var tabs = el('ul', { class: 'tabs' }, QUEUES.map(function (q, i) {
      return el('li', null, el('a', { href: '#/queue/' + q, 'aria-current': q === queue ? 'page' : null, 'aria-keyshortcuts': String(i + 1) },
        QUEUE_LABEL[q], ' ', el('span', { class: 'count', dataset: { count: q } }, counts[q] == null ? '' : String(counts[q]))));
    }));
    var sortId = newId('sort'), articleId = newId('article'), siteId = newId('site');
    var siteInput = el('input', { id: siteId, type: 'search', placeholder: 'all sites', value: site, disabled: !!(me && me.site) });
    var orders = [['oldest', 'Oldest first'], ['newest', 'Newest first'], ['score', 'Most uncivil first']];
    // Reports by brand-new guest identities weigh less, so a handful of minted guests cannot top this order.
    if (queue === 'reported') orders.unshift(['reports', 'Most weighty reports first']);
    var sort = el('select', { id: sortId }, orders.map(function (o) { return el('option', { value: o[0], selected: o[0] === state.sort }, o[1]); }));
    var article = el('input', { id: articleId, type: 'search', placeholder: 'article key' });
    var filters = el('form', { class: 'filters', role: 'search', 'aria-label': 'Filter the queue' },
      el('div', { class: 'field inline' }, el('label', { for: sortId }, 'Order'), sort),
      el('div', { class: 'field inline' }, el('label', { for: siteId }, 'Site'), siteInput),
      el('div', { class: 'field inline' }, el('label', { for: articleId }, 'Article'), article),
      el('button', { type: 'submit' }, 'Apply'));
    filters.addEventListener('submit', function (e) {
      e.preventDefault();
      errors.textContent = '';
      if (article.value.trim() && !siteInput.value.trim()) {
        errors.appendChild(el('p', { class: 'error', role: 'alert' }, 'An article key needs its site.'));
        siteInput.focus();
        return;
      }
      chooseSite(siteInput.value.trim());
      state.sort = sort.value;
      state.article = article.value.trim();
      load(true);
    });
    sort.addEventListener('change', function () { state.sort = sort.value; load(true); });

    var all = el('input', { type: 'checkbox', id: newId('all') });
    var selectedInfo = el('span', { class: 'muted', 'aria-live': 'polite' });
    var bulk = el('div', { class: 'bulk', role: 'group', 'aria-label': 'Bulk actions' },
      el('span', { class: 'check' }, all, el('label', { for: all.id }, 'Select all')),
      BULK[queue].map(function (action) {
        return el('button', { type: 'button', onclick: function () { bulkDecide(action); } }, BULK_LABEL[action]);
      }),
      selectedInfo);
    all.addEventListener('change', function () {
      state.cards.forEach(function (c) { c.check.checked = all.checked; });
      updateSelection();
    });
    var status = el('div', { class: 'status', role: 'status' });
    var errors = el('div');
    var list = el('ol', { class: 'cards', 'aria-label': QUEUE_LABEL[queue] + ' comments' });
    var more = el('button', { type: 'button', class: 'more', hidden: true, onclick: function () { load(false); } }, 'Load more');
    var changed = el('button', { type: 'button', class: 'changed', hidden: true, onclick: function () { load(true); } });
    var changedLive = el('div', { class: 'sr', 'aria-live': 'polite' });
    var node = el('section', { class: 'queue' },
      el('h1', null, QUEUE_LABEL[queue] + ' comments'),
      el('nav', { 'aria-label': 'Queues' }, tabs), filters, bulk, status, errors, changedLive, changed, list, more);
    setCounts({});

    function selected() { return state.cards.filter(function (c) { return c.check.checked; }); }
    function updateSelection() {
      var n = selected().length;
      selectedInfo.textContent = n ? n + ' selected' : '';
      all.checked = n > 0 && n === state.cards.length;
      all.indeterminate = n > 0 && n < state.cards.length;
    }

    function load(reset) {
      if (reset) { state.cursor = null; state.cards = []; list.textContent = ''; }
      status.textContent = 'Loading…';
      errors.textContent = '';
      api('GET', 'moderation/queues/' + queue + qs({ site: site, sort: state.sort, article: state.article, cursor: state.cursor, limit: 25 }))
        .then(function (d) {
          state.known = state.article ? null : d.count;
          changed.hidden = true;
          changedLive.textContent = '';
          if (d.count != null && !state.article) { var c = {}; c[queue] = d.count; setCounts(c); }
          state.cursor = d.nextCursor;
          more.hidden = !d.nextCursor;
          (d.items || []).forEach(function (it) { var card = renderCard(it); state.cards.push(card); list.appendChild(card.node); });
          status.textContent = state.cards.length ? '' : 'Nothing here. The queue is clear.';
          updateSelection();
        })
        .catch(function (err) { status.textContent = ''; errors.appendChild(errorBox(err)); });
    }

    function renderCard(it) {
      var c = it.comment, a = it.author || {}, s = it.screening || {};
      var card = { item: it, id: c.id };
      var titleId = newId('card');
      card.check = el('input', { type: 'checkbox', id: newId('sel'), 'aria-label': 'Select the comment by ' + (a.name || 'unknown'),
        onchange: updateSelection });
      var body = el('div', { class: 'body' });
      showSanitizedHtml(body, c.html);
      var raw = el('details', { class: 'raw', open: !!(s.spans && s.spans.length) }, el('summary', null, 'As typed, with the spans that drove the scores'),
        el('p', { class: 'typed' }, marked(c.body || '', s.spans)));
      var history = el('div', { class: 'history', hidden: true });
      var featureBtn = el('button', { type: 'button', onclick: function () { decide(card, c.featured ? 'unfeature' : 'feature'); } },
        c.featured ? 'Unfeature' : 'Feature');
      var actions = el('div', { class: 'actions', role: 'group', 'aria-label': 'Decide on this comment' },
        c.status !== 'published' || (it.reports || []).length ? el('button', { type: 'button', class: 'primary', 'aria-keyshortcuts': 'a',
          onclick: function () { decide(card, 'approve'); } }, c.status === 'published' ? 'Keep (dismiss reports)' : 'Approve') : null,
        allowed(c.status, 'reject') ? el('button', { type: 'button', 'aria-keyshortcuts': 'r', onclick: function () { decide(card, 'reject'); } }, 'Reject…') : null,
        c.status === 'published' ? featureBtn : null,
        allowed(c.status, 'remove') ? el('button', { type: 'button', 'aria-keyshortcuts': 'd', onclick: function () { decide(card, 'remove'); } }, 'Remove…') : null,
        el('button', { type: 'button', class: 'quiet', 'aria-keyshortcuts': 's', onclick: function () { suspend(card); } }, 'Suspend author…'),
        el('button', { type: 'button', class: 'quiet danger-text', 'aria-keyshortcuts': 'b', onclick: function () { ban(card); } }, 'Ban author…'),
        el('button', { type: 'button', class: 'quiet', 'aria-expanded': 'false', 'aria-keyshortcuts': 'h', onclick: function () { toggleHistory(card, this, history); } }, 'Author history'));
      card.node = el('li', { class: 'card' + (c.featured ? ' featured' : '') },
        el('article', { 'aria-labelledby': titleId, tabindex: '-1', dataset: { id: c.id } },
          el('header', null,
            el('span', { class: 'check' }, card.check),
            el('h2', { id: titleId }, a.name || 'Unknown author'),
            el('span', { class: 'standing standing-' + (a.standing || 'active') }, a.standing || 'active',
              a.suspendedUntil ? el('span', null, ' until ', when(a.suspendedUntil)) : null),
            el('span', { class: 'muted' }, (a.kind || 'guest') + ' · ' + (a.approved || 0) + ' approved · ' + (a.rejected || 0) + ' rejected',
              a.since ? el('span', null, ' · since ', when(a.since)) : null),
            el('span', { class: 'muted' }, when(c.createdAt))),
          el('p', { class: 'where' }, 'On ', it.article ? el('a', { href: it.article.url || '#', rel: 'noopener noreferrer', target: '_blank' }, it.article.title || it.article.key) : 'unknown article',
            c.featured ? el('span', { class: 'tag' }, 'Featured') : null,
            el('span', { class: 'tag' }, c.status)),
          it.parent ? el('blockquote', { class: 'parent' }, el('p', { class: 'muted' }, 'In reply to ' + (it.parent.author || 'a deleted comment') + ':'),
            el('p', null, it.parent.excerpt || '')) : null,
          body, raw,
          scores(s),
          s.sanitizerRemoved && s.sanitizerRemoved.length ? el('p', { class: 'removed' }, el('strong', null, 'Sanitiser removed: '),
            s.sanitizerRemoved.join(', ')) : null,
          it.reports && it.reports.length ? el('div', { class: 'reports' }, el('h3', null, it.reports.length + (it.reports.length === 1 ? ' report' : ' reports')),
            el('ul', null, it.reports.map(function (r) { return el('li', null, el('strong', null, r.reason), r.text ? ': ' + r.text : '', ' ', el('span', { class: 'muted' }, when(r.at), r.weight < 1 ? ' · new identity, counts ' + r.weight : '')); }))) : null,
          actions, history));
      card.node.querySelector('article').addEventListener('focus', function () { state.current = card; });
      return card;
    }

    function scores(s) {
      if (!s || (!s.scores && s.uncivil == null)) return null;
      var rows = [];
      if (s.uncivil != null) rows.push(['uncivil (overall)', s.uncivil]);
      Object.keys(s.scores || {}).filter(function (k) { return !(k === 'uncivil' && s.uncivil != null); }).sort(function (x, y) { return s.scores[y] - s.scores[x]; }).forEach(function (k) { rows.push([k.replace(/_/g, ' '), s.scores[k]]); });
      return el('div', { class: 'scores' },
        el('p', null, el('strong', null, 'Screening: '),
          s.reasons && s.reasons.length ? s.reasons.join(', ') : 'no reason recorded'),
        el('dl', null, rows.slice(0, 9).map(function (r) {
          return [el('dt', null, r[0]), el('dd', null,
            el('meter', { min: '0', max: '1', low: '0.4', high: '0.7', optimum: '0', value: String(r[1]), 'aria-label': r[0] + ' ' + pct(r[1]) }),
            ' ' + pct(r[1]))];
        })));
    }

    /** Live counts from the server: offer a reload when the queue changed under the moderator. */
    function onCounts(c) {
      if (state.known == null || c[queue] == null || c[queue] === state.known) return;
      changed.textContent = 'The queue has changed (' + c[queue] + ' now). Reload';
      if (changed.hidden) changedLive.textContent = 'The ' + QUEUE_LABEL[queue].toLowerCase() + ' queue has changed.';
      changed.hidden = false;
    }

    function after(card, it, action) {
      var a = card.item.author || {};
      announce(ACTION_DONE[action] + ' the comment by ' + (a.name || 'unknown') + '.');
      var stays = it && it.comment && queueHolds(queue, it);
      if (stays) {
        var fresh = renderCard(it);
        card.node.replaceWith(fresh.node);
        state.cards[state.cards.indexOf(card)] = fresh;
        fresh.node.querySelector('article').focus();
        return;
      }
      var i = state.cards.indexOf(card);
      if (state.known != null) state.known -= 1;
      state.cards.splice(i, 1);
      card.node.remove();
      var next = state.cards[i] || state.cards[i - 1];
      if (next) next.node.querySelector('article').focus(); else { status.textContent = 'Nothing here. The queue is clear.'; node.querySelector('h1').focus(); }
      updateSelection();
    }

    function reasonFor(action, n) {
      if (action !== 'reject' && action !== 'remove') return Promise.resolve({});
      var what = n > 1 ? n + ' comments' : 'this comment';
      return ask((action === 'reject' ? 'Reject ' : 'Remove ') + what, reasonFields(), action === 'reject' ? 'Reject' : 'Remove', true);
    }

    function decide(card, action) {
      var status = card.item.comment.status;
      if (!allowed(status, action)) {
        announce('A ' + status + ' comment cannot be ' + (ACTION_DONE[action] || action).toLowerCase() + '.');
        return;
      }
      reasonFor(action, 1).then(function (r) {
        if (!r) return;
        return api('POST', 'moderation/comments/' + encodeURIComponent(card.id) + '/decisions',
          { action: action, reason: r.reason || null, note: r.note || null, revision: card.item.comment.revision })
          .then(function (it) { after(card, it, action); refreshCounts(); });
      }).catch(function (err) { announce(err.message); card.node.querySelector('.actions').after(errorBox(err)); });
    }

    function bulkDecide(action) {
      var chosen = selected();
      if (!chosen.length) { announce('Select comments first (x or the checkboxes).'); return; }
      if (BULK[queue].indexOf(action) < 0) { announce((ACTION_DONE[action] || action) + ' is not offered in this queue.'); return; }
      reasonFor(action, chosen.length).then(function (r) {
        if (!r) return;
        return api('POST', 'moderation/decisions', { ids: chosen.map(function (c) { return c.id; }), action: action, reason: r.reason || null, note: r.note || null })
          .then(function (d) {
            var failed = (d.results || []).filter(function (x) { return !x.ok; });
            var ok = (d.results || []).length - failed.length;
            announce(ACTION_DONE[action] + ' ' + ok + ' comment' + (ok === 1 ? '' : 's') + (failed.length ? '; ' + failed.length + ' failed' : '') + '.');
            refreshCounts();
            load(true);
          });
      }).catch(function (err) { status.textContent = err.message; });
    }

    function suspend(card) {
      var a = card.item.author || {};
      ask('Suspend ' + (a.name || 'this author'), [
        textField('days', 'Days', { type: 'number', min: '1', max: '365', value: '7', required: true }),
        textField('reason', 'Reason', { rows: 2, required: true, maxlength: 500 })], 'Suspend', true)
        .then(function (r) {
          if (!r) return;
          return api('POST', 'moderation/authors/' + encodeURIComponent(a.id) + '/suspension', { days: +r.days, reason: r.reason })
            .then(function (author) { announce('Suspended ' + (a.name || 'the author') + ' for ' + r.days + ' days.'); updateAuthor(a.id, author); });
        }).catch(function (err) { card.node.querySelector('.actions').after(errorBox(err)); });
    }

    function ban(card) {
      var a = card.item.author || {};
      ask('Ban ' + (a.name || 'this author'), [textField('reason', 'Reason', { rows: 2, required: true, maxlength: 500 })], 'Ban', true)
        .then(function (r) {
          if (!r) return;
          return api('POST', 'moderation/authors/' + encodeURIComponent(a.id) + '/ban', { reason: r.reason })
            .then(function (author) { announce('Banned ' + (a.name || 'the author') + '.'); updateAuthor(a.id, author); });
        }).catch(function (err) { card.node.querySelector('.actions').after(errorBox(err)); });
    }

    function updateAuthor(id, author) {
      state.cards.slice().forEach(function (c) {
        if (!c.item.author || c.item.author.id !== id) return;
        var it = Object.assign({}, c.item, { author: Object.assign({}, c.item.author, author) });
        var fresh = renderCard(it);
        c.node.replaceWith(fresh.node);
        state.cards[state.cards.indexOf(c)] = fresh;
      });
      var cur = state.cards.find(function (c) { return c.item.author && c.item.author.id === id; });
      if (cur) cur.node.querySelector('article').focus();
    }

    var TRUST = { normal: 'site rules apply', trusted: 'trusted (no new-author or link holds)', premoderated: 'hold every comment' };

    function toggleHistory(card, btn, box) {
      var open = btn.getAttribute('aria-expanded') === 'true';
      btn.setAttribute('aria-expanded', String(!open));
      box.hidden = open;
      if (open || box.dataset.loaded) return;
      box.textContent = 'Loading…';
      api('GET', 'moderation/authors/' + encodeURIComponent(card.item.author.id)).then(function (d) {
        box.dataset.loaded = '1';
        box.textContent = '';
        var recent = d.recent || [], byStatus = d.comments || {};
        box.append(el('h3', null, 'Recent comments by ' + card.item.author.name),
          Object.keys(byStatus).length ? el('p', { class: 'muted' }, Object.keys(byStatus).map(function (k) { return byStatus[k] + ' ' + k; }).join(' · ') +
            (d.reportsAgainst ? ' · ' + d.reportsAgainst + ' reports against' : '')) : null,
          recent.length ? el('ul', null, recent.map(function (r) {
            return el('li', null, el('span', { class: 'tag' }, r.status), ' ', (r.body || r.excerpt || '').slice(0, 200), ' ', el('span', { class: 'muted' }, when(r.createdAt)));
          })) : el('p', null, 'No other comments.'),
          trustChooser(card.item.author, (d.author && d.author.trust) || 'normal'));
      }).catch(function (err) { box.textContent = ''; box.appendChild(errorBox(err)); });
    }

    /** How screening treats the author's comments; every change is audited. */
    function trustChooser(author, current) {
      var id = newId('trust');
      var choice = el('select', { id: id, onchange: function () {
        var value = choice.value;
        api('PUT', 'moderation/authors/' + encodeURIComponent(author.id) + '/trust', { trust: value })
          .then(function (a) { current = a.trust; announce(author.name + ': ' + TRUST[a.trust] + '.'); },
            function (err) { choice.value = current; choice.after(errorBox(err)); });
      } }, Object.keys(TRUST).map(function (t) { return el('option', { value: t, selected: t === current }, TRUST[t]); }));
      return el('div', { class: 'field inline' }, el('label', { for: id }, 'Screening'), choice);
    }

    function move(step) {
      if (!state.cards.length) return;
      var i = state.cards.indexOf(state.current);
      i = i < 0 ? 0 : Math.max(0, Math.min(state.cards.length - 1, i + step));
      state.cards[i].node.querySelector('article').focus();
      state.cards[i].node.scrollIntoView({ block: 'nearest' });
    }

    function key(e) {
      var cur = state.current && state.current.node.isConnected ? state.current : null;
      switch (e.key) {
        case 'j': move(1); return true;
        case 'k': move(-1); return true;
        case 'x': if (cur) { cur.check.checked = !cur.check.checked; updateSelection(); } return !!cur;
        case 'a': if (selected().length) bulkDecide('approve'); else if (cur) decide(cur, 'approve'); return true;
        case 'r': if (selected().length) bulkDecide('reject'); else if (cur) decide(cur, 'reject'); return true;
        case 'd': if (selected().length) bulkDecide('remove'); else if (cur) decide(cur, 'remove'); return true;
        case 'f': if (cur && cur.item.comment.status === 'published') decide(cur, cur.item.comment.featured ? 'unfeature' : 'feature'); return !!cur;
        case 's': if (cur) suspend(cur); return !!cur;
        case 'b': if (cur) ban(cur); return !!cur;
        case 'h': if (cur) cur.node.querySelector('[aria-expanded]').click(); return !!cur;
        default: return false;
      }
    }

    load(true);
    return { node: node, key: key, onCounts: onCounts };
  }

  /** Whether a decided item still belongs in the queue being shown (queues are queries on status and reports). */
  function queueHolds(queue, it) {
    var st = it.comment.status;
    if (queue === 'held') return st === 'held';
    if (queue === 'rejected') return st === 'rejected';
    if (queue === 'approved') return st === 'published';
    if (queue === 'reported') return st === 'published' && (it.reports || []).length > 0;
    return false;
  }

  // ---------------------------------------------------------------- audit log
  function auditView() {
    var q = textField('q', 'Search notes, reasons and names', { type: 'search' });
    var actor = textField('actor', 'Actor (username or system)', { type: 'text' });
    var actionId = newId('action');
    var action = el('div', { class: 'field' }, el('label', { for: actionId }, 'Action'),
      el('select', { id: actionId, name: 'action' }, el('option', { value: '' }, 'Any'),
        ['approve', 'reject', 'remove', 'hold', 'feature', 'unfeature', 'screen', 'author_delete', 'suspend_author', 'ban_author', 'reinstate_author'].map(function (a) { return el('option', { value: a }, a.replace(/_/g, ' ')); })));
    var form = el('form', { class: 'filters', role: 'search', 'aria-label': 'Search the audit log' }, q, actor, action, el('button', { type: 'submit' }, 'Search'));
    var tbody = el('tbody');
    var status = el('p', { class: 'status', role: 'status' });
    var more = el('button', { type: 'button', class: 'more', hidden: true }, 'Load more');
    var cursor = null, params = {};
    var table = el('table', { class: 'audit' },
      el('caption', { class: 'sr' }, 'Moderation decisions, newest first'),
      el('thead', null, el('tr', null, ['When', 'Comment', 'Action', 'Change', 'Actor', 'Reason', 'Note', 'Uncivil'].map(function (t) { return el('th', { scope: 'col' }, t); }))),
      tbody);
    function load(reset) {
      if (reset) { cursor = null; tbody.textContent = ''; }
      status.textContent = 'Loading…';
      api('GET', 'moderation/audit' + qs(Object.assign({ site: site, cursor: cursor, limit: 50 }, params))).then(function (d) {
        (d.items || []).forEach(function (x) {
          tbody.appendChild(el('tr', null,
            el('td', null, when(x.at)), el('td', null, x.commentId ? el('code', null, x.commentId) : x.subject ? 'author ' + x.subject : '',
              x.revision ? ' r' + x.revision : '', x.article ? el('span', { class: 'muted' }, ' on ' + x.article) : null),
            el('td', null, x.action || ''), el('td', null, (x.from || '—') + ' → ' + (x.to || '—')),
            el('td', null, x.actor || x.actorKind || 'system'), el('td', null, x.reason || ''), el('td', null, x.note || ''),
            el('td', null, x.scores && x.scores.uncivil != null ? pct(x.scores.uncivil) : '')));
        });
        cursor = d.nextCursor;
        more.hidden = !cursor;
        status.textContent = tbody.children.length ? tbody.children.length + ' decisions shown.' : 'No decisions match.';
      }).catch(function (err) { status.textContent = err.message; });
    }
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      params = {};
      new FormData(form).forEach(function (v, k) { if (String(v).trim()) params[k] = String(v).trim(); });
      load(true);
    });
    more.addEventListener('click', function () { load(false); });
    load(true);
    return { node: el('section', null, el('h1', null, 'Audit log'), form, status, el('div', { class: 'scroll' }, table), more) };
  }

  // ---------------------------------------------------------------- dashboard (hand-drawn SVG)
  var SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs) {
    var n = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c == null) continue;
      if (Array.isArray(c)) c.forEach(function (x) { if (x) n.appendChild(x); }); else n.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return n;
  }

  function chart(title, description, drawing, table) {
    var id = newId('chart');
    return el('figure', { class: 'chart', 'aria-labelledby': id },
      el('figcaption', { id: id }, title),
      drawing(description),
      el('details', null, el('summary', null, 'Show the data as a table'), table));
  }

  /** Stacked bars per day: published, held, rejected. */
  function perDayChart(days, desc) {
    var W = 640, H = 220, pad = { l: 36, r: 8, t: 10, b: 28 };
    var max = Math.max(1, Math.max.apply(null, days.map(function (d) { return d.comments; })));
    var bw = (W - pad.l - pad.r) / Math.max(1, days.length);
    var y = function (v) { return H - pad.b - v / max * (H - pad.t - pad.b); };
    var ticks = [0, Math.round(max / 2), max];
    return svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': desc, class: 'svg' },
      ticks.map(function (t) {
        return svg('g', null, svg('line', { x1: pad.l, x2: W - pad.r, y1: y(t), y2: y(t), class: 'grid' }),
          svg('text', { x: pad.l - 6, y: y(t) + 4, 'text-anchor': 'end', class: 'axis' }, String(t)));
      }),
      days.map(function (d, i) {
        var x = pad.l + i * bw + bw * 0.15, w = bw * 0.7;
        var pub = Math.max(0, d.comments - d.held - d.rejected);
        var parts = [['pub', pub], ['held', d.held], ['rej', d.rejected]], base = 0;
        return svg('g', null, parts.map(function (p) {
          if (!p[1]) return null;
          var r = svg('rect', { x: x, y: y(base + p[1]), width: w, height: y(base) - y(base + p[1]), class: 'bar-' + p[0] },
            svg('title', null, d.date + ': ' + p[1] + ' ' + ({ pub: 'published', held: 'held', rej: 'rejected' })[p[0]]));
          base += p[1];
          return r;
        }), i % 2 === 0 || days.length <= 8 ? svg('text', { x: x + w / 2, y: H - 10, 'text-anchor': 'middle', class: 'axis' }, d.date.slice(5)) : null);
      }));
  }

  /** Two lines: the share of comments held and rejected per day. */
  function ratesChart(days, desc) {
    var W = 640, H = 180, pad = { l: 40, r: 8, t: 10, b: 28 };
    var x = function (i) { return pad.l + (days.length < 2 ? 0 : i * (W - pad.l - pad.r) / (days.length - 1)); };
    var y = function (v) { return H - pad.b - v * (H - pad.t - pad.b); };
    var line = function (key, cls) {
      var pts = days.map(function (d, i) { return x(i) + ',' + y(d.comments ? d[key] / d.comments : 0); }).join(' ');
      return svg('polyline', { points: pts, class: cls, fill: 'none' });
    };
    return svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': desc, class: 'svg' },
      [0, 0.5, 1].map(function (t) {
        return svg('g', null, svg('line', { x1: pad.l, x2: W - pad.r, y1: y(t), y2: y(t), class: 'grid' }),
          svg('text', { x: pad.l - 6, y: y(t) + 4, 'text-anchor': 'end', class: 'axis' }, Math.round(t * 100) + '%'));
      }),
      line('held', 'line-held'), line('rejected', 'line-rej'),
      days.map(function (d, i) {
        return i % 2 === 0 || days.length <= 8 ? svg('text', { x: x(i), y: H - 10, 'text-anchor': 'middle', class: 'axis' }, d.date.slice(5)) : null;
      }));
  }

  /** Horizontal bars: share of uncivil comments per article. */
  function heatedChart(articles, desc) {
    var W = 640, row = 30, H = Math.max(1, articles.length) * row + 10, left = 250;
    return svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': desc, class: 'svg' },
      articles.map(function (a, i) {
        var w = (W - left - 60) * a.uncivilShare, yy = 5 + i * row;
        var title = (a.title || a.key || '');
        return svg('g', null,
          svg('text', { x: left - 8, y: yy + 17, 'text-anchor': 'end', class: 'label' }, title.length > 34 ? title.slice(0, 33) + '…' : title),
          svg('rect', { x: left, y: yy + 4, width: Math.max(1, w), height: row - 10, class: 'bar-heat' }, svg('title', null, title + ': ' + pct(a.uncivilShare) + ' of ' + a.comments)),
          svg('text', { x: left + w + 6, y: yy + 17, class: 'axis' }, pct(a.uncivilShare)));
      }));
  }

  function dataTable(caption, head, rows) {
    return el('table', null, el('caption', null, caption),
      el('thead', null, el('tr', null, head.map(function (t) { return el('th', { scope: 'col' }, t); }))),
      el('tbody', null, rows.map(function (r) { return el('tr', null, r.map(function (c) { return el('td', null, c); })); })));
  }

  function dashboardView() {
    var body = el('div', { class: 'dash' }, el('p', { role: 'status' }, 'Loading…'));
    var daysId = newId('days');
    var range = el('select', { id: daysId }, [7, 14, 30, 90].map(function (n) { return el('option', { value: n, selected: n === 14 }, n + ' days'); }));
    function load() {
      api('GET', 'moderation/stats' + qs({ site: site, days: range.value })).then(function (d) {
        var days = Array.isArray(d.perDay) ? d.perDay : Array.isArray(d.days) ? d.days : [], heated = d.heatedArticles || [];
        var total = d.total != null ? d.total : days.reduce(function (s, x) { return s + x.comments; }, 0);
        body.textContent = '';
        body.append(
          el('ul', { class: 'kpis' },
            el('li', null, el('span', { class: 'kpi' }, String(total)), ' comments'),
            el('li', null, el('span', { class: 'kpi' }, pct(d.heldRate)), ' held'),
            el('li', null, el('span', { class: 'kpi' }, pct(d.rejectedRate)), ' rejected')),
          chart('Comments per day', 'Stacked bars of published, held and rejected comments per day over ' + days.length + ' days; ' + total + ' comments in all.',
            function (desc) { return perDayChart(days, desc); },
            dataTable('Comments per day', ['Date', 'Comments', 'Held', 'Rejected'], days.map(function (x) { return [x.date, x.comments, x.held, x.rejected]; }))),
          el('p', { class: 'legend' }, el('span', { class: 'sw sw-pub' }), 'published ', el('span', { class: 'sw sw-held' }), 'held ', el('span', { class: 'sw sw-rej' }), 'rejected'),
          chart('Held and rejected rates per day', 'Lines of the daily share of comments held (overall ' + pct(d.heldRate) + ') and rejected (overall ' + pct(d.rejectedRate) + ').',
            function (desc) { return ratesChart(days, desc); },
            dataTable('Rates per day', ['Date', 'Held', 'Rejected'], days.map(function (x) { return [x.date, pct(x.comments ? x.held / x.comments : 0), pct(x.comments ? x.rejected / x.comments : 0)]; }))),
          el('p', { class: 'legend' }, el('span', { class: 'sw sw-held' }), 'held ', el('span', { class: 'sw sw-rej' }), 'rejected'),
          chart('Most heated articles', 'Share of uncivil comments for the ' + heated.length + ' most heated articles.',
            function (desc) { return heatedChart(heated, desc); },
            dataTable('Most heated articles', ['Article', 'Comments', 'Uncivil share'], heated.map(function (x) { return [x.title || x.key, x.comments, pct(x.uncivilShare)]; }))));
      }).catch(function (err) { body.textContent = ''; body.appendChild(errorBox(err)); });
    }
    range.addEventListener('change', load);
    load();
    return { node: el('section', null, el('h1', null, 'Dashboard'),
      el('div', { class: 'field inline' }, el('label', { for: daysId }, 'Period'), range), body) };
  }

  // ---------------------------------------------------------------- policy dry run
  function policyView() {
    var out = el('div', { 'aria-live': 'polite' });
    var form = el('form', { class: 'policy' },
      textField('site', 'Site', { value: site || 'demo', required: true }),
      textField('limit', 'Recent comments to evaluate', { type: 'number', min: '1', max: '5000', value: '500' }),
      textField('uncivil', 'Hold when uncivil ≥ (0–1)', { type: 'number', min: '0', max: '1', step: '0.01', placeholder: 'unchanged' }),
      textField('dismissive', 'Hold when dismissive ≥ (0–1)', { type: 'number', min: '0', max: '1', step: '0.01', placeholder: 'unchanged' }),
      textField('bannedWords', 'Banned words (one per line: reject)', { rows: 3 }),
      textField('suspectWords', 'Suspect words (one per line: hold)', { rows: 3 }),
      el('button', { type: 'submit', class: 'primary' }, 'Run dry run'));
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var f = {};
      new FormData(form).forEach(function (v, k) { f[k] = String(v).trim(); });
      var words = function (s) { return s ? s.split(/\n+/).map(function (w) { return w.trim(); }).filter(Boolean) : undefined; };
      var thresholds = {};
      if (f.uncivil) thresholds.uncivil = +f.uncivil;
      if (f.dismissive) thresholds.dismissive = +f.dismissive;
      out.textContent = 'Running…';
      api('POST', 'moderation/policy/dry-run', { site: f.site, limit: +f.limit || 500, thresholds: thresholds,
        bannedWords: words(f.bannedWords), suspectWords: words(f.suspectWords) })
        .then(function (d) {
          out.textContent = '';
          var tr = d.transitions || {};
          out.append(el('h2', null, 'Result'),
            el('p', null, d.changed + ' of ' + d.evaluated + ' verdicts would change.'),
            Object.keys(tr).length ? dataTable('Changed verdicts', ['From → to', 'Comments'], Object.keys(tr).map(function (k) { return [k.replace('->', ' → '), tr[k]]; })) : null,
            (d.examples || []).length ? el('ul', { class: 'examples' }, d.examples.map(function (x) {
              return el('li', null, el('code', null, x.commentId), ' ', x.before + ' → ' + x.after, ': ', x.excerpt);
            })) : null);
        }).catch(function (err) { out.textContent = ''; out.appendChild(errorBox(err)); });
    });
    return { node: el('section', null, el('h1', null, 'Policy dry run'),
      el('p', { class: 'muted' }, 'Try thresholds or word lists on recent comments before switching them on. Nothing is changed.'), form, out) };
  }

  // ---------------------------------------------------------------- keyboard
  var help = document.getElementById('help');
  document.getElementById('help-open').addEventListener('click', function () { help.showModal(); });

  document.addEventListener('keydown', function (e) {
    if (!me || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    var t = e.target;
    if (document.querySelector('dialog[open]')) return;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (e.key === '?') { help.showModal(); e.preventDefault(); return; }
    if (/^[1-5]$/.test(e.key)) { location.hash = '#/queue/' + QUEUES[+e.key - 1]; e.preventDefault(); return; }
    if (view && view.key && view.key(e)) e.preventDefault();
  });

  // ---------------------------------------------------------------- start
  api('GET', 'auth/me').then(signedIn, function () { showLogin(); });
})();
