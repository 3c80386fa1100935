/** What a moderator does about a card's author: suspend, ban, read their history and set how screening treats them. */
import { h, nextId } from '../shared/dom.js';
import { seg } from '../shared/http.js';
import { Card } from './card.js';
import { announce, ask, errorBox, textField, when } from './ui.js';

const TRUST = { normal: 'site rules apply', trusted: 'trusted (no new-author or link holds)', premoderated: 'hold every comment' };

export class AuthorTools {
  /** @param view the QueueView whose cards these tools act on */
  constructor(view) {
    this.view = view;
    this.api = view.app.api;
  }

  async suspend(card) {
    const a = card.item.author || {};
    try {
      const r = await ask(`Suspend ${a.name || 'this author'}`, [
        textField('days', 'Days', { type: 'number', min: '1', max: '365', value: '7', required: true }),
        textField('reason', 'Reason', { rows: 2, required: true, maxlength: 500 })], 'Suspend', true);
      if (!r) return;
      const author = await this.api.call('POST', `moderation/authors/${seg(a.id)}/suspension`, { days: +r.days, reason: r.reason });
      announce(`Suspended ${a.name || 'the author'} for ${r.days} days.`);
      this.updateAuthor(a.id, author);
    } catch (err) {
      card.node.querySelector('.actions').after(errorBox(err));
    }
  }

  async ban(card) {
    const a = card.item.author || {};
    try {
      const r = await ask(`Ban ${a.name || 'this author'}`, [textField('reason', 'Reason', { rows: 2, required: true, maxlength: 500 })], 'Ban', true);
      if (!r) return;
      const author = await this.api.call('POST', `moderation/authors/${seg(a.id)}/ban`, { reason: r.reason });
      announce(`Banned ${a.name || 'the author'}.`);
      this.updateAuthor(a.id, author);
    } catch (err) {
      card.node.querySelector('.actions').after(errorBox(err));
    }
  }

  /** Renders again every card by the author with their new standing, and focuses the first. */
  updateAuthor(id, author) {
    const view = this.view;
    for (const c of view.cards.slice()) {
      if (!c.item.author || c.item.author.id !== id) continue;
      const fresh = new Card(view, { ...c.item, author: { ...c.item.author, ...author } });
      c.node.replaceWith(fresh.node);
      view.cards[view.cards.indexOf(c)] = fresh;
    }
    const cur = view.cards.find((c) => c.item.author && c.item.author.id === id);
    if (cur) cur.focus();
  }

  async toggleHistory(card, btn, box) {
    const open = btn.getAttribute('aria-expanded') === 'true';
    btn.setAttribute('aria-expanded', String(!open));
    box.hidden = open;
    if (open || box.dataset.loaded) return;
    box.textContent = 'Loading…';
    try {
      const d = await this.api.call('GET', `moderation/authors/${seg(card.item.author.id)}`);
      box.dataset.loaded = '1';
      box.textContent = '';
      const recent = d.recent || [], byStatus = d.comments || {};
      box.append(h('h3', null, `Recent comments by ${card.item.author.name}`),
        Object.keys(byStatus).length ? h('p', { class: 'muted' }, Object.keys(byStatus).map((k) => `${byStatus[k]} ${k}`).join(' · ')
          + (d.reportsAgainst ? ` · ${d.reportsAgainst} reports against` : '')) : null,
        recent.length ? h('ul', null, recent.map((r) => h('li', null, h('span', { class: 'tag' }, r.status), ' ',
          (r.body || r.excerpt || '').slice(0, 200), ' ', h('span', { class: 'muted' }, when(r.createdAt)))))
          : h('p', null, 'No other comments.'),
        this.trustChooser(card.item.author, (d.author && d.author.trust) || 'normal'));
    } catch (err) {
      box.textContent = '';
      box.appendChild(errorBox(err));
    }
  }

  /** How screening treats the author's comments; every change is audited. */
  trustChooser(author, current) {
    const id = nextId('trust');
    const choice = h('select', { id, onchange: async () => {
      try {
        const a = await this.api.call('PUT', `moderation/authors/${seg(author.id)}/trust`, { trust: choice.value });
        current = a.trust;
        announce(`${author.name}: ${TRUST[a.trust]}.`);
      } catch (err) {
        choice.value = current;
        choice.after(errorBox(err));
      }
    } }, Object.keys(TRUST).map((t) => h('option', { value: t, selected: t === current }, TRUST[t])));
    return h('div', { class: 'field inline' }, h('label', { for: id }, 'Screening'), choice);
  }
}
