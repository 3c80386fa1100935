/**
 * Writing: the main comment form, inline reply and edit forms, the preview and the nudge. A post
 * carries one idempotency key per text, so a retry never stores it twice.
 */
import { h, highlighted, nextId, setSanitizedHtml } from '../shared/dom.js';
import { query, seg } from '../shared/http.js';
import { DEFAULT_MAX_LENGTH } from './defaults.js';
import { normaliseComment } from './model.js';
import { uuid } from './reader-api.js';

export class Composer {
  /** @param thread the <parley-comments> element the forms belong to */
  constructor(thread) {
    this.thread = thread;
  }

  isOpen() {
    const a = this.thread._article || {};
    return !a.state || a.state === 'open';
  }

  canPost() {
    const th = this.thread;
    return this.isOpen() && (th._auth.signedIn() || th._settings.guestsAllowed !== false);
  }

  /** The main form, or why the reader cannot post; rebuilt only when that changes. */
  render() {
    const th = this.thread, t = th.t.bind(th), box = th._composerBox;
    const state = [this.isOpen(), this.canPost(), th._auth.signedIn(), !!th._auth.token()].join('|');
    if (box.firstChild && this.renderedFor === state) return;
    this.renderedFor = state;
    box.textContent = '';
    if (!this.isOpen()) {
      box.appendChild(h('p', null, t('closed')));
      return;
    }
    if (!this.canPost()) {
      box.appendChild(h('p', null, t('guestNotAllowed')));
      return;
    }
    if (th._auth.signedIn() && th._auth.author) {
      box.appendChild(h('p', { class: 'hint' }, t('signedInAs', { name: th._auth.author.name })));
    } else if (th._auth.token()) {
      box.appendChild(this.postingAs());
    }
    box.appendChild(this.form({ label: t('yourComment'), submit: t('post') }));
  }

  /**
   * "Posting as Ann (change name, forget me)" for a guest this browser remembers. Both end the guest
   * identity here: a new name is a new guest (Parley has no renaming), and forgetting also drops the
   * remembered name and address.
   */
  postingAs() {
    const th = this.thread, t = th.t.bind(th), name = (th._auth.author && th._auth.author.name) || this.guestName();
    const forget = (keepName) => {
      th._auth.drop();
      if (!keepName) {
        th._memory.forget('name');
        th._memory.forget('email');
      }
      th.reload(true).then(() => { // revalidated: the browser may hold the anonymous page from before
        th._say(t(keepName ? 'nameChange' : 'forgotten'));
        const input = th._composerBox.querySelector('input[name=name]');
        if (input) input.focus();
      });
    };
    return h('p', { class: 'hint posting-as' }, t('postingAs', { name: name || '…' }), ' (',
      h('button', { type: 'button', class: 'link inline', onclick: () => forget(true) }, t('changeName')), ', ',
      h('button', { type: 'button', class: 'link inline', onclick: () => forget(false) }, t('forgetMe')), ')');
  }

  guestName(set) {
    return this.thread._memory.remembered('name', set);
  }

