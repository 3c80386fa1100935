/*!
 * Parley moderation console: sign-in, review queues with live counts, decisions singly, in bulk
 * and by keyboard, the audit log, the dashboard and the screening policy; for administrators also
 * sites (settings, origins, articles) and accounts.
 *
 * Guarantees:
 * - Same-origin only; the session cookie is HttpOnly, and every write carries the CSRF token the
 *   server returned with the moderator's identity.
 * - Untrusted strings (comment text as typed, names, titles, notes) enter the DOM as text nodes.
 *   The one exception is a comment's `html`, which the server's sanitiser produced
 *   (setSanitizedHtml in shared/dom.js).
 * - The rules are the server's: the queues (names, labels, orders, bulk actions) come from
 *   GET /moderation/queues, each card's possible decisions from its `actions`, and every action's
 *   name, label and whether it needs a reason from GET /moderation/actions.
 * - Every control is a native labelled element; keyboard shortcuts only add speed, they never
 *   replace a visible control, and they are off while typing or while a dialog is open.
 */
import { h } from '../shared/dom.js';
import { query } from '../shared/http.js';
import { AccountsView } from './accounts-view.js';
import { AuditView } from './audit-view.js';
import { ConsoleApi } from './console-api.js';
import { DashboardView } from './dashboard-view.js';
import { MailView } from './mail-view.js';
import { PolicyView } from './policy-view.js';
import { QueueView } from './queue-view.js';
import { SitesView, SiteView } from './sites-view.js';
import { TransfersView } from './transfers-view.js';
import { WebhooksView } from './webhooks-view.js';
import { errorBox } from './ui.js';

const SITE_KEY = 'parley.moderate.site';

class ModerationConsole {
  constructor() {
    this.main = document.getElementById('main');
    this.me = null;
    this.counts = {};
    /** The queues as the server describes them ({name, label, count, sorts, bulkActions}). */
    this.queues = [];
    /** Every action of the audit log as the server describes them ({name, label, moderator, needsReason}). */
    this.actions = [];
    /** The site the console is narrowed to ('' = every site the account may moderate). */
    this.site = sessionStorage.getItem(SITE_KEY) || '';
    this.events = null;
    this.view = null;
    this.api = new ConsoleApi(new URL('../api/v1/', location.href).href, () => this.me, () => this.signedOut());
  }

  start() {
    document.getElementById('sign-out').addEventListener('click', () => this.signOut());
    const help = document.getElementById('help');
    document.getElementById('help-open').addEventListener('click', () => help.showModal());
    document.addEventListener('keydown', (e) => this.onKey(e, help));
    window.addEventListener('hashchange', () => this.route());
    this.api.call('GET', 'auth/me').then((who) => this.signedIn(who), () => this.showLogin());
  }

  // ---------------------------------------------------------------- sign-in
  showLogin(message) {
    this.stopEvents();
    document.getElementById('sections').hidden = true;
    document.getElementById('who').hidden = true;
    const user = h('input', { id: 'login-user', name: 'username', autocomplete: 'username', required: true });
    const pass = h('input', { id: 'login-pass', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    const msg = h('p', { class: 'error', role: 'alert' }, message || '');
    const button = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
    const form = h('form', { class: 'login', 'aria-labelledby': 'login-title' },
      h('h1', { id: 'login-title' }, 'Sign in to moderate'),
      h('div', { class: 'field' }, h('label', { for: 'login-user' }, 'Username'), user),
      h('div', { class: 'field' }, h('label', { for: 'login-pass' }, 'Password'), pass),
      msg, button);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      msg.textContent = '';
      button.disabled = true;
      try {
        const who = await this.api.call('POST', 'auth/login', { username: user.value.trim(), password: pass.value });
        await this.signedIn(who);
      } catch (err) {
        msg.textContent = err.status === 401 ? 'Wrong username or password.' : err.message;
        pass.value = '';
        pass.focus();
      }
      button.disabled = false;
    });
    this.main.textContent = '';
    this.main.appendChild(form);
    user.focus();
  }

  async signedIn(who) {
    this.me = who;
    if (who.site) this.site = who.site;
    document.getElementById('who-name').textContent = `${who.name || who.username} (${who.role})`;
    document.getElementById('sections').hidden = false;
    document.getElementById('who').hidden = false;
    // The administrators' sections; the server refuses their API to anyone else all the same.
    document.querySelectorAll('[data-admin]').forEach((n) => { n.hidden = who.role !== 'administrator'; });
    await Promise.all([this.startEvents(), this.loadActions()]);
    if (!location.hash || location.hash === '#/login') location.hash = `#/queue/${this.queues.length ? this.queues[0].name : 'held'}`;
    else this.route();
  }

  signedOut() {
    if (!this.me) return;
    this.me = null;
    this.showLogin('Your session has ended. Please sign in again.');
  }

