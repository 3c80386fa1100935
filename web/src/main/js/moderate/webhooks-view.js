/**
 * Administrators: one site's webhooks — the list, a new hook (its signing secret shown once, with a
 * copy button), enabling, disabling and deleting one, and each hook's delivery log (a failed
 * delivery retried from it). The events a
 * hook may ask for are the server's (GET …/webhooks/events).
 */
import { h, nextId } from '../shared/dom.js';
import { seg } from '../shared/http.js';
import { deliveryTable } from './deliveries.js';
import { ask, confirmIn, errorBox, scrollBox, textField, when } from './ui.js';

export class WebhooksView {
  constructor(app, site) {
    this.app = app;
    this.site = site;
    this.events = [];
    this.done = h('p', { class: 'done', role: 'status', hidden: true });
    this.secret = h('div');
    this.list = h('div', null, h('p', { role: 'status' }, 'Loading…'));
    this.log = h('section', { 'aria-labelledby': 'log-title', hidden: true });
    this.form = h('form', { class: 'admin-form', 'aria-labelledby': 'new-hook' });
    this.errors = h('div');
    this.node = h('section', null, h('p', null, h('a', { href: `#/sites/${seg(site)}` }, `← Site ${site}`)),
      h('h1', null, `Webhooks of ${site}`),
      h('p', { class: 'muted' }, 'Parley sends each event a hook asks for to its URL, signed with the hook’s secret (Standard Webhooks), '
        + 'and retries failed deliveries with growing pauses.'),
      this.done, this.secret, this.list, this.log, this.form, this.errors);
    this.load();
  }

  get path() {
    return `admin/sites/${seg(this.site)}/webhooks`;
  }

  async load() {
    try {
      const [hooks, events] = await Promise.all([this.app.api.call('GET', this.path), this.app.api.call('GET', `${this.path}/events`)]);
      this.events = events;
      this.#showList(hooks);
      if (!this.form.childElementCount) this.#newForm();
    } catch (err) {
      this.list.textContent = '';
      this.list.appendChild(errorBox(err));
    }
  }

