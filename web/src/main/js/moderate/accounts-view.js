/**
 * Administrators' accounts: moderators and administrators, created, enabled or disabled, given a
 * role and a site, and new passwords. A generated password is shown once. An administrator's own
 * account is listed without controls: another administrator changes it.
 */
import { h } from '../shared/dom.js';
import { seg } from '../shared/http.js';
import { ask, confirmIn, errorBox, formValues, scrollBox, selectField, textField, when } from './ui.js';

const ROLES = [['moderator', 'Moderator'], ['administrator', 'Administrator']];

export class AccountsView {
  constructor(app) {
    this.app = app;
    this.sites = [];
    this.done = h('p', { class: 'done', role: 'status', hidden: true });
    this.secret = h('div');
    this.tbody = h('tbody');
    this.status = h('p', { class: 'status', role: 'status' }, 'Loading…');
    this.form = h('form', { class: 'admin-form', 'aria-labelledby': 'new-account' });
    this.node = h('section', null, h('h1', null, 'Accounts'), this.done, this.secret,
      scrollBox('Staff accounts', h('table', { class: 'accounts' }, h('caption', { class: 'sr' }, 'Staff accounts'),
        h('thead', null, h('tr', null, ['Username', 'Role', 'Site', 'Status', 'Created', 'Password']
          .map((t) => h('th', { scope: 'col' }, t)))), this.tbody)),
      this.status, this.form);
    this.load();
  }

  siteOptions() {
    return [['', 'Every site'], ...this.sites.map((s) => [s.key, s.name])];
  }

  async load() {
    try {
      const [accounts, sites] = await Promise.all([this.app.api.call('GET', 'admin/accounts'), this.app.api.call('GET', 'admin/sites')]);
      this.sites = sites;
      this.tbody.textContent = '';
      accounts.forEach((a) => this.tbody.appendChild(this.#row(a)));
      this.status.textContent = '';
      this.#newForm();
    } catch (err) {
      this.status.textContent = '';
      this.status.appendChild(errorBox(err));
    }
  }

  #row(a) {
    const me = this.app.me && this.app.me.username === a.username;
    if (me) {
      return h('tr', null, h('td', null, h('strong', null, a.username), ' (you)'), h('td', null, a.role), h('td', null, a.site || 'Every site'),
        h('td', null, a.enabled ? 'Enabled' : 'Disabled'), h('td', null, when(a.createdAt)), h('td', null, ''));
    }
    const role = selectField('role', `Role of ${a.username}`, ROLES, a.role, { onchange: (e) => this.#change(a, { role: e.currentTarget.value }) });
    const site = selectField('site', `Site of ${a.username}`, this.siteOptions(), a.site || '',
      { onchange: (e) => this.#change(a, { site: e.currentTarget.value }) });
    [role, site].forEach((f) => f.querySelector('label').classList.add('sr'));
    return h('tr', null, h('th', { scope: 'row' }, a.username), h('td', null, role), h('td', null, site),
      h('td', null, a.enabled ? 'Enabled ' : 'Disabled ', h('button', { type: 'button', class: 'quiet', 'aria-label': `${a.enabled ? 'Disable' : 'Enable'} ${a.username}`,
        onclick: () => this.#change(a, { enabled: !a.enabled }) }, a.enabled ? 'Disable' : 'Enable')),
      h('td', null, when(a.createdAt)),
      h('td', null, h('button', { type: 'button', class: 'quiet', 'aria-label': `Reset the password of ${a.username}`,
        onclick: () => this.#reset(a) }, 'Reset…')));
  }

  async #change(a, change) {
    try {
      const after = await this.app.api.call('PATCH', `admin/accounts/${seg(a.id)}`, change);
      const what = change.enabled != null ? (after.enabled ? 'enabled' : 'disabled')
        : change.role ? `now ${after.role}` : `now on ${after.site || 'every site'}`;
      await this.load();
      confirmIn(this.done, `${a.username}: ${what}.`);
    } catch (err) {
      await this.load();
      this.status.appendChild(errorBox(err));
    }
  }

  async #reset(a) {
    const r = await ask(`New password for ${a.username}`, [
      h('p', { class: 'muted' }, 'Leave it empty to generate one. Their open sessions end.'),
      textField('password', 'New password (at least 12 characters)', { type: 'password', minlength: '12', autocomplete: 'new-password' })],
    'Set password', true);
    if (!r) return;
    try {
      const d = await this.app.api.call('POST', `admin/accounts/${seg(a.id)}/password`, r.password ? { password: r.password } : {});
      this.secret.textContent = '';
      if (d.password) {
        this.secret.append(h('p', null, `Generated password for ${a.username} (shown once): `, h('span', { class: 'secret' }, d.password)));
      }
      confirmIn(this.done, `${a.username} has a new password.`);
    } catch (err) {
      this.status.appendChild(errorBox(err));
    }
  }

  #newForm() {
    const errors = h('div');
    this.form.textContent = '';
    this.form.append(h('h2', { id: 'new-account' }, 'New account'),
      h('div', { class: 'grid2' },
        textField('username', 'Username', { required: true, maxlength: 100, autocomplete: 'off' }),
        textField('password', 'Password (at least 12 characters)', { type: 'password', required: true, minlength: '12', autocomplete: 'new-password' }),
        selectField('role', 'Role', ROLES, 'moderator'),
        selectField('site', 'Site (a moderator of one site, or every site)', this.siteOptions(), '')),
      h('button', { type: 'submit', class: 'primary' }, 'Create account'), errors);
    this.form.onsubmit = async (e) => {
      e.preventDefault();
      errors.textContent = '';
      const v = formValues(this.form);
      try {
        await this.app.api.call('POST', 'admin/accounts', { username: v.username, password: v.password, role: v.role, site: v.site || null });
        await this.load();
        confirmIn(this.done, `Created ${v.username} (${v.role}).`);
      } catch (err) {
        errors.appendChild(errorBox(err));
      }
    };
  }
}