  async signOut() {
    try {
      await this.api.call('POST', 'auth/logout');
    } catch {
      /* the session is gone either way */
    }
    this.me = null;
    this.showLogin('You are signed out.');
  }

  // ---------------------------------------------------------------- queues and live counts
  /** Loads the queues and their sizes, then follows the sizes live. */
  startEvents() {
    const loaded = this.refreshCounts();
    if (window.EventSource && !this.events) {
      this.events = new EventSource(this.api.url(`moderation/events${query({ site: this.site })}`), { withCredentials: true });
      this.events.addEventListener('counts', (e) => {
        try {
          this.setCounts(JSON.parse(e.data));
        } catch {
          /* a malformed event changes nothing */
        }
      });
    }
    return loaded;
  }

  async loadActions() {
    try {
      this.actions = await this.api.call('GET', 'moderation/actions');
    } catch {
      /* decisions then ask no reason up front: the server's problem says what is missing */
    }
  }

  /** The server's description of `action` (a bare one when the server has not listed it). */
  actionInfo(name) {
    return this.actions.find((a) => a.name === name) || { name, label: name, moderator: false, needsReason: false };
  }

  /** What `action` is called once done ("Approved"). */
  actionLabel(name) {
    return this.actionInfo(name).label;
  }

  stopEvents() {
    if (this.events) this.events.close();
    this.events = null;
  }

  /** Narrows the console to one site (or to all, with ''): counts, queues, audit and dashboard follow. */
  chooseSite(key) {
    if (key === this.site) return;
    this.site = key;
    sessionStorage.setItem(SITE_KEY, key);
    this.counts = {};
    this.stopEvents();
    this.startEvents();
  }

  async refreshCounts() {
    try {
      const d = await this.api.call('GET', `moderation/queues${query({ site: this.site })}`);
      if (Array.isArray(d.queues) && d.queues.length) this.queues = d.queues;
      this.setCounts(d.counts || {});
    } catch {
      /* shown on next load */
    }
  }

  setCounts(c) {
    this.counts = { ...this.counts, ...c };
    document.querySelectorAll('[data-count]').forEach((n) => {
      const q = n.dataset.count;
      n.textContent = this.counts[q] == null ? '' : String(this.counts[q]);
    });
    if (this.view && this.view.onCounts) this.view.onCounts(this.counts);
  }

  // ---------------------------------------------------------------- routing
  route() {
    if (!this.me) return;
    const parts = location.hash.replace(/^#\/?/, '').split('/');
    const section = parts[0] || 'queue';
    document.querySelectorAll('#sections a').forEach((a) => {
      if (a.dataset.section === section) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
    this.main.textContent = '';
    this.view = null;
    if (section === 'audit') this.view = new AuditView(this);
    else if (section === 'dashboard') this.view = new DashboardView(this);
    else if (section === 'policy') this.view = new PolicyView(this, parts[1] ? decodeURIComponent(parts[1]) : null);
    else if (section === 'sites' && this.me.role === 'administrator') this.view = this.#siteView(parts);
    else if (section === 'accounts' && this.me.role === 'administrator') this.view = new AccountsView(this);
    else if (section === 'mail' && this.me.role === 'administrator') this.view = new MailView(this);
    else {
      const queue = this.queues.find((q) => q.name === parts[1]) || this.queues[0];
      this.view = queue ? new QueueView(this, queue)
        : { node: errorBox(new Error('The queues cannot be loaded. Reload the page to try again.')) };
    }
    this.main.appendChild(this.view.node);
    const h1 = this.main.querySelector('h1');
    if (h1 && document.activeElement !== document.body) {
      h1.setAttribute('tabindex', '-1');
      h1.focus();
    }
  }

  /** #/sites, #/sites/{key} and a site's own screens (#/sites/{key}/webhooks, …/transfers). */
  #siteView(parts) {
    if (!parts[1]) return new SitesView(this);
    const key = decodeURIComponent(parts[1]);
    if (parts[2] === 'webhooks') return new WebhooksView(this, key);
    if (parts[2] === 'transfers') return new TransfersView(this, key);
    return new SiteView(this, key);
  }

  // ---------------------------------------------------------------- keyboard
  onKey(e, help) {
    if (!this.me || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const t = e.target;
    if (document.querySelector('dialog[open]')) return;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (e.key === '?') {
      help.showModal();
      e.preventDefault();
      return;
    }
    if (/^[1-9]$/.test(e.key) && this.queues[+e.key - 1]) {
      location.hash = `#/queue/${this.queues[+e.key - 1].name}`;
      e.preventDefault();
      return;
    }
    if (this.view && this.view.key && this.view.key(e)) e.preventDefault();
  }
}

new ModerationConsole().start();
