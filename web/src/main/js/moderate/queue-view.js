/**
 * A review queue: tabs of every queue with live counts, filters, bulk actions, the cards, and
 * decisions by button, by keyboard and in bulk. What a queue offers (its orders and bulk actions)
 * and what each card allows come from the server; nothing here knows the state machine.
 */
import { h, nextId } from '../shared/dom.js';
import { query, seg } from '../shared/http.js';
import { AuthorTools } from './author-tools.js';
import { buttonText, Card } from './card.js';
import { announce, ask, errorBox, reasonFields } from './ui.js';

const SORT_LABEL = { reports: 'Most weighty reports first', oldest: 'Oldest first', newest: 'Newest first', score: 'Most uncivil first' };
const BULK_LABEL = { approve: 'Approve selected', reject: 'Reject selected…', remove: 'Remove selected…' };

export class QueueView {
  /**
   * @param app   the console (api, site, queues, counts)
   * @param queue one queue of GET /moderation/queues: {name, label, sorts, bulkActions}
   */
  constructor(app, queue) {
    this.app = app;
    this.queue = queue;
    this.state = { cursor: null, sort: queue.sorts[0], article: '', text: '', author: '', known: null };
    /** Decisions sent and not yet answered: live counts that arrive meanwhile are checked once they are. */
    this.deciding = 0;
    this.cards = [];
    this.current = null;
    /** Numbers the loads: only the latest one's answer is shown. */
    this.asked = 0;
    this.authors = new AuthorTools(this);
    this.node = this.#build();
    app.setCounts({});
    this.load(true);
  }