  #showList(hooks) {
    this.list.textContent = '';
    if (!hooks.length) {
      this.list.appendChild(h('p', null, 'No webhook yet.'));
      return;
    }
    this.list.appendChild(scrollBox('Webhooks', h('table', { class: 'webhooks' }, h('caption', null, 'Webhooks, the oldest first'),
      h('thead', null, h('tr', null, ['URL', 'Events', 'Status', 'Created', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, hooks.map((w) => h('tr', null,
        h('th', { scope: 'row' }, h('code', null, w.url)), h('td', null, w.events.join(', ')),
        h('td', null, w.enabled ? 'Enabled' : 'Disabled'), h('td', null, when(w.createdAt)),
        h('td', null, h('span', { class: 'cell-actions' },
          h('button', { type: 'button', class: 'quiet', 'aria-label': `Delivery log of ${w.url}`, onclick: () => this.#showLog(w) }, 'Delivery log'),
          h('button', { type: 'button', class: 'quiet', 'aria-label': `${w.enabled ? 'Disable' : 'Enable'} ${w.url}`,
            onclick: () => this.#enable(w, !w.enabled) }, w.enabled ? 'Disable' : 'Enable'),
          h('button', { type: 'button', class: 'quiet danger-text', 'aria-label': `Delete ${w.url}`, onclick: () => this.#delete(w) }, 'Delete…')))))))));
  }

  async #enable(w, enabled) {
    this.errors.textContent = '';
    try {
      await this.app.api.call('PATCH', `${this.path}/${w.id}`, { enabled });
      await this.load();
      confirmIn(this.done, enabled ? `Enabled ${w.url}: it gets new events again.` : `Disabled ${w.url}: it gets no deliveries until enabled.`);
    } catch (err) {
      this.errors.appendChild(errorBox(err));
    }
  }

  async #delete(w) {
    const ok = await ask(`Delete the webhook to ${w.url}?`, [h('p', null, 'Its pending deliveries are dropped. This cannot be undone.')], 'Delete', true);
    if (!ok) return;
    this.errors.textContent = '';
    try {
      await this.app.api.call('DELETE', `${this.path}/${w.id}`);
      this.log.hidden = true;
      await this.load();
      confirmIn(this.done, `Deleted the webhook to ${w.url}.`);
    } catch (err) {
      this.errors.appendChild(errorBox(err));
    }
  }

  async #showLog(w) {
    this.log.hidden = false;
    this.log.textContent = '';
    const status = h('p', { role: 'status' }, 'Loading…');
    this.log.append(h('h2', { id: 'log-title', tabindex: '-1' }, `Delivery log of ${w.url}`), status);
    this.log.querySelector('h2').focus();
    try {
      const rows = await this.app.api.call('GET', `${this.path}/${w.id}/deliveries?limit=100`);
      status.textContent = rows.length ? `${rows.length} deliveries, the newest first.` : 'Nothing sent to this hook yet.';
      if (rows.length) this.log.appendChild(deliveryTable(`Delivery log of ${w.url}`, rows, (d) => this.#retry(w, d)));
    } catch (err) {
      status.textContent = '';
      status.appendChild(errorBox(err));
    }
  }

  async #retry(w, d) {
    this.errors.textContent = '';
    try {
      await this.app.api.call('POST', `admin/sites/${seg(this.site)}/deliveries/${d.id}/retry`);
      await this.#showLog(w);
      confirmIn(this.done, `The ${d.kind} delivery to ${w.url} is sent again now.`);
    } catch (err) {
      this.errors.appendChild(errorBox(err));
    }
  }

  #newForm() {
    const legend = nextId('events');
    const boxes = this.events.map((e) => {
      const id = nextId('event');
      return h('div', { class: 'check-field' }, h('input', { type: 'checkbox', id, name: 'events', value: e.name }),
        h('label', { for: id }, h('code', null, e.name), ` — ${e.description}`));
    });
    const errors = h('div');
    this.form.append(h('h2', { id: 'new-hook' }, 'New webhook'),
      textField('url', 'URL that receives the events (https://…)', { type: 'url', required: true, maxlength: 2000, placeholder: 'https://news.example/parley-hook' }),
      h('fieldset', { 'aria-labelledby': legend }, h('legend', { id: legend }, 'Events'), boxes),
      h('button', { type: 'submit', class: 'primary' }, 'Create webhook'), errors);
    this.form.onsubmit = async (e) => {
      e.preventDefault();
      errors.textContent = '';
      const url = this.form.elements.url.value.trim();
      const events = [...this.form.querySelectorAll('input[name=events]:checked')].map((c) => c.value);
      if (!events.length) {
        errors.appendChild(errorBox(new Error('Choose at least one event.')));
        return;
      }
      try {
        const hook = await this.app.api.call('POST', this.path, { url, events });
        this.form.reset();
        this.#showSecret(hook);
        await this.load();
        confirmIn(this.done, `Created the webhook to ${hook.url}.`);
      } catch (err) {
        errors.appendChild(errorBox(err));
      }
    };
  }

  /** The new hook's signing secret, once: the server never shows it again. */
  #showSecret(hook) {
    const copied = h('span', { role: 'status', class: 'muted' });
    const value = h('code', { class: 'secret' }, hook.secret);
    this.secret.textContent = '';
    this.secret.appendChild(h('div', { class: 'notice', role: 'region', 'aria-label': 'Signing secret' },
      h('p', null, h('strong', null, `Signing secret of ${hook.url}: `), value),
      h('p', null, 'Copy it now and keep it with the receiver: it will not be shown again. '
        + 'The receiver checks each delivery’s webhook-signature header with it.'),
      h('button', { type: 'button', onclick: async () => {
        try {
          await navigator.clipboard.writeText(hook.secret);
          copied.textContent = 'Copied.';
        } catch {
          getSelection().selectAllChildren(value);
          copied.textContent = 'Selected: press Ctrl+C to copy.';
        }
      } }, 'Copy secret'), ' ', copied));
  }
}
