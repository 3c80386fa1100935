/** The audit log: every decision, newest first, searchable by text, actor and action (the actions the server lists). */
import { h, nextId } from '../shared/dom.js';
import { query } from '../shared/http.js';
import { reasonLabel } from './reasons.js';
import { pct, scrollBox, textField, when } from './ui.js';

/** What a record is about: the comment (its author, first words and article), the author, account, article or site. */
function about(x) {
  if (x.commentId) {
    return [h('strong', null, x.commentAuthor || 'Unknown author'), x.revision > 1 ? h('span', { class: 'muted' }, ` (edit ${x.revision - 1})`) : null,
      x.excerpt ? h('span', { class: 'excerpt' }, `“${x.excerpt}”`) : null,
      x.articleTitle || x.article ? h('span', { class: 'muted' }, `on ${x.articleTitle || x.article}`) : null];
  }
  if (x.subject) return ['Author ', h('strong', null, x.subjectName || 'unknown')];
  if (x.account != null) return ['Account ', h('strong', null, x.accountName || `#${x.account}`), x.site ? h('span', { class: 'muted' }, ` of ${x.site}`) : null];
  if (x.article) return ['Article ', h('strong', null, x.articleTitle || x.article), h('span', { class: 'muted' }, ` on ${x.site}`)];
  return x.site ? `Site ${x.site}` : '';
}

function row(x) {
  return h('tr', null,
    h('td', null, when(x.at)),
    h('td', null, about(x)),
    h('td', null, x.actionLabel || x.action || ''), h('td', null, x.from || x.to ? `${x.from || '—'} → ${x.to || '—'}` : ''),
    h('td', null, x.actorKind === 'system' ? 'Screening (system)' : x.actor || x.actorKind || 'system'),
    h('td', null, x.reason ? h('span', { title: x.reason }, reasonLabel(x.reason)) : ''), h('td', null, x.note || ''),
    h('td', null, x.scores && x.scores.uncivil != null ? pct(x.scores.uncivil) : ''));
}

export class AuditView {
  constructor(app) {
    this.app = app;
    this.cursor = null;
    this.params = {};
    /** Numbers the requests: only the latest one's answer is shown. */
    this.asked = 0;
    const actionId = nextId('action');
    const action = h('div', { class: 'field' }, h('label', { for: actionId }, 'Action'),
      h('select', { id: actionId, name: 'action' }, h('option', { value: '' }, 'Any'),
        app.actions.map((a) => h('option', { value: a.name }, a.label))));
    const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Search the audit log' },
      textField('q', 'Search notes, reasons and names', { type: 'search' }),
      textField('actor', 'By (a moderator’s username, or system)', { type: 'text' }),
      action, h('button', { type: 'submit' }, 'Search'));
    this.tbody = h('tbody');
    this.status = h('p', { class: 'status', role: 'status' });
    this.more = h('button', { type: 'button', class: 'more', hidden: true, onclick: () => this.load(false) }, 'Load more');
    const table = h('table', { class: 'audit' },
      h('caption', { class: 'sr' }, 'Moderation decisions, newest first'),
      h('thead', null, h('tr', null, ['When', 'About', 'Action', 'Change', 'By', 'Reason', 'Note', 'Uncivil'].map((t) => h('th', { scope: 'col' }, t)))),
      this.tbody);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.params = {};
      new FormData(form).forEach((v, k) => { if (String(v).trim()) this.params[k] = String(v).trim(); });
      this.load(true);
    });
    this.node = h('section', null, h('h1', null, 'Audit log'), form, this.status, scrollBox('Moderation decisions', table), this.more);
    this.load(true);
  }

  async load(reset) {
    if (reset) {
      this.cursor = null;
      this.tbody.textContent = '';
    }
    this.status.textContent = 'Loading…';
    const asked = ++this.asked;
    try {
      const d = await this.app.api.call('GET', `moderation/audit${query({ site: this.app.site, cursor: this.cursor, limit: 50, ...this.params })}`);
      if (asked !== this.asked) return; // a newer search or page superseded this one
      (d.items || []).forEach((x) => this.tbody.appendChild(row(x)));
      this.cursor = d.nextCursor;
      this.more.hidden = !this.cursor;
      const n = this.tbody.children.length;
      this.status.textContent = n ? `${n} decisions shown.` : 'No decisions match.';
    } catch (err) {
      if (asked === this.asked) this.status.textContent = err.message;
    }
  }
}