  #build() {
    const app = this.app, queue = this.queue, counts = app.counts;
    const tabs = h('ul', { class: 'tabs' }, app.queues.map((q, i) => h('li', null,
      h('a', { href: `#/queue/${q.name}`, 'aria-current': q.name === queue.name ? 'page' : null, 'aria-keyshortcuts': String(i + 1) },
        q.label, ' ', h('span', { class: 'count', dataset: { count: q.name } }, counts[q.name] == null ? '' : String(counts[q.name]))))));
    const sortId = nextId('sort'), articleId = nextId('article'), siteId = nextId('site'), textId = nextId('text'), authorId = nextId('author');
    const siteInput = h('input', { id: siteId, type: 'search', placeholder: 'all sites', value: app.site, disabled: !!(app.me && app.me.site) });
    const sort = h('select', { id: sortId }, queue.sorts.map((s) => h('option', { value: s, selected: s === this.state.sort }, SORT_LABEL[s] || s)));
    const article = h('input', { id: articleId, type: 'search', placeholder: 'article key' });
    const text = h('input', { id: textId, type: 'search', name: 'q', placeholder: 'words in the comment' });
    const author = h('input', { id: authorId, type: 'search', name: 'author', placeholder: 'part of a name' });
    const filters = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter the queue' },
      h('div', { class: 'field inline' }, h('label', { for: sortId }, 'Order'), sort),
      h('div', { class: 'field inline' }, h('label', { for: siteId }, 'Site'), siteInput),
      h('div', { class: 'field inline' }, h('label', { for: articleId }, 'Article'), article),
      h('div', { class: 'field inline' }, h('label', { for: textId }, 'Text'), text),
      h('div', { class: 'field inline' }, h('label', { for: authorId }, 'Author'), author),
      h('button', { type: 'submit' }, 'Apply'));
    filters.addEventListener('submit', (e) => {
      e.preventDefault();
      this.errors.textContent = '';
      if (article.value.trim() && !siteInput.value.trim()) {
        this.errors.appendChild(h('p', { class: 'error', role: 'alert' }, 'An article key needs its site.'));
        siteInput.focus();
        return;
      }
      app.chooseSite(siteInput.value.trim());
      this.state.sort = sort.value;
      this.state.article = article.value.trim();
      this.state.text = text.value.trim();
      this.state.author = author.value.trim();
      this.load(true);
    });
    sort.addEventListener('change', () => { this.state.sort = sort.value; this.load(true); });

    this.all = h('input', { type: 'checkbox', id: nextId('all') });
    this.selectedInfo = h('span', { class: 'muted', 'aria-live': 'polite' });
    const bulk = h('div', { class: 'bulk', role: 'group', 'aria-label': 'Bulk actions' },
      h('span', { class: 'check' }, this.all, h('label', { for: this.all.id }, 'Select all')),
      queue.bulkActions.map((action) => h('button', { type: 'button', onclick: () => this.bulkDecide(action) }, BULK_LABEL[action] || action)),
      this.selectedInfo);
    this.all.addEventListener('change', () => {
      this.cards.forEach((c) => { c.check.checked = this.all.checked; });
      this.updateSelection();
    });
    this.status = h('div', { class: 'status', role: 'status' });
    /** The last decision, said where the moderator looks (the announcement says it to screen readers). */
    this.done = h('p', { class: 'done', hidden: true });
    this.errors = h('div');
    this.list = h('ol', { class: 'cards', 'aria-label': `${queue.label} comments` });
    this.more = h('button', { type: 'button', class: 'more', hidden: true, onclick: () => this.load(false) }, 'Load more');
    this.changed = h('button', { type: 'button', class: 'changed', hidden: true, onclick: () => this.load(true) });
    this.changedLive = h('div', { class: 'sr', 'aria-live': 'polite' });
    return h('section', { class: 'queue' },
      h('h1', null, queue.label),
      queue.description ? h('p', { class: 'muted lead' }, queue.description) : null,
      h('nav', { 'aria-label': 'Queues' }, tabs), filters, bulk, this.done, this.status, this.errors, this.changedLive, this.changed,
      this.list, this.more);
  }

  selected() {
    return this.cards.filter((c) => c.check.checked);
  }

  updateSelection() {
    const n = this.selected().length;
    this.selectedInfo.textContent = n ? `${n} selected` : '';
    this.all.checked = n > 0 && n === this.cards.length;
    this.all.indeterminate = n > 0 && n < this.cards.length;
  }

  async load(reset) {
    const app = this.app, state = this.state, name = this.queue.name;
    if (reset) {
      state.cursor = null;
      this.cards = [];
      this.list.textContent = '';
    }
    this.status.textContent = 'Loading…';
    this.errors.textContent = '';
    const asked = ++this.asked;
    try {
      const d = await app.api.call('GET', `moderation/queues/${name}${query({ site: app.site, sort: state.sort, article: state.article,
        q: state.text, author: state.author, cursor: state.cursor, limit: 25 })}`);
      if (asked !== this.asked) return; // a newer load (other filters, or a reload) superseded this one
      // Live counts are the whole queue's (of the site): they say nothing about one article or a search.
      const whole = !state.article && !state.text && !state.author;
      state.known = whole ? d.count : null;
      this.changed.hidden = true;
      this.changedLive.textContent = '';
      if (d.count != null && whole) app.setCounts({ [name]: d.count });
      state.cursor = d.nextCursor;
      this.more.hidden = !d.nextCursor;
      for (const it of d.items || []) {
        const card = new Card(this, it);
        this.cards.push(card);
        this.list.appendChild(card.node);
      }
      this.status.textContent = this.cards.length ? '' : state.text || state.author ? 'No comment in this queue matches.' : 'Nothing here. The queue is clear.';
      this.updateSelection();
    } catch (err) {
      if (asked !== this.asked) return;
      this.status.textContent = '';
      this.errors.appendChild(errorBox(err));
    }
  }

  /**
   * Live counts from the server: offer a reload when the queue changed under the moderator. The
   * moderator's own decisions are not changes: counts that arrive while one is on its way are
   * checked after its answer, against the size that answer leaves.
   */
  onCounts(c) {
    const name = this.queue.name, known = this.state.known;
    if (this.deciding > 0 || known == null || c[name] == null) return;
    if (c[name] === known) {
      this.changed.hidden = true;
      return;
    }
    this.changed.textContent = `The queue has changed (${c[name]} now). Reload`;
    if (this.changed.hidden) this.changedLive.textContent = `The ${this.queue.label.toLowerCase()} queue has changed.`;
    this.changed.hidden = false;
  }

  /** After a decision: the card stays (rendered again) while the server still counts it in this queue. */
  #after(card, it, action) {
    const a = card.item.author || {};
    this.#confirm(`${this.app.actionLabel(action)} the comment by ${a.name || 'unknown'}.`);
    if (it && it.comment && (it.queues || []).includes(this.queue.name)) {
      const fresh = new Card(this, it);
      card.node.replaceWith(fresh.node);
      this.cards[this.cards.indexOf(card)] = fresh;
      fresh.focus();
      return;
    }
    const i = this.cards.indexOf(card);
    if (this.state.known != null) this.state.known -= 1;
    this.cards.splice(i, 1);
    card.node.remove();
    const next = this.cards[i] || this.cards[i - 1];
    if (next) {
      next.focus();
    } else {
      this.status.textContent = 'Nothing here. The queue is clear.';
      this.node.querySelector('h1').focus();
    }
    this.updateSelection();
  }

  /** Says what was done, visibly next to the queue and through the live region. */
  #confirm(msg) {
    announce(msg);
    this.done.textContent = msg;
    this.done.hidden = false;
  }

  /** The reason (and note) for an action the server says needs one; {} for the others, null when cancelled. */
  #reasonFor(action, n) {
    if (!this.app.actionInfo(action).needsReason) return Promise.resolve({});
    const verb = buttonText(action).replace(/…$/, '');
    return ask(`${verb} ${n > 1 ? `${n} comments` : 'this comment'}`, reasonFields(), verb, true);
  }

  async decide(card, action) {
    const comment = card.item.comment;
    if (!card.offers(action)) {
      announce(`A ${comment.status} comment cannot be ${this.app.actionLabel(action).toLowerCase()}.`);
      return;
    }
    try {
      const r = await this.#reasonFor(action, 1);
      if (!r) return;
      this.deciding += 1;
      let it;
      try {
        it = await this.app.api.call('POST', `moderation/comments/${seg(card.id)}/decisions`,
          { action, reason: r.reason || null, note: r.note || null, revision: comment.revision });
      } finally {
        this.deciding -= 1;
      }
      this.#after(card, it, action);
      this.onCounts(this.app.counts);
      this.app.refreshCounts();
    } catch (err) {
      announce(err.message);
      card.node.querySelector('.actions').after(errorBox(err));
    }
  }

  async bulkDecide(action) {
    const chosen = this.selected();
    if (!chosen.length) {
      announce('Select comments first (x or the checkboxes).');
      return;
    }
    if (!this.queue.bulkActions.includes(action)) {
      announce(`${this.app.actionLabel(action)} is not offered in this queue.`);
      return;
    }
    try {
      const r = await this.#reasonFor(action, chosen.length);
      if (!r) return;
      this.deciding += 1;
      let d;
      try {
        d = await this.app.api.call('POST', 'moderation/decisions',
          { ids: chosen.map((c) => c.id), action, reason: r.reason || null, note: r.note || null });
      } finally {
        this.deciding -= 1;
      }
      const failed = (d.results || []).filter((x) => !x.ok);
      const ok = (d.results || []).length - failed.length;
      this.#confirm(`${this.app.actionLabel(action)} ${ok} comment${ok === 1 ? '' : 's'}${failed.length ? `; ${failed.length} failed` : ''}.`);
      this.state.known = null; // the reload below learns the size anew
      this.app.refreshCounts();
      this.load(true);
    } catch (err) {
      this.status.textContent = err.message;
    }
  }

  #move(step) {
    if (!this.cards.length) return;
    let i = this.cards.indexOf(this.current);
    i = i < 0 ? 0 : Math.max(0, Math.min(this.cards.length - 1, i + step));
    this.cards[i].focus();
    this.cards[i].node.scrollIntoView({ block: 'nearest' });
  }

  /** The queue's keyboard shortcuts; true when the key was used. */
  key(e) {
    const cur = this.current && this.current.node.isConnected ? this.current : null;
    const one = (action) => {
      if (this.selected().length) this.bulkDecide(action);
      else if (cur) this.decide(cur, action);
      return true;
    };
    switch (e.key) {
      case 'j': this.#move(1); return true;
      case 'k': this.#move(-1); return true;
      case 'x':
        if (cur) {
          cur.check.checked = !cur.check.checked;
          this.updateSelection();
        }
        return !!cur;
      case 'a': return one('approve');
      case 'r': return one('reject');
      case 'd': return one('remove');
      case 'f':
        if (cur && cur.featureToggle()) this.decide(cur, cur.featureToggle());
        return !!cur;
      case 's': if (cur) this.authors.suspend(cur); return !!cur;
      case 'b': if (cur) this.authors.ban(cur); return !!cur;
      case 'h': if (cur) cur.node.querySelector('[aria-expanded]').click(); return !!cur;
      default: return false;
    }
  }
}
