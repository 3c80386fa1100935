/**
 * Administrators' E-mail screen: whether mail is configured (the SMTP host, never the password),
 * who receives the moderators' daily digest, and a site's mail delivery log with failures, their
 * reasons and a retry. Every value is the server's (GET admin/mail, admin/digests,
 * admin/sites/{site}/deliveries?channel=mail).
 */
import { h } from '../shared/dom.js';
import { query, seg } from '../shared/http.js';
import { deliveryTable } from './deliveries.js';
import { confirmIn, dataTable, errorBox, formValues, selectField, textField } from './ui.js';

/** The configuration in sentences. */
function settingsText(m) {
  if (!m.enabled) {
    return [h('p', null, h('strong', null, 'E-mail is off: '), 'no SMTP host is configured (PARLEY_MAIL_HOST). '
      + 'Readers cannot ask for notifications and no digest is sent.')];
  }
  return [
    h('p', null, h('strong', null, 'E-mail is on: '), `sent through ${m.host}:${m.port}${m.startTls ? ' with STARTTLS' : ' without STARTTLS'}, from ${m.from}.`),
    h('p', null, m.user ? `Signs in to the SMTP server as ${m.user}${m.passwordSet ? ' with a password (not shown)' : ' without a password'}.`
      : 'Does not sign in to the SMTP server.'),
    h('p', null, `A failed mail is tried again after ${m.retryBase} (ISO-8601 duration), the pause doubling each time, `
      + `${m.maxAttempts} attempts in all; the log keeps finished mails for ${m.retention}.`),
  ];
}

export class MailView {
  constructor(app) {
    this.app = app;
    this.done = h('p', { class: 'done', role: 'status', hidden: true });
    this.settings = h('div', null, h('p', { role: 'status' }, 'Loading…'));
    this.digest = h('section', { 'aria-labelledby': 'digest-title' });
    this.log = h('section', { 'aria-labelledby': 'mail-log-title' });
    this.errors = h('div');
    this.node = h('section', null, h('h1', null, 'E-mail'), this.done, this.errors,
      h('section', { 'aria-labelledby': 'mail-settings-title' }, h('h2', { id: 'mail-settings-title' }, 'Configuration'), this.settings),
      this.digest, this.log);
    this.load();
  }

  async load() {
    try {
      const [mail, digests, accounts, sites] = await Promise.all(['admin/mail', 'admin/digests', 'admin/accounts', 'admin/sites']
        .map((p) => this.app.api.call('GET', p)));
      this.mail = mail;
      this.settings.textContent = '';
      this.settings.append(...settingsText(mail));
      this.#showDigest(mail, digests, accounts);
      if (!this.log.childElementCount) this.#logChooser(sites);
    } catch (err) {
      this.settings.textContent = '';
      this.settings.appendChild(errorBox(err));
    }
  }

  #showDigest(mail, digests, accounts) {
    this.digest.textContent = '';
    const schedule = mail.digestInterval ? `every ${mail.digestInterval} (ISO-8601 duration)` : `every day at ${mail.digestAt} UTC`;
    const form = h('form', { class: 'admin-form', 'aria-labelledby': 'digest-new' },
      h('h3', { id: 'digest-new' }, 'Send the digest to an account'),
      h('div', { class: 'grid2' },
        selectField('account', 'Account', accounts.map((a) => [String(a.id), `${a.username} (${a.role})`]), ''),
        textField('email', 'Address', { type: 'email', required: true, autocomplete: 'off' })),
      h('button', { type: 'submit' }, 'Save address'));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const v = formValues(form);
      await this.#act(() => this.app.api.call('PUT', `admin/digests/${seg(v.account)}`, { email: v.email }), `The digest goes to ${v.email}.`);
    });
    this.digest.append(h('h2', { id: 'digest-title' }, 'Moderators’ digest'),
      h('p', null, `What waits in each subscriber’s queues, ${schedule}.`),
      digests.length ? dataTable('Accounts that receive the digest', ['Account', 'Address', 'Action'], digests.map((d) => [d.username, d.email,
        h('button', { type: 'button', class: 'quiet', 'aria-label': `Stop the digest of ${d.username}`,
          onclick: () => this.#act(() => this.app.api.call('DELETE', `admin/digests/${seg(d.account)}`), `${d.username} no longer gets the digest.`) },
        'Stop')])) : h('p', null, 'Nobody receives the digest yet.'),
      form,
      mail.enabled ? h('button', { type: 'button', onclick: () => this.#act(async () => {
        const q = await this.app.api.call('POST', 'admin/digests');
        this.sent = q.queued;
      }, () => `Queued ${this.sent} digest${this.sent === 1 ? '' : 's'}.`) }, 'Send the digests now') : null);
  }

  /** Runs a change, reloads the screen and confirms it (`msg` may be a function of the result). */
  async #act(change, msg) {
    this.errors.textContent = '';
    try {
      await change();
      await this.load();
      confirmIn(this.done, typeof msg === 'function' ? msg() : msg);
    } catch (err) {
      this.errors.appendChild(errorBox(err));
    }
  }

  #logChooser(sites) {
    const start = sites.some((s) => s.key === this.app.site) ? this.app.site : (sites[0] || {}).key;
    const choose = selectField('site', 'Site', sites.map((s) => [s.key, s.name]), start,
      { onchange: (e) => this.#loadLog(e.currentTarget.value) });
    this.logBody = h('div');
    this.log.append(h('h2', { id: 'mail-log-title' }, 'Delivery log'),
      h('p', { class: 'muted' }, 'Recent mails of one site, the newest first: no addresses and no contents, only what happened.'),
      choose, h('button', { type: 'button', onclick: () => this.#loadLog(this.logSite) }, 'Reload the log'), this.logBody);
    if (start) this.#loadLog(start);
  }

  async #loadLog(site) {
    this.logSite = site;
    this.logBody.textContent = '';
    const status = h('p', { role: 'status' }, 'Loading…');
    this.logBody.appendChild(status);
    try {
      const rows = await this.app.api.call('GET', `admin/sites/${seg(site)}/deliveries${query({ channel: 'mail', limit: 100 })}`);
      status.textContent = rows.length ? `${rows.length} mails.` : 'No mail sent for this site yet.';
      if (rows.length) this.logBody.appendChild(deliveryTable(`Mail delivery log of ${site}`, rows, (d) => this.#retry(d)));
    } catch (err) {
      status.textContent = '';
      status.appendChild(errorBox(err));
    }
  }

  async #retry(d) {
    this.errors.textContent = '';
    try {
      await this.app.api.call('POST', `admin/sites/${seg(this.logSite)}/deliveries/${d.id}/retry`);
      await this.#loadLog(this.logSite);
      confirmIn(this.done, 'The mail is sent again now.');
    } catch (err) {
      this.errors.appendChild(errorBox(err));
    }
  }
}