  /**
   * A post form: guest name (only before the reader has an identity), Markdown textarea with
   * write/preview, and the nudge area. opts: label, submit, parent, initial, edit (the comment
   * being edited), onDone(comment, result), onCancel.
   */
  form(opts) {
    const th = this.thread, t = th.t.bind(th), memory = th._memory;
    const max = th._settings.maxLength || DEFAULT_MAX_LENGTH;
    const areaId = nextId('body'), hintId = nextId('hint'), countId = nextId('count'), nameId = nextId('name');
    const guest = !opts.edit && !th._auth.token();
    let nameInput = guest ? h('input', { type: 'text', id: nameId, name: 'name', autocomplete: 'nickname',
      maxlength: '80', required: true, props: { value: this.guestName() } }) : null;
    // E-mail notifications: offered when the server sends mail; host-site readers' address comes from their token.
    const external = th._auth.author && th._auth.author.kind === 'external';
    const notifyId = nextId('notify'), emailId = nextId('email');
    const notifyBox = !opts.edit && th._settings.mailNotifications
      ? h('input', { type: 'checkbox', id: notifyId, name: 'notify' }) : null;
    const emailInput = notifyBox && !external ? h('input', { type: 'email', id: emailId, name: 'email', autocomplete: 'email',
      maxlength: '320', props: { value: memory.remembered('email') } }) : null;
    const emailField = emailInput ? h('div', { class: 'field', hidden: true }, h('label', { for: emailId }, t('email')), emailInput) : null;
    if (notifyBox && emailField) notifyBox.addEventListener('change', () => { emailField.hidden = !notifyBox.checked; });
    const area = h('textarea', { id: areaId, name: 'body', required: true, maxlength: String(max),
      'aria-describedby': `${hintId} ${countId}`, props: { value: opts.initial || '' } });
    const count = h('p', { class: 'hint', id: countId });
    const preview = h('div', { class: 'preview', hidden: true, tabindex: '0', role: 'region', 'aria-label': t('preview') });
    const previewBtn = h('button', { type: 'button', class: 'link', 'aria-pressed': 'false' }, t('preview'));
    const nudge = h('div', { class: 'nudge-live', 'aria-live': 'assertive' });
    const status = h('div', { class: 'status', role: 'status' });
    const submit = h('button', { type: 'submit', class: 'primary' }, opts.submit);
    const updateCount = () => { count.textContent = t('chars', { n: area.value.length, max }); };
    area.addEventListener('input', () => { updateCount(); nudge.textContent = ''; });
    updateCount();
    previewBtn.addEventListener('click', () => {
      const on = previewBtn.getAttribute('aria-pressed') !== 'true';
      previewBtn.setAttribute('aria-pressed', String(on));
      area.hidden = on;
      preview.hidden = !on;
      if (on) this.preview(area.value, preview);
      (on ? preview : area).focus();
    });
    const form = h('form', { novalidate: true, class: opts.parent || opts.edit ? 'inline' : 'main' },
      nameInput ? h('div', { class: 'field' }, h('label', { for: nameId }, t('name')), nameInput) : null,
      h('div', { class: 'field' }, h('label', { for: areaId }, opts.label), area, preview,
        h('p', { class: 'hint', id: hintId }, t('markdownHint')), count),
      notifyBox ? h('div', { class: 'field' }, notifyBox, ' ', h('label', { for: notifyId }, t('notifyMe'))) : null,
      emailField,
      nudge,
      h('div', { class: 'row' }, submit, previewBtn,
        opts.onCancel ? h('button', { type: 'button', onclick: opts.onCancel }, t('cancel')) : null),
      status);
    const refuse = (message, field) => {
      status.classList.add('err');
      status.textContent = message;
      field.focus();
    };
    const send = async (confirm) => {
      status.classList.remove('err');
      if (nameInput && !th._auth.token() && !nameInput.value.trim()) return refuse(t('nameRequired'), nameInput);
      if (!area.value.trim()) return refuse(t('bodyRequired'), area);
      const mail = notifyBox && notifyBox.checked ? { notify: true, email: emailInput ? emailInput.value.trim() : '' } : null;
      if (mail && emailInput && !mail.email) return refuse(t('emailRequired'), emailInput);
      if (mail && mail.email) memory.remembered('email', mail.email);
      submit.disabled = true;
      status.textContent = t('posting');
      if (nameInput) this.guestName(nameInput.value.trim());
      try {
        const res = opts.edit ? await this.saveEdit(opts.edit, area.value, confirm)
          : await this.submit(area.value, opts.parent, nameInput && nameInput.value.trim(), confirm, form, mail);
        status.textContent = '';
        if (res.nudge) {
          this.showNudge(nudge, area, res.nudge, send);
        } else {
          nudge.textContent = '';
          area.value = '';
          updateCount();
          form._key = null;
          if (previewBtn.getAttribute('aria-pressed') === 'true') previewBtn.click();
          if (nameInput && th._auth.token()) {
            nameInput.closest('.field').remove();
            nameInput = null;
          }
          if (opts.onDone) opts.onDone(res.comment, res);
          else th._placeNew(res.comment, null, res);
          if (notifyBox) {
            notifyBox.checked = false;
            if (emailField) emailField.hidden = true;
          }
          if (res.notifications === 'pending-confirmation') status.textContent = t('confirmEmail');
        }
      } catch (e) {
        status.classList.add('err');
        status.textContent = e && e.status ? e.message : t('error');
      }
      submit.disabled = false;
    };
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      send(false);
    });
    return form;
  }

  /** The server's rendering of the Markdown (the plain text stays if it cannot be had). */
  async preview(text, box) {
    const th = this.thread;
    box.textContent = '';
    box.classList.remove('rendered');
    if (!text.trim()) {
      box.textContent = th.t('previewEmpty');
      return;
    }
    box.textContent = text;
    try {
      const r = await th._api.call('POST', `preview${query({ site: th._site })}`, { body: { body: text, site: th._site } });
      if (r.data && typeof r.data.html === 'string') {
        box.classList.add('rendered');
        setSanitizedHtml(box, r.data.html);
      }
    } catch {
      /* the plain-text preview already shown stays */
    }
  }

  /** Posts a comment; resolves to {comment, status, message} or {nudge}. One idempotency key per text. */
  async submit(text, parent, name, confirm, form, mail) {
    const th = this.thread;
    const body = { body: text, parentId: parent ? parent.id : null, confirm: !!confirm };
    if (name && !th._auth.token()) body.author = { name };
    if (mail) {
      body.notify = true;
      if (mail.email) body.author = { ...body.author, email: mail.email };
    }
    const fingerprint = `${text}|${!!confirm}|${parent ? parent.id : ''}`;
    if (!form._key || form._keyText !== fingerprint) {
      form._key = uuid();
      form._keyText = fingerprint;
    }
    const r = await th._api.call('POST', th._path('/comments') + query({ site: th._site }), {
      body, idempotencyKey: form._key, auth: th._auth,
    });
    return this.outcome(r.data);
  }

  async saveEdit(c, text, confirm) {
    const th = this.thread;
    const r = await th._api.call('PATCH', `comments/${seg(c.id)}${query({ site: th._site })}`, {
      body: { body: text, version: c.version, confirm: !!confirm }, auth: th._auth, needsToken: true,
    });
    return this.outcome(r.data);
  }

  outcome(d) {
    d = d || {};
    if (d.reader) this.thread._auth.store(d.reader);
    if (d.nudge) return { nudge: d.nudge };
    return { comment: normaliseComment(d.comment), status: d.status, message: d.message, notifications: d.notifications };
  }

  showNudge(box, area, nudge, send) {
    const t = this.thread.t.bind(this.thread), titleId = nextId('nudge');
    box.textContent = '';
    const editBtn = h('button', { type: 'button', onclick: () => { box.textContent = ''; area.focus(); } }, t('editIt'));
    box.appendChild(h('div', { class: 'nudge', role: 'group', 'aria-labelledby': titleId },
      h('p', { id: titleId }, nudge.message || t('nudgeDefault')),
      h('blockquote', null, highlighted(area.value, nudge.spans)),
      h('div', { class: 'row' },
        h('button', { type: 'button', class: 'primary', onclick: () => send(true) }, t('postAnyway')),
        editBtn)));
    editBtn.focus();
  }

  toggleReply(c, li, btn) {
    const th = this.thread, open = li.querySelector(':scope > form');
    if (open) {
      open.remove();
      btn.setAttribute('aria-expanded', 'false');
      btn.focus();
      return;
    }
    btn.setAttribute('aria-expanded', 'true');
    const close = () => { form.remove(); btn.setAttribute('aria-expanded', 'false'); };
    const form = this.form({ label: th.t('yourReply', { name: c.author.name }), submit: th.t('postReply'), parent: c,
      onCancel: () => { close(); btn.focus(); },
      onDone: (reply, res) => { close(); th._placeNew(reply, li, res); } });
    li.querySelector('article').after(form);
    form.querySelector('input,textarea').focus();
  }

  edit(c, li, btn) {
    const th = this.thread, art = li.querySelector('article'), body = art.querySelector('.body');
    if (li.querySelector(':scope > form.inline')) return;
    const close = () => { form.remove(); body.hidden = false; };
    const form = this.form({ label: th.t('editLabel'), submit: th.t('save'), edit: c,
      initial: c.body != null ? c.body : body.innerText.trim(),
      onCancel: () => { close(); btn.focus(); },
      onDone: (updated, res) => {
        close();
        setSanitizedHtml(body, updated.html);
        Object.assign(c, { body: updated.body, version: updated.version, status: updated.status });
        // An edit that stays published is simply saved; one screening holds says so (the server's words).
        th._cards.note(li, updated.status === 'published' ? th.t('saved') : (res && res.message) || th.t('held'));
        art.focus();
      } });
    body.hidden = true;
    art.after(form);
    form.querySelector('textarea').focus();
  }
}
